"""Put emails in the outbox. Call inside the transaction of the change that
causes the email, so both commit together or not at all."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from rekryt.accounts.models import Organisation
from rekryt.messaging import hooks
from rekryt.messaging.models import EmailTemplate, Message, MessageStatus
from rekryt.messaging.rendering import one_line, render

# How long temporary failures (4xx, refused connections) are retried.
RETRY_WINDOW = timedelta(days=2)


def template_for(kind: str, language: str) -> EmailTemplate:
    found = EmailTemplate.objects.filter(kind=kind, language__in=[language, "sv", "en"])
    by_language = {t.language: t for t in found}
    for choice in (language, "en", "sv"):
        if choice in by_language:
            return by_language[choice]
    raise EmailTemplate.DoesNotExist(f"No email template {kind!r}")


def candidate_values(candidate: Any) -> dict[str, str]:
    """The placeholders every email to a candidate can fill, whatever it is about."""
    org = Organisation.get()
    return {
        "candidate_first_name": candidate.first_name,
        "candidate_name": candidate.full_name,
        "company": org.name,
        "privacy_contact": org.privacy_contact,
        "career_site_url": settings.SITE_URL + reverse("career_list"),
    }


def queue(
    *,
    key: str,
    kind: str,
    language: str,
    to_email: str,
    to_name: str = "",
    values: dict[str, Any],
    candidate: Any = None,
    application: Any = None,
    send_after: datetime | None = None,
) -> Message:
    """Queue one email, or return the one already queued under `key`.

    The idempotency key makes the same logical email impossible to queue twice,
    even from two requests racing (the unique constraint decides)."""
    existing = Message.objects.filter(idempotency_key=key).first()
    if existing is not None:
        return existing
    return _queue_from(
        template_for(kind, language),
        key=key,
        kind=kind,
        to_email=to_email,
        to_name=to_name,
        values=values,
        candidate=candidate,
        application=application,
        send_after=send_after,
    )


def queue_written(
    *,
    key: str,
    kind: str,
    language: str,
    subject: str,
    text: str,
    to_email: str,
    to_name: str = "",
    values: dict[str, Any],
    candidate: Any,
    application: Any = None,
    send_after: datetime | None = None,
) -> Message:
    """Queue an email a person wrote (a recruiter to a candidate), with its
    {placeholders} filled like a template's. Validate the text with
    `models.placeholder_errors` first; same idempotency as `queue`."""
    existing = Message.objects.filter(idempotency_key=key).first()
    if existing is not None:
        return existing
    written = EmailTemplate(kind=kind, language=language, subject=subject, body_text=text)
    return _queue_from(
        written,
        key=key,
        kind=kind,
        to_email=to_email,
        to_name=to_name,
        values=values,
        candidate=candidate,
        application=application,
        send_after=send_after,
    )


def _queue_from(
    template: EmailTemplate,
    *,
    key: str,
    kind: str,
    to_email: str,
    to_name: str,
    values: dict[str, Any],
    candidate: Any,
    application: Any,
    send_after: datetime | None,
) -> Message:
    reply_to = ""
    if candidate is not None:
        values = {
            **values,
            **hooks.extra_values(candidate=candidate, application=application, kind=kind),
        }
        reply_to = hooks.reply_to(candidate=candidate, application=application)
    rendered = render(template, values)
    now = timezone.now()
    when = send_after or now
    message = Message(
        idempotency_key=key,
        kind=kind,
        language=template.language,
        to_email=to_email,
        to_name=one_line(to_name)[:200],
        reply_to=reply_to or Organisation.get().reply_to_email,
        subject=rendered.subject[:300],
        body_text=rendered.text,
        body_html=rendered.html,
        candidate=candidate,
        application=application,
        send_after=when,
        give_up_at=when + RETRY_WINDOW,
    )
    try:
        with transaction.atomic():
            message.save()
    except IntegrityError:
        return Message.objects.get(idempotency_key=key)
    return message


def cancel_pending(queryset: Any) -> int:
    """Cancel scheduled messages; returns how many were cancelled."""
    return int(
        queryset.filter(status=MessageStatus.SCHEDULED).update(
            status=MessageStatus.CANCELLED, claimed_until=None
        )
    )


def queue_rendered(
    *,
    key: str,
    kind: str,
    to_email: str,
    to_name: str = "",
    subject: str,
    text: str,
    html: str = "",
    language: str = "sv",
    send_after: datetime | None = None,
) -> Message:
    """Queue an email whose body the caller rendered itself (staff digests and
    notifications built from Django templates). Same idempotency as `queue`."""
    existing = Message.objects.filter(idempotency_key=key).first()
    if existing is not None:
        return existing
    when = send_after or timezone.now()
    message = Message(
        idempotency_key=key,
        kind=kind,
        language=language,
        to_email=to_email,
        to_name=one_line(to_name)[:200],
        subject=one_line(subject)[:300],
        body_text=text,
        body_html=html,
        send_after=when,
        give_up_at=when + RETRY_WINDOW,
    )
    try:
        with transaction.atomic():
            message.save()
    except IntegrityError:
        return Message.objects.get(idempotency_key=key)
    return message
