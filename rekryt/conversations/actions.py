"""Recruiters writing to candidates, and reading what they wrote back.

A recruiter's email waits the organisation's `stage_email_delay_minutes`
like every email a staff action causes, so it can be undone (cancelled) and
previewed on the timeline before it leaves; it goes through the outbox with
a reply address of its own (rekryt.conversations.addresses)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from rekryt.accounts.models import Organisation, User
from rekryt.applications.actions import message_values
from rekryt.applications.models import Application, EventKind, record
from rekryt.conversations.models import Reply
from rekryt.messaging import outbox
from rekryt.messaging.actions import cancel_message
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.rendering import Rendered, render

KIND = "conversation"


def values_for(application: Application, author: User) -> dict[str, Any]:
    """The placeholders of a recruiter's email: signed by its author."""
    return {**message_values(application), "recruiter_name": author.display_name}


def preview(application: Application, author: User, subject: str, text: str) -> Rendered:
    """The email as the candidate will read it, placeholders filled (the
    personal portal link is shown as a label, never minted for a preview)."""
    from rekryt.messaging.models import EmailTemplate

    draft = EmailTemplate(kind=KIND, language=application.language, subject=subject, body_text=text)
    return render(draft, values_for(application, author))


def send_time() -> Any:
    delay = timedelta(minutes=Organisation.get().stage_email_delay_minutes)
    return timezone.now() + delay


@transaction.atomic
def write_to_candidate(
    application: Application, author: User, subject: str, text: str, nonce: str
) -> Message:
    """Queue the recruiter's email to the candidate (once per form `nonce`,
    so a double submit sends one) and mark the replies it answers as read."""
    key = f"{KIND}:{application.pk}:{nonce}"
    earlier = Message.objects.filter(idempotency_key=key).first()
    if earlier is not None:
        return earlier
    message = outbox.queue_written(
        key=key,
        kind=KIND,
        language=application.language,
        subject=subject,
        text=text,
        to_email=application.candidate.email,
        to_name=application.full_name,
        values=values_for(application, author),
        candidate=application.candidate,
        application=application,
        send_after=send_time(),
    )
    record(
        application, EventKind.MESSAGE_QUEUED, author, message=message.pk, subject=message.subject
    )
    mark_read(application, author)
    return message


def mark_read(application: Application, reader: User) -> int:
    return Reply.objects.filter(application=application, read_at=None).update(
        read_at=timezone.now(), read_by=reader
    )


def undo(message: Message, actor: User) -> bool:
    """Cancel a recruiter's email before it leaves."""
    if message.kind != KIND or message.status != MessageStatus.SCHEDULED:
        return False
    return cancel_message(message, actor)
