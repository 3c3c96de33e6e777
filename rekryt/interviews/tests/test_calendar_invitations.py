"""Every invitation parses back with icalendar: METHOD, a stable UID, a
SEQUENCE raised on each change, TZID Europe/Stockholm with its VTIMEZONE,
and the right times on both sides of a daylight-saving change. The email
is text, HTML and text/calendar (method=REQUEST) with invite.ics attached."""

from datetime import datetime, timedelta
from email import message_from_bytes
from email.policy import default
from zoneinfo import ZoneInfo

import pytest
import time_machine
from icalendar import Calendar

from rekryt.interviews import scheduling
from rekryt.interviews.models import Interview
from rekryt.interviews.tests.helpers import plan, slot
from rekryt.messaging.delivery import build_email
from rekryt.messaging.models import Message

pytestmark = pytest.mark.django_db
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def invitations(interview, kind):
    return Message.objects.filter(idempotency_key__startswith=f"iv:{interview.pk}:", kind=kind)


def parsed(message):
    email = message_from_bytes(build_email(message).data, policy=default)
    assert email.get_content_type() == "multipart/mixed"
    parts = list(email.walk())
    types = [p.get_content_type() for p in parts]
    assert "text/plain" in types and "text/html" in types and "text/calendar" in types
    inline = next(p for p in parts if p.get_content_type() == "text/calendar")
    attached = next(p for p in parts if p.get_filename() == "invite.ics")
    assert inline.get_param("method") == attached_method(attached)
    return Calendar.from_ical(attached.get_content()), inline.get_param("method")


def attached_method(part):
    return str(Calendar.from_ical(part.get_content())["METHOD"])


def event_of(cal):
    return next(c for c in cal.walk("VEVENT"))


@time_machine.travel(datetime(2027, 3, 20, 9, 0, tzinfo=STOCKHOLM), tick=False)
def test_booking_moving_and_cancelling_keep_one_uid_across_dst(application, rita, ivan):
    application.job.team.add(ivan)
    step = plan(application.job)
    # Saturday 27 March 2027 is winter time (UTC+1); the clocks go forward on
    # the 28th, so 1 April is summer time (UTC+2).
    before = slot(step, datetime(2027, 3, 27, 10, 0, tzinfo=STOCKHOLM), [ivan])
    after = slot(step, datetime(2027, 4, 1, 10, 0, tzinfo=STOCKHOLM), [ivan])
    interview = scheduling.book_directly(application, step, before.starts_at, [ivan], rita)
    cal, method = parsed(invitations(interview, "interview_booked").get())
    event = event_of(cal)
    assert method == "REQUEST" and str(cal["METHOD"]) == "REQUEST"
    uid = str(event["UID"])
    assert int(event["SEQUENCE"]) == 0
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert event.decoded("DTSTART") == datetime(2027, 3, 27, 10, 0, tzinfo=STOCKHOLM)
    assert event.decoded("DTSTART").utcoffset() == timedelta(hours=1)
    zones = [str(z["TZID"]) for z in cal.walk("VTIMEZONE")]
    assert zones == ["Europe/Stockholm"]
    assert cal.walk("DAYLIGHT") and cal.walk("STANDARD")
    # The interviewer's invitation is the same event.
    staff_cal, staff_method = parsed(invitations(interview, "interviewer_booked").get())
    assert staff_method == "REQUEST" and str(event_of(staff_cal)["UID"]) == uid
    # The candidate attends the candidate's copy; the staff copy names no candidate.
    attendees = [str(a) for a in event.get("ATTENDEE")]
    assert f"mailto:{application.candidate.email}" in attendees
    staff_attendees = event_of(staff_cal).get("ATTENDEE")
    staff_attendees = (
        [str(staff_attendees)]
        if not isinstance(staff_attendees, list)
        else [str(a) for a in staff_attendees]
    )
    assert f"mailto:{application.candidate.email}" not in staff_attendees
    assert f"mailto:{ivan.email}" in staff_attendees

    scheduling.book(interview, after, rita)
    interview.refresh_from_db()
    moved = event_of(parsed(invitations(interview, "interview_moved").get())[0])
    assert str(moved["UID"]) == uid and int(moved["SEQUENCE"]) == 1
    assert moved.decoded("DTSTART") == datetime(2027, 4, 1, 10, 0, tzinfo=STOCKHOLM)
    assert moved.decoded("DTSTART").utcoffset() == timedelta(hours=2)
    assert moved.decoded("DTEND") - moved.decoded("DTSTART") == timedelta(minutes=60)

    # Cancelling after the invitations went out sends METHOD:CANCEL.
    Message.objects.update(status="sent")
    assert scheduling.cancel(interview, "Tjänsten är tillsatt.", rita, by_candidate=False)
    cal, method = parsed(invitations(interview, "interview_cancelled").get())
    cancelled = event_of(cal)
    assert method == "CANCEL" and str(cal["METHOD"]) == "CANCEL"
    assert str(cancelled["UID"]) == uid and int(cancelled["SEQUENCE"]) == 2
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert Interview.objects.get().slot is None


def test_emails_without_a_calendar_are_unchanged(application):
    from rekryt.messaging.models import Message as M

    receipt = M.objects.get(idempotency_key=f"received:{application.pk}")
    email = message_from_bytes(build_email(receipt).data, policy=default)
    assert email.get_content_type() == "multipart/alternative"
    assert "text/calendar" not in [p.get_content_type() for p in email.walk()]
