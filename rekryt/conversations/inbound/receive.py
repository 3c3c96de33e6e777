"""One receiver for every way mail comes in (SMTP listener, IMAP poll).

`receive(raw, recipients, via)` decides what a mail is and stores what it
means, in one transaction, and always leaves an `InboundMail` row saying
what became of it. Log lines name the verdict, the size and the row id:
never an address, a subject or a token."""

from __future__ import annotations

import hashlib
import hmac
import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from rekryt.candidates.models import Candidate, normalise_email
from rekryt.conversations import addresses
from rekryt.conversations.inbound.parse import MalformedMail, ParsedMail, parse
from rekryt.conversations.inbound.replies import store_reply
from rekryt.conversations.models import AddressFailure, InboundMail, ReplyAddress, Verdict

log = logging.getLogger(__name__)


def max_bytes() -> int:
    return int(settings.INBOUND_MAX_MB) * 1024 * 1024


def sender_hash(address: str) -> str:
    """A keyed hash of the sender, so floods can be counted without keeping
    the address."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, normalise_email(address).encode(), hashlib.sha256).hexdigest()


def _note(via: str, verdict: str, reason: str, size: int, sender: str = "", **kw: object) -> str:
    row = InboundMail.objects.create(
        via=via,
        verdict=verdict,
        reason=reason[:200],
        size=size,
        sender_hash=sender_hash(sender) if sender else "",
        **kw,  # type: ignore[arg-type]
    )
    log.info("inbound mail %s via %s: %s %s (%s bytes)", row.pk, via, verdict, reason, size)
    return verdict


def receive(raw: bytes, recipients: list[str], via: str) -> str:
    """Take one mail; returns its verdict (a `Verdict` value)."""
    size = len(raw)
    if size > max_bytes():
        return _note(via, Verdict.REFUSED, "too large", size)
    try:
        parsed = parse(raw)
    except MalformedMail as exc:
        return _note(via, Verdict.REFUSED, f"malformed: {exc}", size)
    if parsed.sender and _flooding(parsed.sender):
        return _note(via, Verdict.REFUSED, "flood from one sender", size, parsed.sender)
    with transaction.atomic():
        return _classified(parsed, recipients, via, size)


def _flooding(sender: str) -> bool:
    since = timezone.now() - timedelta(hours=1)
    recent = InboundMail.objects.filter(sender_hash=sender_hash(sender), received_at__gte=since)
    return recent.count() >= settings.INBOUND_PER_SENDER_PER_HOUR


def _classified(parsed: ParsedMail, recipients: list[str], via: str, size: int) -> str:
    sender = parsed.sender
    if parsed.bounce:
        return _bounce(parsed, recipients, via, size)
    address = addresses.find(recipients + parsed.recipients)
    if address is None:
        return _note(via, Verdict.UNKNOWN, "no conversation for the address", size, sender)
    if parsed.auto_reply:
        return _note(via, Verdict.AUTO_REPLY, "automatic reply", size, sender)
    application = address.application or (
        address.candidate.applications.order_by("-created_at", "-pk").first()
    )
    if application is None:
        return _note(via, Verdict.UNKNOWN, "the candidate has no application", size, sender)
    if not parsed.text and not parsed.attachments:
        return _note(via, Verdict.REFUSED, "empty", size, sender)
    try:
        with transaction.atomic():
            reply = store_reply(application, parsed)
    except IntegrityError:
        return _note(via, Verdict.DUPLICATE, "already received", size, sender)
    if normalise_email(sender) == address.candidate.email_normalised:
        AddressFailure.objects.filter(candidate=address.candidate).delete()
    return _note(via, Verdict.ACCEPTED, "", size, sender, reply=reply)


def _bounce(parsed: ParsedMail, recipients: list[str], via: str, size: int) -> str:
    """Mark the candidate's address as failing. The bounce is matched by the
    reply address in the returned mail's headers, else by the failed
    recipient; it is never shown as something the candidate wrote."""
    candidate = _bounced_candidate(parsed, recipients)
    if candidate is None:
        return _note(via, Verdict.BOUNCE, "bounce for no known candidate", size)
    failure, created = AddressFailure.objects.get_or_create(
        candidate=candidate, defaults={"status": parsed.bounce_status}
    )
    if not created:
        failure.bounces += 1
        failure.last_at = timezone.now()
        failure.status = parsed.bounce_status or failure.status
        failure.save(update_fields=["bounces", "last_at", "status"])
    return _note(via, Verdict.BOUNCE, "address marked failing", size)


def _bounced_candidate(parsed: ParsedMail, recipients: list[str]) -> Candidate | None:
    found: ReplyAddress | None = addresses.find(
        [line.split(":", 1)[-1] for line in parsed.original_headers.splitlines()]
        + recipients
        + parsed.recipients
    )
    if found is not None:
        return found.candidate
    for failed in parsed.failed_recipients:
        candidate = Candidate.objects.filter(email_normalised=normalise_email(failed)).first()
        if candidate is not None:
            return candidate
    return None
