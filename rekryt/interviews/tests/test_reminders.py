"""Reminders go through the worker's delivery lane: the candidate's at 24
hours and 1 hour before, in their language; none for a cancelled interview;
a moved interview reminds once, for its new time only; the kit on the
morning; the scorecard reminder 24 hours after the end to those who have
not submitted."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from conftest import make_application
from rekryt.interviews import scheduling
from rekryt.interviews.actions import save_scorecard
from rekryt.interviews.duties import SendInterviewReminders
from rekryt.interviews.tests.helpers import plan, slot
from rekryt.messaging.models import Message, MessageStatus
from rekryt.ops.duties import load_duties, run_until_idle

pytestmark = pytest.mark.django_db
STOCKHOLM = ZoneInfo("Europe/Stockholm")
BOOKED_AT = datetime(2027, 5, 3, 9, 0, tzinfo=STOCKHOLM)  # a Monday
START = datetime(2027, 5, 6, 14, 0, tzinfo=STOCKHOLM)  # Thursday 14:00


def work_at(moment):
    with time_machine.travel(moment, tick=False):
        run_until_idle(load_duties(["delivery"]))


def sent(kind, to=None):
    found = Message.objects.filter(kind=kind, status=MessageStatus.SENT)
    return found.filter(to_email=to) if to else found


@pytest.fixture
def booked(job, rita, ivan):
    job.team.add(ivan)
    application = make_application(job)
    application.language = "sv"
    application.save(update_fields=["language"])
    step = plan(job)
    with time_machine.travel(BOOKED_AT, tick=False):
        interview = scheduling.book_directly(application, step, START, [ivan], rita)
    return interview


def test_the_candidate_is_reminded_at_24_and_1_hours_in_their_language(booked):
    work_at(START - timedelta(hours=25))
    assert not sent("interview_reminder").exists()
    work_at(START - timedelta(hours=23, minutes=59))
    first = sent("interview_reminder").get()
    assert first.language == "sv" and "Påminnelse" in first.subject
    work_at(START - timedelta(minutes=59))
    reminders = sent("interview_reminder")
    assert reminders.count() == 2
    assert all("/interview/device-check/" in m.body_text for m in reminders)
    work_at(START)
    assert sent("interview_reminder").count() == 2
    assert SendInterviewReminders.lane == "delivery"


def test_a_cancelled_interview_sends_no_reminder(booked, rita):
    work_at(BOOKED_AT + timedelta(minutes=10))  # the invitations go out
    with time_machine.travel(BOOKED_AT + timedelta(hours=1), tick=False):
        assert scheduling.cancel(booked, "Sjuk", rita, by_candidate=False)
    work_at(START - timedelta(minutes=30))
    assert not Message.objects.filter(kind="interview_reminder").exists()
    assert sent("interview_cancelled").count() == 1


def test_a_reminder_queued_before_a_cancellation_is_not_sent(booked, rita):
    # The reminder is queued (due) but not yet delivered when the interview
    # is cancelled: delivery's check stops it.
    with time_machine.travel(START - timedelta(hours=23), tick=False):
        run_until_idle([SendInterviewReminders()])
        scheduling.cancel(booked, "Sjuk", rita, by_candidate=False)
    work_at(START - timedelta(hours=22))
    reminder = Message.objects.get(kind="interview_reminder")
    assert reminder.status == MessageStatus.CANCELLED


def test_a_moved_interview_reminds_once_for_its_new_time(booked, rita, ivan):
    later = START + timedelta(days=2)
    new_slot = slot(booked.step, later, [ivan])
    work_at(START - timedelta(hours=23))  # the 24-hour reminder of the old time
    with time_machine.travel(START - timedelta(hours=22), tick=False):
        scheduling.book(booked, new_slot, rita)
    work_at(START - timedelta(minutes=30))  # the old 1-hour reminder: gone
    assert sent("interview_reminder").count() == 1
    work_at(later - timedelta(hours=23))
    work_at(later - timedelta(minutes=30))
    reminders = list(sent("interview_reminder").order_by("sent_at"))
    assert len(reminders) == 3
    assert "8 maj 2027 14:00" in reminders[1].body_text
    assert "8 maj 2027 14:00" in reminders[2].body_text


def test_interviewers_get_the_kit_in_the_morning_and_a_scorecard_reminder(booked, ivan):
    work_at(START.replace(hour=6, minute=59))
    assert not sent("interview_kit", ivan.email).exists()
    work_at(START.replace(hour=7, minute=1))
    kit = sent("interview_kit", ivan.email).get()
    assert f"/staff/interviews/{booked.pk}/" in kit.body_text
    work_at(booked.ends_at + timedelta(hours=24, minutes=1))
    assert sent("scorecard_reminder", ivan.email).count() == 1


def test_no_scorecard_reminder_once_submitted(booked, ivan):
    save_scorecard(booked, ivan, {}, "yes", "Bra.", submit=True)
    work_at(booked.ends_at + timedelta(hours=25))
    assert not Message.objects.filter(kind="scorecard_reminder").exists()
