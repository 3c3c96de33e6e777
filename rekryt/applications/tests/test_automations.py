"""Stage automations: the email a stage sends when an application enters it."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.utils import timezone

from conftest import make_application, make_job
from rekryt.applications.actions import move_to_stage, set_outcome
from rekryt.applications.models import Outcome, RejectionReason
from rekryt.jobs.models import StageKind, StageTemplate, stages_for
from rekryt.messaging.models import Message, MessageStatus
from rekryt.ops.duties import run_until_idle


def stage_of(job, kind):
    return next(s for s in stages_for(job) if s.kind == kind)


def test_it_copies_the_automation_from_the_stage_templates(rita, org):
    StageTemplate.objects.filter(kind=StageKind.SCREENING).update(
        email_kind="interview_invitation", email_delay_hours=3, send_survey=True
    )
    job = make_job(recruiter=rita)
    screening = stage_of(job, StageKind.SCREENING)
    assert (screening.email_kind, screening.email_delay_hours, screening.send_survey) == (
        "interview_invitation",
        3,
        True,
    )
    assert stage_of(job, StageKind.APPLIED).email_kind == "application_received"
    assert stage_of(job, StageKind.INTERVIEW).email_kind == "interview_invitation"
    assert stage_of(job, StageKind.HIRED).email_kind == "hired_welcome"


def test_it_sends_the_receipt_once_through_the_applied_automation(job):
    application = make_application(job)
    receipt = Message.objects.get(application=application)
    assert receipt.idempotency_key == f"received:{application.pk}"
    assert receipt.kind == "application_received"


def test_it_queues_the_interview_invitation_on_entering_the_interview_stage(rita, job):
    application = make_application(job)
    interview = stage_of(job, StageKind.INTERVIEW)
    move_to_stage(application, interview, rita)
    invitation = Message.objects.get(application=application, kind="interview_invitation")
    assert invitation.idempotency_key == f"stage:{application.pk}:{interview.pk}:1"
    assert invitation.status == MessageStatus.SCHEDULED


def test_it_delays_the_email_by_the_stage_delay(rita, job):
    interview = stage_of(job, StageKind.INTERVIEW)
    interview.email_delay_hours = 6
    interview.save()
    application = make_application(job)
    move_to_stage(application, interview, rita)
    invitation = Message.objects.get(application=application, kind="interview_invitation")
    assert invitation.send_after > timezone.now() + timedelta(hours=5, minutes=59)


def test_it_never_fires_twice_for_the_same_entry(rita, job):
    application = make_application(job)
    interview = stage_of(job, StageKind.INTERVIEW)
    move_to_stage(application, interview, rita)
    # A retried move into the stage it is already in does nothing.
    assert not move_to_stage(application, interview, rita)
    assert Message.objects.filter(application=application, kind="interview_invitation").count() == 1


def test_it_cancels_pending_emails_when_the_card_leaves_the_stage(rita, job):
    stages = list(stages_for(job))
    interview = stage_of(job, StageKind.INTERVIEW)
    interview.email_delay_hours = 2
    interview.save()
    application = make_application(job)
    move_to_stage(application, interview, rita)
    move_to_stage(application, stages[1], rita)
    move_to_stage(application, interview, rita)
    move_to_stage(application, stages[1], rita)
    invitations = Message.objects.filter(application=application, kind="interview_invitation")
    assert invitations.count() == 2
    assert set(invitations.values_list("status", flat=True)) == {MessageStatus.CANCELLED}
    with time_machine.travel(timezone.now() + timedelta(hours=3)):
        run_until_idle()
    assert (
        not Message.objects.filter(application=application, kind="interview_invitation")
        .exclude(status=MessageStatus.CANCELLED)
        .exists()
    )


def test_it_fires_again_on_a_later_entry_after_the_first_was_sent(rita, job):
    stages = list(stages_for(job))
    interview = stage_of(job, StageKind.INTERVIEW)
    application = make_application(job)
    move_to_stage(application, interview, rita)
    run_until_idle()
    move_to_stage(application, stages[1], rita)
    move_to_stage(application, interview, rita)
    keys = set(
        Message.objects.filter(application=application, kind="interview_invitation").values_list(
            "idempotency_key", flat=True
        )
    )
    assert keys == {
        f"stage:{application.pk}:{interview.pk}:1",
        f"stage:{application.pk}:{interview.pk}:2",
    }


def test_it_never_resends_the_receipt_when_moved_back_to_applied(rita, job):
    stages = list(stages_for(job))
    application = make_application(job)
    move_to_stage(application, stages[1], rita)
    move_to_stage(application, stages[0], rita)
    assert Message.objects.filter(application=application, kind="application_received").count() == 1
    assert Message.objects.get(application=application).status == MessageStatus.SCHEDULED


def test_it_keeps_the_welcome_when_the_hire_is_recorded(rita, job):
    hired = stage_of(job, StageKind.HIRED)
    hired.email_delay_hours = 1
    hired.save()
    application = make_application(job)
    move_to_stage(application, hired, rita)
    set_outcome(application, Outcome.HIRED, rita)
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        run_until_idle()
    welcome = Message.objects.get(application=application, kind="hired_welcome")
    assert welcome.status == MessageStatus.SENT


def test_it_cancels_stage_emails_when_the_application_is_rejected(rita, job):
    interview = stage_of(job, StageKind.INTERVIEW)
    interview.email_delay_hours = 1
    interview.save()
    application = make_application(job)
    move_to_stage(application, interview, rita)
    reason = RejectionReason.objects.filter(kind="declined").first()
    set_outcome(application, Outcome.REJECTED, rita, reason)
    invitation = Message.objects.get(application=application, kind="interview_invitation")
    assert invitation.status == MessageStatus.CANCELLED


def test_it_skips_a_stage_without_an_email(rita, job):
    application = make_application(job)
    move_to_stage(application, stage_of(job, StageKind.SCREENING), rita)
    assert Message.objects.filter(application=application).count() == 1


def test_the_worker_cancels_a_stage_email_for_a_stage_the_card_has_left(rita, job):
    from rekryt.applications.models import Application
    from rekryt.messaging.duties import DeliverDueMessages

    stages = list(stages_for(job))
    interview = stage_of(job, StageKind.INTERVIEW)
    application = make_application(job)
    run_until_idle()
    move_to_stage(application, interview, rita)
    # Moved on behind the action's back (a worker had the email claimed).
    Application.objects.filter(pk=application.pk).update(stage=stages[1])
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        DeliverDueMessages().handle_one()
    invitation = Message.objects.get(application=application, kind="interview_invitation")
    assert invitation.status == MessageStatus.CANCELLED
    assert invitation.last_error == "No longer wanted"


def test_the_pre_send_checks_are_registered_per_kind():
    from rekryt.messaging import hooks

    message = Message(kind="some_other_kind", idempotency_key="stage:1:2:1")
    assert hooks.still_wanted(message)
