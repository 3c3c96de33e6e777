"""The emails to referees: the request and two reminders, rendered in the
referee's language and queued in the outbox when the request is made. The
request waits the organisation's staff delay (so the recruiter can undo it);
the reminders go on the morning of the 2nd and 4th working day after it
(Swedish holidays count as days off), and the delivery duty asks
`still_wanted` before each one: nothing goes to a referee who has answered,
declined, whose request was cancelled or has expired, or whose candidate's
application has ended (rejected, withdrawn, hired)."""

from __future__ import annotations

from dataclasses import astuple
from datetime import datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.utils import formats, timezone, translation

from rekryt.accounts.models import Organisation
from rekryt.lib.workdays import add_working_days
from rekryt.messaging import outbox
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.rendering import render_files
from rekryt.references.models import ReferenceRequest

REQUEST = "reference_request"
REMINDER = "reference_reminder"
KINDS = [REQUEST, REMINDER]
REMINDER_DAYS = (2, 4)
REMINDER_HOUR = 9


def key_prefix(request: ReferenceRequest) -> str:
    return f"ref:{request.pk}:"


def staff_delay() -> datetime:
    return timezone.now() + timedelta(minutes=Organisation.get().stage_email_delay_minutes)


def reminder_times(sent: datetime) -> list[datetime]:
    """09:00 local time on the 2nd and 4th working day after `sent`."""
    day = timezone.localtime(sent).date()
    zone = timezone.get_current_timezone()
    return [
        datetime.combine(add_working_days(day, n), time(REMINDER_HOUR), tzinfo=zone)
        for n in REMINDER_DAYS
    ]


def _render(kind: str, context: dict[str, Any], language: str) -> tuple[str, str, str]:
    return astuple(render_files("references/email", kind, context, language))


def queue_all(request: ReferenceRequest, url: str) -> list[Message]:
    """The request and its reminders; call in the transaction that made it."""
    referee = request.referee
    application = referee.application
    language = referee.language
    send_at = staff_delay()
    with translation.override(language):
        expires = formats.date_format(timezone.localtime(request.expires_at), "DATE_FORMAT")
    context = {
        "referee": referee,
        "candidate_name": application.full_name,
        "job_title": application.job.title,
        "organisation": Organisation.get(),
        "url": url,
        "expires": expires,
        "site_url": settings.SITE_URL,
    }
    plan = [(REQUEST, f"{key_prefix(request)}request", send_at)]
    plan += [
        (REMINDER, f"{key_prefix(request)}reminder:{n}", when)
        for n, when in enumerate(reminder_times(send_at), start=1)
    ]
    queued = []
    for kind, key, when in plan:
        subject, text, html = _render(kind, context, language)
        queued.append(
            outbox.queue_rendered(
                key=key,
                kind=kind,
                to_email=referee.email,
                to_name=referee.name,
                subject=subject,
                text=text,
                html=html,
                language=language,
                send_after=when,
            )
        )
    return queued


def pending(request: ReferenceRequest) -> Any:
    return Message.objects.filter(
        idempotency_key__startswith=key_prefix(request), status=MessageStatus.SCHEDULED
    )


def still_wanted(message: Message) -> bool:
    """Registered with messaging.hooks.check_before_sending for KINDS."""
    try:
        pk = int(message.idempotency_key.split(":")[1])
    except (IndexError, ValueError):
        return False
    found = ReferenceRequest.objects.filter(pk=pk).select_related("referee__application")
    request = found.first()
    return request is not None and request.is_open and request.referee.application.is_active
