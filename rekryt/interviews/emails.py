"""The emails of an interview: to the candidate (the times to choose from;
the invitation, which is also the preparation email; moves, cancellations
and reminders) and to each interviewer (invitations with the kit link, the
kit on the morning, the scorecard reminder). Each is three templates
(subject, text, HTML from the text), rendered in the reader's language and
queued in the outbox; invitations carry their iCalendar part
(rekryt.interviews.calendar)."""

from __future__ import annotations

from dataclasses import astuple
from datetime import datetime
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation

from rekryt.accounts.models import Organisation, User
from rekryt.applications.candidate_mail import queue_to_candidate
from rekryt.applications.hooks import blind_for, shown_name
from rekryt.interviews import calendar
from rekryt.interviews.models import Interview
from rekryt.messaging import outbox
from rekryt.messaging.models import Message
from rekryt.messaging.rendering import render_files
from rekryt.portal.tokens import portal_values

OFFER = "interview_offer"
REMINDER, KIT, SCORECARD = calendar.REMINDER_KINDS
CANDIDATE_CALENDAR = {
    calendar.BOOKED: calendar.REQUEST,
    calendar.MOVED: calendar.REQUEST,
    calendar.CANCELLED: calendar.CANCEL,
}
STAFF_KIND = {
    calendar.BOOKED: calendar.STAFF_BOOKED,
    calendar.MOVED: calendar.STAFF_MOVED,
    calendar.CANCELLED: calendar.STAFF_CANCELLED,
}


def when(moment: datetime | None, language: str) -> str:
    if moment is None:
        return ""
    with translation.override(language):
        return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def absolute(name: str, *args: Any) -> str:
    return settings.SITE_URL + reverse(name, args=args)


FOLDER = "interviews/email"


def location_text(interview: Interview, language: str) -> str:
    location = interview.step.location
    if interview.meeting_url():
        return interview.meeting_url()
    return location.address if location else ""


def candidate_context(interview: Interview, language: str) -> dict[str, Any]:
    application = interview.application
    step = interview.step
    people = list(interview.interviewers.all())
    return {
        "interview": interview,
        "application": application,
        "job": application.job,
        "step_name": step.name_in(language),
        "organisation": Organisation.get(),
        "language": language,
        "starts": when(interview.starts_at, language),
        "minutes": interview.minutes,
        "meeting_url": interview.meeting_url(),
        "device_check_url": absolute("interview_device_check"),
        "location": step.location if not interview.meeting_url() else None,
        "directions": step.location.text_in("directions", language) if step.location else "",
        "transit": step.location.text_in("transit", language) if step.location else "",
        "parking": step.location.text_in("parking", language) if step.location else "",
        "agenda": step.text_in("agenda", language),
        "bring": step.text_in("bring", language),
        "people": [(p.display_name, _role(p, language)) for p in people],
        "contact": interview.contact,
        "reason": interview.cancel_reason,
        "zone": settings.TIME_ZONE,
    }


def _role(user: User, language: str) -> str:
    with translation.override(language):
        return str(user.get_role_display())


def queue_candidate(
    interview: Interview, kind: str, *, key: str, send_after: datetime | None = None
) -> Message:
    application = interview.application
    language = application.language
    context = candidate_context(interview, language)
    context.update(
        portal_values(candidate=application.candidate, application=application, kind=kind)
    )
    rendered = render_files(FOLDER, kind, context, language)
    message = queue_to_candidate(application, rendered, key=key, kind=kind, send_after=send_after)
    text = rendered.text
    method = CANDIDATE_CALENDAR.get(kind)
    if method:
        summary = (
            f"{context['step_name']}: {application.job.title} ({context['organisation'].name})"
        )
        event = calendar.event_for(
            interview,
            summary=summary,
            description=text,
            location=location_text(interview, language),
            cancelled=method == calendar.CANCEL,
        )
        calendar.attach(message, method, calendar.calendar_text(method, [event]))
    return message


def staff_context(interview: Interview, user: User) -> dict[str, Any]:
    application = interview.application
    blind = blind_for([application])
    language = user.language or settings.LANGUAGE_CODE
    return {
        "interview": interview,
        "user": user,
        "name": shown_name(application, blind),
        "job": application.job,
        "step_name": interview.step.name_in(language),
        "organisation": Organisation.get(),
        "language": language,
        "starts": when(interview.starts_at, language),
        "minutes": interview.minutes,
        "meeting_url": interview.meeting_url(),
        "kit_url": absolute("interview_kit", interview.pk),
        "scorecard_url": absolute("scorecard_edit", interview.pk),
        "application_url": absolute("application_detail", application.pk),
        "reason": interview.cancel_reason,
    }


def queue_staff(
    interview: Interview, user: User, kind: str, *, key: str, send_after: datetime | None = None
) -> Message | None:
    if not user.email or not user.is_active:
        return None
    context = staff_context(interview, user)
    language = context["language"][:2]
    subject, text, html = astuple(render_files(FOLDER, kind, context, language))
    message = outbox.queue_rendered(
        key=key,
        kind=kind,
        to_email=user.email,
        to_name=user.display_name,
        subject=subject,
        text=text,
        html=html,
        language=language,
        send_after=send_after,
    )
    staff_method = {v: CANDIDATE_CALENDAR[k] for k, v in STAFF_KIND.items()}.get(kind)
    if staff_method:
        title = interview.application.job.title
        event = calendar.event_for(
            interview,
            summary=f"{context['step_name']}: {context['name']} · {title}",
            description=text,
            location=location_text(interview, language),
            cancelled=staff_method == calendar.CANCEL,
            for_staff=True,
        )
        calendar.attach(message, staff_method, calendar.calendar_text(staff_method, [event]))
    return message


def tell_everyone(interview: Interview, kind: str, send_after: datetime | None) -> list[Message]:
    """The candidate's email of `kind` (booked, moved, cancelled) and each
    interviewer's, keyed by the interview's SEQUENCE so each change is told
    exactly once."""
    base = f"iv:{interview.pk}:{interview.sequence}"
    sent = [queue_candidate(interview, kind, key=f"{base}:{kind}", send_after=send_after)]
    for user in interview.interviewers.all():
        staff = queue_staff(
            interview, user, STAFF_KIND[kind], key=f"{base}:{kind}:{user.pk}", send_after=send_after
        )
        if staff is not None:
            sent.append(staff)
    return sent
