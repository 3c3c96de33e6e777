"""Recording consent: every answer is a new row, so the history is the evidence."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from rekryt.accounts.models import Organisation, User
from rekryt.candidates.models import Candidate
from rekryt.privacy.models import Consent, ConsentMethod, PrivacyNotice


def record_consent(
    candidate: Candidate,
    *,
    purpose: str,
    given: bool,
    text: str,
    method: str,
    language: str,
    ip: str | None = None,
    recorded_by: User | None = None,
) -> Consent:
    """Store one answer with the exact sentence shown and the notice in force.

    A "yes" lasts the organisation's consent period; a "no" (or a withdrawal)
    has no end and takes effect at once, because the newest record decides."""
    now = timezone.now()
    expires_at = None
    if given:
        expires_at = now + timedelta(days=30 * Organisation.get().consent_months)
    return Consent.objects.create(
        candidate=candidate,
        purpose=purpose,
        given=given,
        text=text,
        notice=PrivacyNotice.objects.order_by("-version").first(),
        language=language,
        method=method,
        ip=ip or None,
        recorded_by=recorded_by,
        created_at=now,
        expires_at=expires_at,
    )


__all__ = ["ConsentMethod", "record_consent"]
