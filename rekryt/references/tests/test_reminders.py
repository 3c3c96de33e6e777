"""The request waits the staff delay; reminders go out on the morning of the
2nd and 4th working day after it (Swedish holidays are days off), through
the worker's delivery lane, and stop once the referee has answered or
declined."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from rekryt.messaging.models import Message, MessageStatus
from rekryt.ops.duties import load_duties, run_until_idle
from rekryt.references import actions
from rekryt.references.emails import reminder_times
from rekryt.references.tests.helpers import answer_url, full_answers, requested

pytestmark = pytest.mark.django_db
STOCKHOLM = ZoneInfo("Europe/Stockholm")
MONDAY = datetime(2027, 5, 3, 10, 0, tzinfo=STOCKHOLM)


def work_at(moment):
    with time_machine.travel(moment, tick=False):
        run_until_idle(load_duties(["delivery"]))


def sent(kind):
    return Message.objects.filter(kind=kind, status=MessageStatus.SENT)


def test_reminders_skip_weekends_and_holidays():
    # Thursday before Easter 2027 (Good Friday 26 March, Easter Monday 29 March).
    thursday = datetime(2027, 3, 25, 15, 0, tzinfo=STOCKHOLM)
    first, second = reminder_times(thursday)
    assert first == datetime(2027, 3, 31, 9, 0, tzinfo=STOCKHOLM)  # Tue 30th is the 1st
    assert second == datetime(2027, 4, 2, 9, 0, tzinfo=STOCKHOLM)


def test_the_request_and_both_reminders_reach_a_silent_referee(application, rita):
    with time_machine.travel(MONDAY, tick=False):
        [(_request, _raw)] = requested(application, rita, count=1)
    work_at(MONDAY + timedelta(minutes=1))
    assert not sent("reference_request").exists()  # the undo window
    work_at(MONDAY + timedelta(hours=1))
    assert sent("reference_request").count() == 1
    work_at(datetime(2027, 5, 5, 9, 1, tzinfo=STOCKHOLM))  # Wednesday: 2nd working day
    assert sent("reference_reminder").count() == 1
    work_at(datetime(2027, 5, 7, 9, 1, tzinfo=STOCKHOLM))  # Friday: only the 3rd
    assert sent("reference_reminder").count() == 1  # Thursday was Ascension Day
    work_at(datetime(2027, 5, 10, 9, 1, tzinfo=STOCKHOLM))  # Monday: the 4th
    assert sent("reference_reminder").count() == 2
    assert "referent1@bolag1.se" in sent("reference_reminder").values_list("to_email", flat=True)


def test_reminders_stop_once_answered(client, application, rita):
    with time_machine.travel(MONDAY, tick=False):
        [(request, raw)] = requested(application, rita, count=1)
    work_at(MONDAY + timedelta(hours=1))
    with time_machine.travel(MONDAY + timedelta(days=1), tick=False):
        client.post(answer_url(raw), {**full_answers(request), "send": "1"})
    work_at(datetime(2027, 5, 10, 12, 0, tzinfo=STOCKHOLM))
    assert not sent("reference_reminder").exists()
    reminders = Message.objects.filter(kind="reference_reminder")
    assert set(reminders.values_list("status", flat=True)) == {MessageStatus.CANCELLED}


def test_reminders_stop_once_declined(client, application, rita):
    with time_machine.travel(MONDAY, tick=False):
        [(_request, raw)] = requested(application, rita, count=1)
    with time_machine.travel(MONDAY + timedelta(days=1), tick=False):
        client.post(f"{answer_url(raw)}decline/", {"reason": ""})
    work_at(datetime(2027, 5, 10, 12, 0, tzinfo=STOCKHOLM))
    assert not sent("reference_reminder").exists()


def test_a_reminder_whose_request_closed_otherwise_is_not_sent(application, rita):
    """The check before sending catches a request closed without the
    reminders being cancelled (say, a request marked cancelled directly)."""
    with time_machine.travel(MONDAY, tick=False):
        [(request, _raw)] = requested(application, rita, count=1)
    work_at(MONDAY + timedelta(hours=1))
    request.status = "cancelled"
    request.save()
    work_at(datetime(2027, 5, 10, 12, 0, tzinfo=STOCKHOLM))
    assert not sent("reference_reminder").exists()


def test_undo_within_the_delay_sends_nothing(application, rita):
    with time_machine.travel(MONDAY, tick=False):
        requested(application, rita, count=2)
        assert actions.undo_requests(application, rita) == 2
    work_at(datetime(2027, 5, 10, 12, 0, tzinfo=STOCKHOLM))
    assert not Message.objects.filter(kind__startswith="reference", status="sent").exists()


def test_undo_is_refused_once_the_request_has_gone(application, rita):
    with time_machine.travel(MONDAY, tick=False):
        requested(application, rita, count=1)
    work_at(MONDAY + timedelta(hours=1))
    with time_machine.travel(MONDAY + timedelta(hours=2), tick=False):
        assert actions.undo_requests(application, rita) == 0


def test_the_request_email_is_in_the_referees_language(application, rita):
    with time_machine.travel(MONDAY, tick=False):
        requested(application, rita, count=1)
    message = Message.objects.get(kind="reference_request")
    assert message.language == "sv"
    assert "har angett dig som referens" in message.body_text
    assert "/reference/" in message.body_text and "/reference/" in message.body_html


def test_no_reminder_once_the_application_has_ended(application, rita):
    from rekryt.applications.actions import set_outcome
    from rekryt.applications.models import RejectionReason

    with time_machine.travel(MONDAY, tick=False):
        requested(application, rita, count=1)
    work_at(MONDAY + timedelta(hours=1))
    set_outcome(application, "withdrawn", None, RejectionReason.objects.first())
    work_at(datetime(2027, 5, 10, 12, 0, tzinfo=STOCKHOLM))
    assert not sent("reference_reminder").exists()


def test_names_reach_the_subject_unescaped_and_the_html_escaped(job, rita):
    from conftest import make_application

    application = make_application(job, first_name="Åsa", last_name="O'Brien <3")
    requested(application, rita, count=1)
    message = Message.objects.get(kind="reference_request")
    assert "O'Brien <3" in message.subject and "O'Brien <3" in message.body_text
    assert "<3" not in message.body_html and "&lt;3" in message.body_html
