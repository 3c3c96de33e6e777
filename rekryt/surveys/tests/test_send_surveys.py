"""The duty reads the Event log and sends each survey once, to the right
people, at the right time."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from conftest import make_application
from rekryt.accounts.models import Organisation
from rekryt.applications.actions import move_to_stage, reopen, set_outcome
from rekryt.applications.models import Event, EventKind, Outcome, RejectionReason
from rekryt.jobs.models import Stage, StageKind
from rekryt.messaging.models import Message, MessageStatus
from rekryt.surveys.models import Survey, SurveyStatus
from rekryt.surveys.tests.helpers import work

pytestmark = pytest.mark.django_db


def set_org(**fields):
    org = Organisation.get()
    for name, value in fields.items():
        setattr(org, name, value)
    org.save()


def invitations():
    return Message.objects.filter(kind="survey_invitation")


def test_it_sends_a_survey_a_day_after_applying(application):
    work()
    assert invitations().count() == 0  # planned, not yet due
    survey = Survey.objects.get(application=application)
    assert survey.step == "applied"
    assert survey.department == "Engineering"

    work(timedelta(days=1, minutes=10))

    message = invitations().get()
    assert message.to_email == application.candidate.email
    assert message.application == application
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.SENT
    assert len(survey.token_hash) == 64
    assert survey.expires_at > survey.sent_at
    event = Event.objects.get(application=application, kind=EventKind.SURVEY_SENT)
    assert event.data == {"step": "applied", "message": message.pk}


def test_the_email_has_eleven_score_buttons_and_an_unsubscribe_link(application):
    work(timedelta(days=2))
    message = invitations().get()
    for score in range(11):
        assert f'?score={score}"' in message.body_html
    assert "/unsubscribe/" in message.body_html
    assert "/survey/" in message.body_text
    assert "/unsubscribe/" in message.body_text


def test_running_the_duty_twice_never_sends_twice(application):
    work(timedelta(days=2))
    work(timedelta(days=2))
    assert Survey.objects.count() == 1
    assert invitations().count() == 1


def test_it_waits_for_events_to_settle(application):
    assert work(timedelta(seconds=1)) == 0
    assert Survey.objects.count() == 0


def test_it_ignores_events_older_than_a_week(application):
    work(timedelta(days=8))
    assert Survey.objects.count() == 0


def test_it_sends_after_leaving_an_interview_stage(job, rita):
    application = make_application(job)
    interview = job.stages.get(kind=StageKind.INTERVIEW)
    move_to_stage(application, interview, rita)
    later = job.stages.filter(order__gt=interview.order).first()
    move_to_stage(application, later, rita)
    set_org(survey_cooldown_days=0)
    work(timedelta(days=2))
    steps = set(Survey.objects.filter(application=application).values_list("step", flat=True))
    assert "interview" in steps


def test_an_undone_move_into_an_interview_is_no_interview(job, rita):
    from rekryt.applications.stage_emails import undo_move

    application = make_application(job)
    move_to_stage(application, job.stages.get(kind=StageKind.INTERVIEW), rita)
    # Undone before the invitation went out: the candidate had no interview.
    assert undo_move(application, rita)
    set_org(survey_cooldown_days=0)
    work(timedelta(days=2))
    steps = set(Survey.objects.filter(application=application).values_list("step", flat=True))
    assert "interview" not in steps


def test_it_keeps_to_one_survey_per_candidate_per_cooldown(job, other_job):
    first = make_application(job, email="same@example.org")
    make_application(other_job, email="same@example.org")
    work(timedelta(days=2))
    assert invitations().count() == 1
    skipped = Survey.objects.exclude(application=first).get()
    assert skipped.status == SurveyStatus.SKIPPED
    assert skipped.skip_reason == "cooldown"


def test_it_never_surveys_someone_who_opted_out(application):
    application.candidate.surveys_opt_out = True
    application.candidate.save()
    work(timedelta(days=2))
    assert invitations().count() == 0
    assert Survey.objects.get().skip_reason == "opted_out"


def test_it_sends_nothing_when_surveys_are_off(application):
    set_org(surveys_enabled=False)
    work(timedelta(days=2))
    assert invitations().count() == 0


def test_a_rejection_survey_waits_for_the_rejection_email(application, rita):
    set_org(survey_cooldown_days=0)
    reason = RejectionReason.objects.filter(kind="declined").first()
    decided = timezone.now()
    set_outcome(application, Outcome.REJECTED, rita, reason)
    # The rejection email, as the rejection workflow queues it, not sent yet.
    rejection = Message.objects.create(
        idempotency_key=f"reject:{application.pk}:1",
        kind="rejection",
        to_email=application.candidate.email,
        subject="Sorry",
        body_text="Sorry",
        application=application,
        candidate=application.candidate,
        send_after=decided + timedelta(days=3),
        give_up_at=decided + timedelta(days=5),
    )
    work(timedelta(days=2, minutes=10))
    rejected = Survey.objects.get(application=application, step="rejected")
    assert rejected.status == SurveyStatus.SCHEDULED
    assert rejected.due_at > rejection.send_after

    Message.objects.filter(pk=rejection.pk).update(
        status=MessageStatus.SENT, sent_at=decided + timedelta(days=3)
    )
    with time_machine.travel(decided + timedelta(days=3, hours=3), tick=False):
        work(timedelta(0))
    rejected.refresh_from_db()
    assert rejected.status == SurveyStatus.SENT


def test_reopening_cancels_a_planned_rejection_survey(application, rita):
    reason = RejectionReason.objects.filter(kind="declined").first()
    set_outcome(application, Outcome.REJECTED, rita, reason)
    reopen(application, rita)
    work(timedelta(days=3))
    rejected = Survey.objects.get(application=application, step="rejected")
    assert rejected.status == SurveyStatus.SKIPPED
    assert rejected.skip_reason == "reopened"


def test_it_surveys_a_hired_candidate_thirty_days_in(application, rita):
    # Without a start date, 30 days after the hire (rekryt.onboarding sets
    # the due time: 30 days after the start date once there is one).
    set_org(survey_cooldown_days=0)
    set_outcome(application, Outcome.HIRED, rita)
    work()
    hired = Survey.objects.get(application=application, step="hired")
    assert hired.status == SurveyStatus.SCHEDULED
    work(timedelta(days=30, minutes=10))
    hired.refresh_from_db()
    assert hired.status == SurveyStatus.SENT


@pytest.mark.skipif(not hasattr(Stage, "send_survey"), reason="stage automations not installed")
def test_it_sends_on_entering_a_stage_marked_for_a_survey(job, rita):
    set_org(survey_cooldown_days=0)
    application = make_application(job)
    offer = job.stages.get(kind=StageKind.OFFER)
    Stage.objects.filter(pk=offer.pk).update(send_survey=True)
    move_to_stage(application, offer, rita)
    work(timedelta(days=2))
    assert Survey.objects.get(application=application, step="offer").status == SurveyStatus.SENT


def test_it_never_surveys_a_withdrawal(application, rita):
    reason = RejectionReason.objects.create(
        name_sv="Drog sig ur", name_en="Withdrew", kind="withdrew"
    )
    set_outcome(application, Outcome.WITHDRAWN, rita, reason)
    work(timedelta(days=3))
    assert list(Survey.objects.values_list("step", flat=True)) == ["applied"]


def test_a_survey_that_cannot_be_sent_is_retried_later(application):
    from rekryt.messaging.models import EmailTemplate

    EmailTemplate.objects.filter(kind="survey_invitation").delete()
    work(timedelta(days=2))
    survey = Survey.objects.get()
    assert survey.status == SurveyStatus.SCHEDULED
    assert survey.claimed_until is None
    assert survey.due_at > timezone.now() + timedelta(days=2)
