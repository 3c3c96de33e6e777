"""Results belong to the candidate: a valid one is reused for a new
application (and the candidate is told), an expired one is not. A stage
automation invites after the undo delay, and undoing the move cancels it.
One reminder goes out through the worker's delivery lane."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from conftest import make_application, make_job
from rekryt.applications.actions import move_to_stage
from rekryt.applications.stage_emails import undo_move
from rekryt.jobs.models import stages_for
from rekryt.messaging.models import Message, MessageStatus
from rekryt.ops.duties import run_until_idle
from rekryt.screening import invitations, logic
from rekryt.screening.duties import SendTestReminders
from rekryt.screening.models import AssessmentKind, Invitation, JobTest, Result
from rekryt.screening.sittings import save_answers, start

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


def take_logic_test(invitation):
    result = start(invitation, "en")
    answers = {str(i.index): i.answer for i in logic.items(result.seed)}
    save_answers(result, answers)
    result.refresh_from_db()
    return result


@pytest.fixture
def two_jobs(job, rita):
    second = make_job(recruiter=rita, title="Lagerarbetare")
    for each in (job, second):
        JobTest.objects.create(job=each, kind=AssessmentKind.LOGIC)
    return job, second


def test_a_valid_earlier_result_is_reused_and_the_candidate_told(two_jobs):
    first_job, second_job = two_jobs
    first = make_application(first_job, email="ada@example.org")
    result = take_logic_test(Invitation.objects.get(application=first))
    second = make_application(second_job, email="ada@example.org")
    invitation = Invitation.objects.get(application=second)
    assert invitation.reused and invitation.result == result
    assert invitation.token_hash is None  # nothing to take
    told = Message.objects.get(application=second, kind=invitations.REUSED)
    assert "do not need to take it again" in told.body_text
    assert not Message.objects.filter(application=second, kind=invitations.INVITED).exists()


def test_an_expired_result_is_not_reused(two_jobs):
    first_job, second_job = two_jobs
    first = make_application(first_job, email="ada@example.org")
    result = take_logic_test(Invitation.objects.get(application=first))
    with time_machine.travel(result.valid_until + timedelta(minutes=1), tick=False):
        second = make_application(second_job, email="ada@example.org")
    invitation = Invitation.objects.get(application=second)
    assert not invitation.reused and invitation.result is None
    assert Message.objects.filter(application=second, kind=invitations.INVITED).exists()


def test_a_result_valid_a_minute_longer_is_reused(two_jobs):
    first_job, second_job = two_jobs
    first = make_application(first_job, email="ada@example.org")
    result = take_logic_test(Invitation.objects.get(application=first))
    with time_machine.travel(result.valid_until - timedelta(minutes=1), tick=False):
        second = make_application(second_job, email="ada@example.org")
    assert Invitation.objects.get(application=second).reused


def test_finishing_answers_every_open_invitation_to_the_same_test(two_jobs):
    first_job, second_job = two_jobs
    first = make_application(first_job, email="ada@example.org")
    second = make_application(second_job, email="ada@example.org")
    result = take_logic_test(Invitation.objects.get(application=first))
    other = Invitation.objects.get(application=second)
    assert other.result == result and other.reused


def test_a_stage_invites_after_the_undo_delay_and_undo_cancels_it(job, rita, org):
    stages = list(stages_for(job))
    JobTest.objects.create(job=job, kind=AssessmentKind.PERSONALITY, stage=stages[1])
    application = make_application(job)
    assert not Invitation.objects.exists()
    move_to_stage(application, stages[1], rita)
    message = Message.objects.get(kind=invitations.INVITED)
    assert message.send_after >= timezone.now() + timedelta(
        minutes=org.stage_email_delay_minutes - 1
    )
    assert undo_move(application, rita)
    message.refresh_from_db()
    assert message.status == MessageStatus.CANCELLED
    assert Invitation.objects.get().is_cancelled


def test_one_reminder_goes_out_before_the_deadline(job):
    JobTest.objects.create(job=job, kind=AssessmentKind.LOGIC, days_to_answer=7)
    application = make_application(job)
    invitation = Invitation.objects.get(application=application)
    with time_machine.travel(invitation.remind_at - timedelta(minutes=1), tick=False):
        assert not SendTestReminders().handle_one()
    with time_machine.travel(invitation.remind_at + timedelta(minutes=1), tick=False):
        run_until_idle([SendTestReminders()])
        run_until_idle([SendTestReminders()])
    reminders = Message.objects.filter(kind=invitations.REMINDER)
    assert reminders.count() == 1
    assert "/tests/t/" in reminders.get().body_text
    assert SendTestReminders.lane == "delivery"


def test_no_reminder_once_the_test_is_done(job):
    JobTest.objects.create(job=job, kind=AssessmentKind.LOGIC)
    application = make_application(job)
    invitation = Invitation.objects.get(application=application)
    take_logic_test(invitation)
    with time_machine.travel(invitation.remind_at + timedelta(minutes=1), tick=False):
        run_until_idle([SendTestReminders()])
    assert not Message.objects.filter(kind=invitations.REMINDER).exists()
    assert Invitation.objects.get().reminded_at is not None


def test_the_reminder_is_not_sent_if_finished_after_it_was_queued(job):
    JobTest.objects.create(job=job, kind=AssessmentKind.LOGIC)
    application = make_application(job)
    invitation = Invitation.objects.get(application=application)
    with time_machine.travel(invitation.remind_at + timedelta(minutes=1), tick=False):
        run_until_idle([SendTestReminders()])
        take_logic_test(invitation)
        reminder = Message.objects.get(kind=invitations.REMINDER)
        assert not invitations.still_wanted(reminder)


def test_a_result_stays_with_the_candidate(job):
    JobTest.objects.create(job=job, kind=AssessmentKind.LOGIC)
    application = make_application(job)
    result = take_logic_test(Invitation.objects.get(application=application))
    assert result.candidate == application.candidate
    assert Result.objects.filter(candidate=application.candidate).count() == 1
