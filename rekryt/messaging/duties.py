"""The worker duty that delivers due emails from the outbox."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from rekryt.lib.claims import claim_next, release
from rekryt.lib.duty import DELIVERY, Duty
from rekryt.messaging import hooks
from rekryt.messaging.delivery import DeliveryFailure, SmtpTransport, build_email, smtp_config
from rekryt.messaging.models import Message, MessageStatus

log = logging.getLogger(__name__)

# Longer than one SMTP exchange can take (EMAIL_TIMEOUT per step), so a live
# worker never loses its claim mid-send; short enough that a killed worker's
# email goes out soon after.
LEASE = timedelta(minutes=2)
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=1)


def due_messages() -> QuerySet[Message]:
    """Scheduled messages whose time has come, oldest first (index message_due)."""
    return (
        Message.objects.filter(status=MessageStatus.SCHEDULED, send_after__lte=timezone.now())
        .select_related("candidate", "application")
        .order_by("send_after", "pk")
    )


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4 … minutes after the 1st, 2nd, 3rd … failure, at most an hour."""
    return min(FIRST_RETRY * 2 ** min(attempts - 1, 16), LONGEST_RETRY)


def is_orphaned(message: Message) -> bool:
    """The person or application the email is about no longer exists."""
    return (message.candidate_id is not None and message.candidate is None) or (
        message.application_id is not None and message.application is None
    )


class DeliverDueMessages(Duty):
    """Steps for one message: claim the oldest due one with a lease, build the
    email, send it over the batch's SMTP connection (or put it in the
    development mailbox when EMAIL_URL is empty), then store the outcome on
    the row and tell the status hooks, which write the timeline event.

    A bad EMAIL_URL raises ImproperlyConfigured here, at worker start."""

    name = "deliver_due_messages"
    lane = DELIVERY

    def __init__(self) -> None:
        config = smtp_config()
        self.transport = SmtpTransport(config) if config else None

    def handle_one(self) -> bool:
        message = claim_next(due_messages(), LEASE)
        if message is None:
            return False
        self.deliver(message)
        return True

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()

    def deliver(self, message: Message) -> None:
        try:
            email = _prepare(message)
            if email is None:
                return
            if self.transport is not None:
                self.transport.send(email)
        except DeliveryFailure as failure:
            log.warning("message %s not delivered: %s", message.pk, failure.error)
            _record_failure(message, failure)
            return
        except Exception as exc:
            # A bug or a broken check before anything was sent: back off like
            # a temporary failure, so this email neither blocks the ones
            # behind it nor comes round again at once. Only the type is
            # logged; the row keeps the detail.
            log.error("message %s not delivered: unexpected %s", message.pk, type(exc).__name__)
            _record_failure(
                message, DeliveryFailure(f"{type(exc).__name__}: {exc}", permanent=False)
            )
            return
        _finish(
            message,
            status=MessageStatus.SENT,
            sent_at=timezone.now(),
            attempts=message.attempts + 1,
            last_error="",
            to_mailbox=self.transport is None,
        )


def _prepare(message: Message) -> EmailMultiAlternatives | None:
    """The email to send, or None when the message was cancelled instead."""
    if is_orphaned(message):
        # Nothing to hang a timeline event on: just never send it.
        release(message, status=MessageStatus.CANCELLED, last_error="Recipient is gone")
        return None
    if not hooks.still_wanted(message):
        # The reason for it is gone (a rejection undone): cancel, not send.
        _finish(message, status=MessageStatus.CANCELLED, last_error="No longer wanted")
        return None
    return build_email(message)


def _record_failure(message: Message, failure: DeliveryFailure) -> None:
    attempts = message.attempts + 1
    now = timezone.now()
    if failure.permanent or now >= message.give_up_at:
        _finish(message, status=MessageStatus.FAILED, attempts=attempts, last_error=failure.error)
        return
    # The last retry happens at give_up_at, whatever the backoff says.
    next_try = min(now + retry_delay(attempts), message.give_up_at)
    _finish(message, attempts=attempts, last_error=failure.error, send_after=next_try)


def _finish(message: Message, **fields: Any) -> None:
    """Store the outcome, release the claim and, for a final status, write
    the timeline event in the same transaction."""
    for field, value in fields.items():
        setattr(message, field, value)
    message.claimed_until = None
    with transaction.atomic():
        still_there = release(message, **fields)
        if still_there and message.status != MessageStatus.SCHEDULED:
            _tell_hooks(message)


def _tell_hooks(message: Message) -> None:
    # A failing hook must not undo the status: a sent email left "scheduled"
    # would be sent again once the lease ran out.
    try:
        with transaction.atomic():
            hooks.status_changed(message)
    except Exception:
        log.exception("status hooks failed for message %s", message.pk)


DUTIES = [DeliverDueMessages]
