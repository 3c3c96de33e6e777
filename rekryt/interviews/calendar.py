"""Calendar invitations and feeds, built with the icalendar library.

Each interview has one UID for its whole life; every change the attendees
are told about raises its SEQUENCE (rekryt.interviews.scheduling), so
Outlook, Google Calendar and Apple Calendar replace the event they hold
rather than add a second one; a cancellation is METHOD:CANCEL with the same
UID. Times carry the organisation's zone (TZID=Europe/Stockholm) with a
VTIMEZONE generated from the tz database, so they stay right across the
daylight-saving changes."""

from __future__ import annotations

from datetime import datetime
from email.utils import parseaddr
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from rekryt.interviews.models import CalendarPart, Interview

if TYPE_CHECKING:
    from rekryt.messaging.models import Message

REQUEST, CANCEL, PUBLISH = "REQUEST", "CANCEL", "PUBLISH"
# The emails that carry an invitation (candidate's and interviewers').
BOOKED, MOVED, CANCELLED = "interview_booked", "interview_moved", "interview_cancelled"
STAFF_BOOKED, STAFF_MOVED, STAFF_CANCELLED = (
    "interviewer_booked",
    "interviewer_moved",
    "interviewer_cancelled",
)
KINDS = [BOOKED, MOVED, CANCELLED, STAFF_BOOKED, STAFF_MOVED, STAFF_CANCELLED]
REMINDER_KINDS = ["interview_reminder", "interview_kit", "scorecard_reminder"]
PRODID = "-//Rekryt//Interviews//EN"


def zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def uid_of(interview: Interview) -> str:
    return f"{interview.uid}@rekryt"


def organiser_address() -> str:
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or settings.DEFAULT_FROM_EMAIL


def _address(email: str, name: str, *, organiser: bool = False) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    address.params["CN"] = vText(name)
    if not organiser:
        address.params["ROLE"] = vText("REQ-PARTICIPANT")
        address.params["PARTSTAT"] = vText("NEEDS-ACTION")
        address.params["RSVP"] = vText("FALSE")
    return address


def event_for(
    interview: Interview,
    *,
    summary: str,
    description: str,
    location: str,
    cancelled: bool,
    for_staff: bool = False,
) -> Event:
    """The interview as a calendar event. Staff copies (interviewers'
    invitations, their feeds) leave the candidate out of the attendees: the
    name may be under blind review, and an interviewer's calendar should not
    mail the candidate when someone edits the event there."""
    local = zone()
    if interview.starts_at is None or interview.ends_at is None:
        raise ValueError("an interview without a time has no calendar event")
    event = Event()
    event.add("uid", uid_of(interview))
    event.add("sequence", interview.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", interview.starts_at.astimezone(local))
    event.add("dtend", interview.ends_at.astimezone(local))
    event.add("summary", summary)
    event.add("description", description)
    if location:
        event.add("location", location)
    url = interview.meeting_url()
    if url:
        event.add("url", url)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    from rekryt.accounts.models import Organisation

    event.add("organizer", _address(organiser_address(), Organisation.get().name, organiser=True))
    application = interview.application
    if not for_staff:
        event.add("attendee", _address(application.candidate.email, application.full_name))
    for person in interview.interviewers.all():
        if person.email:
            event.add("attendee", _address(person.email, person.display_name))
    return event


def calendar_text(method: str, events: list[Event]) -> str:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    for event in events:
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical().decode("utf-8")


def attach(message: Message, method: str, ics: str) -> None:
    CalendarPart.objects.update_or_create(message=message, defaults={"method": method, "ics": ics})


def part_for(message: Message) -> tuple[str, str] | None:
    """Registered with messaging.hooks.provide_calendar (one query per
    invitation email, none for any other)."""
    found = CalendarPart.objects.filter(message_id=message.pk).values_list("ics", "method").first()
    return (found[0], found[1]) if found else None


def feed(events: list[Event]) -> str:
    """A subscribable calendar (no METHOD: PUBLISH is implied for feeds)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Rekryt")
    for event in events:
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical().decode("utf-8")


def local(moment: datetime | None) -> Any:
    return moment.astimezone(zone()) if moment else None
