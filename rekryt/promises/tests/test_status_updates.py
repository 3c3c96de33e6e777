"""The optional automatic "we are still working on it" email."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from conftest import make_application
from rekryt.applications.actions import set_outcome
from rekryt.applications.models import Event, EventKind, Outcome, RejectionReason
from rekryt.messaging.models import Message, MessageStatus, TemplateKind
from rekryt.messaging.tests.helpers import work as deliver
from rekryt.promises import rules
from rekryt.promises.duties import SendStatusUpdates
from rekryt.promises.tests.conftest import contact
from rekryt.promises.waiting import waiting

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def work() -> int:
    duty = SendStatusUpdates()
    done = 0
    while duty.handle_one():
        done += 1
    return done


def updates():
    return Message.objects.filter(kind=TemplateKind.STATUS_UPDATE).order_by("pk")


@pytest.fixture
def weekly(org):
    org.status_update_after_days = 7
    org.save()
    return org


@pytest.fixture
def applied(job):
    with time_machine.travel(datetime(2026, 11, 2, 10, tzinfo=STOCKHOLM), tick=False):
        application = make_application(job, first_name="Greta")
        deliver()  # the receipt goes out
    return application


def test_it_sends_nothing_when_the_setting_is_off(org, applied):
    with time_machine.travel(datetime(2026, 12, 20, 10, tzinfo=STOCKHOLM), tick=False):
        assert work() == 0
    assert not updates().exists()


def test_it_sends_nothing_before_the_silence_is_long_enough(weekly, applied):
    with time_machine.travel(datetime(2026, 11, 9, 9, tzinfo=STOCKHOLM), tick=False):
        assert work() == 0
    assert not updates().exists()


def test_it_sends_the_moment_the_silence_passes_the_setting_and_not_before(weekly, applied):
    heard = datetime(2026, 11, 2, 10, tzinfo=STOCKHOLM)  # the receipt went out
    with time_machine.travel(heard + timedelta(days=7), tick=False):
        assert work() == 0
    with time_machine.travel(heard + timedelta(days=7, seconds=1), tick=False):
        assert work() == 1
    assert updates().count() == 1


def test_it_sends_once_and_sets_the_promise(weekly, applied):
    with time_machine.travel(datetime(2026, 11, 9, 11, tzinfo=STOCKHOLM), tick=False):
        assert work() == 1
        assert work() == 0
    (message,) = updates()
    assert message.idempotency_key == f"status:{applied.pk}:1"
    assert message.language == "en"
    assert "you will hear from us by 23 November 2026" in message.body_text
    assert "Greta" in message.body_text
    assert "http://testserver/portal/" in message.body_text  # the portal's link
    promise = Event.objects.get(application=applied, kind=EventKind.PROMISE_SET)
    assert promise.data["hear_by"] == "2026-11-23"
    assert Event.objects.filter(
        application=applied, kind=EventKind.MESSAGE_QUEUED, data__message=message.pk
    ).exists()
    with time_machine.travel(datetime(2026, 11, 12, 11, tzinfo=STOCKHOLM), tick=False):
        deliver()
        assert work() == 0
    assert updates().count() == 1


def test_the_promised_date_is_what_the_waiting_view_tracks(weekly, applied):
    contact(applied, TemplateKind.INTERVIEW_INVITATION, datetime(2026, 11, 3, 9, tzinfo=STOCKHOLM))
    with time_machine.travel(datetime(2026, 11, 10, 11, tzinfo=STOCKHOLM), tick=False):
        assert work() == 1
    with time_machine.travel(datetime(2026, 11, 22, 11, tzinfo=STOCKHOLM), tick=False):
        (item,) = waiting(applied.job.applications.all(), date(2026, 11, 22), rules.Terms())
    assert (item.standing.reason, item.standing.deadline) == ("promise", date(2026, 11, 24))


def test_a_second_silence_gets_a_second_update(weekly, applied):
    with time_machine.travel(datetime(2026, 11, 9, 11, tzinfo=STOCKHOLM), tick=False):
        work()
        deliver()
    with time_machine.travel(datetime(2026, 11, 16, 12, tzinfo=STOCKHOLM), tick=False):
        assert work() == 1
    assert [m.idempotency_key for m in updates()] == [
        f"status:{applied.pk}:1",
        f"status:{applied.pk}:2",
    ]


def test_ended_applications_get_no_update(weekly, applied, rita):
    reason = RejectionReason.objects.first()
    set_outcome(applied, Outcome.REJECTED, rita, reason)
    with time_machine.travel(datetime(2026, 12, 1, 11, tzinfo=STOCKHOLM), tick=False):
        assert work() == 0
    assert not updates().exists()


def test_a_swedish_application_gets_the_swedish_text(weekly, job):
    job.language = "sv"
    job.save()
    with time_machine.travel(datetime(2026, 11, 2, 10, tzinfo=STOCKHOLM), tick=False):
        make_application(job)
    with time_machine.travel(datetime(2026, 11, 9, 11, tzinfo=STOCKHOLM), tick=False):
        work()
    (message,) = updates()
    assert message.language == "sv"
    assert "senast 23 november 2026" in message.body_text
    assert message.status == MessageStatus.SCHEDULED
