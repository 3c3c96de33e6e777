"""The application's timeline: events and messages in one ordered list."""

from __future__ import annotations

from rekryt.applications.models import Application, EventKind, record
from rekryt.messaging.models import Message, MessageStatus

STATUS_EVENTS = {
    MessageStatus.SENT: EventKind.MESSAGE_SENT,
    MessageStatus.FAILED: EventKind.MESSAGE_FAILED,
    MessageStatus.CANCELLED: EventKind.MESSAGE_CANCELLED,
}


def on_message_status(message: Message) -> None:
    """Registered with messaging.hooks: a sent, failed or cancelled email about
    an application becomes an event on its timeline."""
    kind = STATUS_EVENTS.get(message.status)  # type: ignore[call-overload]
    if kind is None or message.application_id is None:
        return
    application = Application(pk=message.application_id)
    record(
        application,
        kind,
        message=message.pk,
        subject=message.subject,
        error=message.last_error if message.status == MessageStatus.FAILED else "",
    )
