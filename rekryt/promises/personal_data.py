"""What we promised the candidate, for export (see
rekryt.candidates.personal_data for the contract). Promises live in the
applications' timelines, so erasing the applications erases them."""

from __future__ import annotations

from typing import Any

from rekryt.applications.models import Event, EventKind
from rekryt.candidates.models import Candidate
from rekryt.candidates.personal_data import iso


def export(candidate: Candidate) -> dict[str, Any]:
    events = Event.objects.filter(
        application__candidate=candidate, kind=EventKind.PROMISE_SET
    ).order_by("created_at", "pk")
    return {
        "promises": [
            {
                "application_id": e.application_id,
                "news_by": (e.data or {}).get("hear_by"),
                "promised_at": iso(e.created_at),
            }
            for e in events
        ]
    }


def erase(candidate: Candidate) -> dict[str, int]:
    return {}
