"""Consents, legal holds and access requests, for export and erasure (see
rekryt.candidates.personal_data for the contract).

An erased person's access requests stay as evidence that they were
answered and when, without saying who asked or what they wrote."""

from __future__ import annotations

from typing import Any

from rekryt.candidates.models import Candidate
from rekryt.candidates.personal_data import iso
from rekryt.privacy.models import AccessRequest, Consent, LegalHold


def export(candidate: Candidate) -> dict[str, Any]:
    consents = Consent.objects.filter(candidate=candidate).select_related("notice")
    requests = AccessRequest.objects.filter(candidate=candidate).order_by("received_at", "pk")
    return {
        "consents": [
            {
                "purpose": c.purpose,
                "given": c.given,
                "text": c.text,
                "privacy_notice_version": c.notice.version if c.notice else None,
                "language": c.language,
                "method": c.method,
                "recorded_at": iso(c.created_at),
                "expires_at": iso(c.expires_at),
            }
            for c in consents.order_by("created_at", "pk")
        ],
        "requests": [
            {
                "kind": r.kind,
                "channel": r.channel,
                "status": r.status,
                "received_at": iso(r.received_at),
                "answer_by": iso(r.due_at),
                "answered_at": iso(r.answered_at),
                "as_written": r.requester,
                "details": r.details,
            }
            for r in requests
        ],
    }


def erase(candidate: Candidate) -> dict[str, int]:
    consents, _by_model = Consent.objects.filter(candidate=candidate).delete()
    # Active holds stop an erasure before it starts; released ones go.
    holds, _by_model = LegalHold.objects.filter(candidate=candidate).delete()
    scrubbed = AccessRequest.objects.filter(candidate=candidate).update(
        candidate=None,
        requester="",
        details="",
        answer_note="",
        extension_reason="",
        token_hash=None,
        token_expires_at=None,
    )
    return {"consents": consents, "legal_holds": holds, "requests_scrubbed": scrubbed}
