"""The worker duty that delivers due emails from the outbox."""

from __future__ import annotations

import logging
import time
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from rekryt.lib.claims import claim_batch, release
from rekryt.lib.duty import DELIVERY, Duty
from rekryt.messaging import hooks
from rekryt.messaging.breaker import CircuitBreaker
from rekryt.messaging.delivery import (
    DeliveryFailure,
    Sender,
    ServerUnavailable,
    SmtpTransport,
    build_email,
    current_sender,
    smtp_config,
)
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.sending import NotAttempted, PipelinedSender

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
        self.sender = PipelinedSender(SmtpTransport(config)) if config else None
        self.breaker = CircuitBreaker()

    def handle_one(self) -> int:
        if not self.breaker.allows():
            return 0
        batch = claim_batch(due_messages(), LEASE, BATCH)
        return self.deliver_batch(batch) if batch else 0

    def deliver_batch(self, batch: list[Message]) -> int:
        """Build each claimed email and hand it to the sending thread, then
        collect what happened in order and record it. An email whose sending
        never began (the server is gone, the worker is stopping) ends the
        batch: it and the ones after it are released untouched."""
        deadline = time.monotonic() + LEASE.total_seconds() / 2
        if self.sender is not None:
            self.sender.start_batch(self.should_stop, deadline)
        origin = current_sender()
        steps: list[tuple[Message, Outcome | Future[None]]] = []
        for message in batch:
            steps.append((message, self.prepare(message, origin)))
            if self.should_stop() or time.monotonic() > deadline:
                break
        outcomes: list[Outcome] = []
        try:
            for message, step in steps:
                outcome = step if isinstance(step, Outcome) else self.result(message, step)
                if outcome is None:
                    break
                outcomes.append(outcome)
        finally:
            record(batch, outcomes)
        return len(outcomes)

    def close(self) -> None:
        if self.sender is not None:
            self.sender.close()

    def oldest_due(self) -> datetime | None:
        return (
            Message.objects.filter(status=MessageStatus.SCHEDULED, send_after__lte=timezone.now())
            .order_by("send_after")
            .values_list("send_after", flat=True)
            .first()
        )

    def prepare(self, message: Message, origin: Sender) -> Outcome | Future[None]:
        """The outcome when the email is not to be sent or cannot be built;
        otherwise its SMTP transaction, under way on the sending thread."""
        try:
            if is_orphaned(message):
                # Nothing to hang a timeline event on: just never send it.
                fields = {"status": MessageStatus.CANCELLED, "last_error": "Recipient is gone"}
                return Outcome(message, fields, tell_hooks=False)
            if not hooks.still_wanted(message):
                # The reason for it is gone (a rejection undone): cancel, not send.
                fields = {"status": MessageStatus.CANCELLED, "last_error": "No longer wanted"}
                return Outcome(message, fields)
            email = build_email(message, origin)
        except DeliveryFailure as failure:
            return self.failed(message, failure)
        except Exception as exc:
            return self.failed(message, unexpected(message, exc))
        if self.sender is None:
            return sent(message, to_mailbox=True)
        return self.sender.submit(email)

    def result(self, message: Message, pending: Future[None]) -> Outcome | None:
        """What the SMTP transaction did; None when it never began."""
        try:
            pending.result()
        except NotAttempted:
            return None
        except ServerUnavailable as exc:
            self.breaker.trip(exc.error)
            return None
        except DeliveryFailure as failure:
            return self.failed(message, failure)
        except Exception as exc:
            return self.failed(message, unexpected(message, exc))
        self.breaker.succeeded()
        return sent(message, to_mailbox=False)

    def failed(self, message: Message, failure: DeliveryFailure) -> Outcome:
        log.warning("message %s not delivered: %s", message.pk, failure.error)
        earlier = _earlier_attempt(message)
        doubt = {"possible_duplicate": True} if earlier else {}
        return Outcome(message, {**doubt, **_failure(message, failure, earlier)})


def _earlier_attempt(message: Message) -> int:
    """1 when a worker stopped mid-batch holding this email: that unknown
    attempt counts, since the server may have accepted it."""
    return 1 if getattr(message, "abandoned", False) else 0


def unexpected(message: Message, exc: Exception) -> DeliveryFailure:
    # A bug or a broken check: back off like a temporary failure, so this
    # email neither blocks the ones behind it nor comes round again at once.
    # Only the type is logged; the row keeps the detail.
    log.error("message %s not delivered: unexpected %s", message.pk, type(exc).__name__)
    return DeliveryFailure(f"{type(exc).__name__}: {exc}", permanent=False)


def sent(message: Message, *, to_mailbox: bool) -> Outcome:
    earlier = _earlier_attempt(message)
    fields: dict[str, Any] = {
        "status": MessageStatus.SENT,
        "sent_at": timezone.now(),
        "attempts": message.attempts + earlier + 1,
        "last_error": MAYBE_SENT if earlier else "",
        "to_mailbox": to_mailbox,
    }
    if earlier:
        fields["possible_duplicate"] = True
    return Outcome(message, fields)


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
    transaction, with the timeline events of the final statuses. Emails the
    batch did not reach are released untouched, for the next batch.

    The common case, a first-time send, is one UPDATE for all of them; the
    rest (failures, cancellations, resends) one UPDATE each."""
    untouched = [m.pk for m in batch[len(outcomes) :]]
    plain = [o for o in outcomes if _is_plain_send(o)]
    plain_pks = {o.message.pk for o in plain}
    final: list[Message] = []
    remaining: set[int] = set()
    with transaction.atomic():
        if plain:
            sent_at = plain[0].fields["sent_at"]
            to_mailbox = plain[0].fields["to_mailbox"]
            rows = Message.objects.filter(pk__in=[o.message.pk for o in plain])
            rows.update(
                status=MessageStatus.SENT,
                sent_at=sent_at,
                attempts=F("attempts") + 1,
                last_error="",
                to_mailbox=to_mailbox,
                claimed_until=None,
            )
            # Rows deleted meanwhile (an erasure) get no timeline event.
            remaining = set(rows.values_list("pk", flat=True))
        for outcome in outcomes:
            message = outcome.message
            for field, value in outcome.fields.items():
                setattr(message, field, value)
            message.claimed_until = None
            if message.pk in plain_pks:
                still_there = message.pk in remaining
            else:
                still_there = bool(release(message, **outcome.fields))
            if still_there and message.status != MessageStatus.SCHEDULED and outcome.tell_hooks:
                final.append(message)
        if untouched:
            Message.objects.filter(pk__in=untouched).update(claimed_until=None)
        _tell_hooks(final)


def _is_plain_send(outcome: Outcome) -> bool:
    fields = outcome.fields
    return fields.get("status") == MessageStatus.SENT and not fields.get("possible_duplicate")


def _tell_hooks(messages: list[Message]) -> None:
    """The status hooks, for the batch at once; should that fail, one by one,
    so one broken event costs no other. A failing hook never undoes a status:
    a sent email left "scheduled" would be sent again once the lease ran out."""
    if not messages:
        return
    try:
        with transaction.atomic():
            hooks.status_changed(messages)
        return
    except Exception:
        log.warning("status hooks failed for a batch of %d; trying one by one", len(messages))
    for message in messages:
        try:
            with transaction.atomic():
                hooks.status_changed([message])
        except Exception:
            log.exception("status hooks failed for message %s", message.pk)


DUTIES = [DeliverDueMessages]
