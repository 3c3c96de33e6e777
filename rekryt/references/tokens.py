"""Referee links. Guarantees: 256 random bits per link (rekryt.lib.tokens);
the database keeps only the SHA-256; a link opens exactly one request of one
referee, until `expires_at` and only while that request is open (answered,
declined or cancelled requests show a short page, never the answers)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from rekryt.lib.tokens import hash_token, new_token
from rekryt.references.models import ReferenceRequest

LIFETIME = timedelta(days=21)
_SHAPE = re.compile(r"\A[A-Za-z0-9_-]{43}\Z")


def mint() -> tuple[str, str]:
    return new_token()


def referee_url(raw: str) -> str:
    return settings.SITE_URL + reverse("reference_answer", args=[raw])


def find(raw: str) -> ReferenceRequest | None:
    """The request this link belongs to while it has not expired, whatever
    its status; None for unknown, altered or expired links."""
    if not _SHAPE.match(raw):
        return None
    return (
        ReferenceRequest.objects.select_related(
            "referee__application__job", "referee__application__candidate"
        )
        .filter(token_hash=hash_token(raw), expires_at__gt=timezone.now())
        .first()
    )


def expires() -> datetime:
    return timezone.now() + LIFETIME
