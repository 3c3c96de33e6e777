"""Portal links: random tokens tied to one candidate, stored hashed, expiring.

Guarantees: 256 random bits per token (`secrets.token_urlsafe(32)`); the
database keeps only the SHA-256, so the raw token exists only in the email;
a token opens the portal of exactly one candidate until `expires_at`. Every
email to a candidate mints a new one, so each email renews access."""

from __future__ import annotations

import re
from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from rekryt.candidates.models import Candidate
from rekryt.lib.tokens import hash_token, new_token
from rekryt.portal.models import PortalToken

LIFETIME = timedelta(days=90)
# What token_urlsafe(32) produces; anything else is refused before any lookup.
_SHAPE = re.compile(r"\A[A-Za-z0-9_-]{43}\Z")


def mint(candidate: Candidate) -> str:
    """Create a token for `candidate` and return the raw value (never stored)."""
    now = timezone.now()
    # Expired links are useless; dropping them here keeps the table small.
    PortalToken.objects.filter(candidate=candidate, expires_at__lt=now).delete()
    raw, digest = new_token()
    PortalToken.objects.create(
        candidate=candidate,
        token_hash=digest,
        created_at=now,
        expires_at=now + LIFETIME,
    )
    return raw


def portal_url(raw: str) -> str:
    return settings.SITE_URL + reverse("portal_token", args=[raw])


def find_valid(raw: str) -> PortalToken | None:
    """The unexpired token with this value, or None (unknown, altered or expired)."""
    if not _SHAPE.match(raw):
        return None
    return (
        PortalToken.objects.select_related("candidate")
        .filter(token_hash=hash_token(raw), expires_at__gt=timezone.now())
        .first()
    )


def portal_values(*, candidate: object, application: object, kind: str) -> dict[str, str]:
    """Registered with `messaging.hooks.provide_values`: every email queued to
    a candidate carries a fresh portal link."""
    if not isinstance(candidate, Candidate) or candidate.pk is None:
        return {}
    return {"portal_url": portal_url(mint(candidate))}
