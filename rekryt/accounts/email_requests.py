"""Requests to email a link to an address (rekryt.accounts.models.EmailRequest).

A form that sends a link to a typed address must answer the same, in the
same time, whether or not the address belongs to someone. So the request
only stores a row; a worker duty takes it — deleting it, so two workers
never both take one — and does the look-up and the sending. Rows are kept
only until then, and are dropped unsent after `STALE_AFTER`."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone, translation

from rekryt.accounts.models import EmailRequest, EmailRequestKind

# A link asked for an hour ago is no longer waited for; the address goes.
STALE_AFTER = timedelta(hours=1)


def ask(kind: EmailRequestKind, email: str) -> None:
    """Store the request, in the language the person is reading."""
    EmailRequest.objects.create(
        kind=kind, email=email.strip(), language=(translation.get_language() or "")[:8]
    )


def oldest(kind: EmailRequestKind) -> datetime | None:
    """When the oldest waiting request of this kind came in."""
    waiting = EmailRequest.objects.filter(kind=kind).order_by("pk")
    return waiting.values_list("created_at", flat=True).first()


def take(kind: EmailRequestKind) -> EmailRequest | None:
    """The oldest waiting request of this kind, removed from the table; None
    when there is none. Call inside the transaction that acts on it, so a
    failure puts it back."""
    while True:
        row = EmailRequest.objects.filter(kind=kind).order_by("pk").first()
        if row is None:
            return None
        deleted, _ = EmailRequest.objects.filter(pk=row.pk).delete()
        if deleted:
            return row  # otherwise another worker took it first


def drop_stale() -> int:
    deleted, _ = EmailRequest.objects.filter(created_at__lt=timezone.now() - STALE_AFTER).delete()
    return deleted
