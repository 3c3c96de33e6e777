"""The worker duty that delivers due emails from the outbox."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from rekryt.lib.claims import claim_batch, release
from rekryt.lib.duty import DELIVERY, Duty
from rekryt.messaging import hooks
from rekryt.messaging.breaker import CircuitBreaker
from rekryt.messaging.delivery import (
    DeliveryFailure,
    ServerUnavailable,
    SmtpTransport,
    build_email,
    sender,
    smtp_config,
)
from rekryt.messaging.models import Message, MessageStatus

log = logging.getLogger(__name__)

BATCH = 20  # emails claimed, sent and recorded together
# Longer than a batch can take even when the server hangs (a timed-out step,
# then a timed-out reconnect; the batch stops at half the lease), so a live
# worker never loses its claim mid-send; short enough that a killed worker's
# emails go out within a minute or two.
LEASE = timedelta(seconds=max(60, 3 * settings.EMAIL_TIMEOUT))
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=1)
MAYBE_SENT = "The worker stopped during delivery; this email may already have been delivered."


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


@dataclass
class Outcome:
    message: Message
    fields: dict[str, Any]
    tell_hooks: bool = True


class DeliverDueMessages(Duty):
    """Steps for a batch: claim up to BATCH due emails with a lease in one
    transaction; for each, build it and send it over the worker's SMTP
    connection (or put it in the development mailbox when EMAIL_URL is
    empty), one SMTP transaction = one attempt; then store every outcome and
    release the claims in one transaction, with the timeline events.

    A claim that ran out without being released means a worker stopped
    mid-batch: the email may have reached the server, so it is sent again
    with the same Message-ID and marked as a possible duplicate.

    When the server cannot be reached, nothing is attempted: the rest of the
    batch is released untouched and the circuit breaker pauses delivery.

    A bad EMAIL_URL raises ImproperlyConfigured here, at worker start."""

    name = "deliver_due_messages"
    lane = DELIVERY

    def __init__(self) -> None:
        config = smtp_config()
        self.transport = SmtpTransport(config) if config else None
        self.breaker = CircuitBreaker()

    def handle_one(self) -> int:
        if not self.breaker.allows():
            return 0
        batch = claim_batch(due_messages(), LEASE, BATCH)
        return self.deliver_batch(batch) if batch else 0

    def deliver_batch(self, batch: list[Message]) -> int:
        """Send the claimed emails in turn and record what happened."""
        outcomes: list[Outcome] = []
        deadline = time.monotonic() + LEASE.total_seconds() / 2
        from_email = sender()
        try:
            for message in batch:
                outcomes.append(self.deliver(message, from_email))
                if self.should_stop() or time.monotonic() > deadline:
                    break
        except ServerUnavailable as exc:
            self.breaker.trip(exc.error)
        finally:
            record(batch, outcomes)
        return len(outcomes)

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()

    def oldest_due(self) -> datetime | None:
        return (
            Message.objects.filter(status=MessageStatus.SCHEDULED, send_after__lte=timezone.now())
            .order_by("send_after")
            .values_list("send_after", flat=True)
            .first()
        )

    def deliver(self, message: Message, from_email: str) -> Outcome:
        """Send one email; ServerUnavailable passes through untouched."""
        earlier = 1 if getattr(message, "abandoned", False) else 0
        doubt: dict[str, Any] = {"possible_duplicate": True} if earlier else {}
        try:
            if is_orphaned(message):
                # Nothing to hang a timeline event on: just never send it.
                fields = {"status": MessageStatus.CANCELLED, "last_error": "Recipient is gone"}
                return Outcome(message, fields, tell_hooks=False)
            if not hooks.still_wanted(message):
                # The reason for it is gone (a rejection undone): cancel, not send.
                fields = {"status": MessageStatus.CANCELLED, "last_error": "No longer wanted"}
                return Outcome(message, fields)
            email = build_email(message, from_email)
            if self.transport is not None:
                self.transport.send(email)
                self.breaker.succeeded()
        except DeliveryFailure as failure:
            log.warning("message %s not delivered: %s", message.pk, failure.error)
            return Outcome(message, {**doubt, **_failure(message, failure, earlier)})
        except ServerUnavailable:
            raise
        except Exception as exc:
            # A bug or a broken check before anything was sent: back off like
            # a temporary failure, so this email neither blocks the ones
            # behind it nor comes round again at once. Only the type is
            # logged; the row keeps the detail.
            log.error("message %s not delivered: unexpected %s", message.pk, type(exc).__name__)
            unexpected = DeliveryFailure(f"{type(exc).__name__}: {exc}", permanent=False)
            return Outcome(message, {**doubt, **_failure(message, unexpected, earlier)})
        return Outcome(
            message,
            {
                **doubt,
                "status": MessageStatus.SENT,
                "sent_at": timezone.now(),
                "attempts": message.attempts + earlier + 1,
                "last_error": MAYBE_SENT if earlier else "",
                "to_mailbox": self.transport is None,
            },
        )


def _failure(message: Message, failure: DeliveryFailure, earlier: int) -> dict[str, Any]:
    attempts = message.attempts + earlier + 1
    now = timezone.now()
    if failure.permanent or now >= message.give_up_at:
        return {"status": MessageStatus.FAILED, "attempts": attempts, "last_error": failure.error}
    # The last retry happens at give_up_at, whatever the backoff says.
    next_try = min(now + retry_delay(attempts), message.give_up_at)
    return {"attempts": attempts, "last_error": failure.error, "send_after": next_try}


def record(batch: list[Message], outcomes: list[Outcome]) -> None:
    """Store each outcome and release every claim of the batch in one
    transaction, with the timeline event of each final status. Emails the
    batch did not reach are released untouched, for the next batch."""
    untouched = [m.pk for m in batch[len(outcomes) :]]
    with transaction.atomic():
        for outcome in outcomes:
            message = outcome.message
            for field, value in outcome.fields.items():
                setattr(message, field, value)
            message.claimed_until = None
            still_there = release(message, **outcome.fields)
            final = message.status != MessageStatus.SCHEDULED
            if still_there and final and outcome.tell_hooks:
                _tell_hooks(message)
        if untouched:
            Message.objects.filter(pk__in=untouched).update(claimed_until=None)


def _tell_hooks(message: Message) -> None:
    # A failing hook must not undo the status: a sent email left "scheduled"
    # would be sent again once the lease ran out.
    try:
        with transaction.atomic():
            hooks.status_changed(message)
    except Exception:
        log.exception("status hooks failed for message %s", message.pk)


DUTIES = [DeliverDueMessages]
