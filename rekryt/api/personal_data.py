"""Webhook deliveries hold ids, never a name or an address, so there is
nothing of the person to export. Erasure removes the deliveries about the
candidate's applications (sent or not: their ids would link the log to a
person no longer here) and tells each endpoint that wants it that the
candidate is erased, so other systems can erase their copy too."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from rekryt.api.models import Delivery, Endpoint, EventType


def export(candidate: Any) -> dict[str, Any]:
    return {}


def erase(candidate: Any) -> dict[str, int]:
    applications = list(candidate.applications.values_list("pk", flat=True))
    removed, _by_model = Delivery.objects.filter(application_id__in=applications).delete()
    now = timezone.now()
    payload = {
        "type": EventType.CANDIDATE_ERASED.value,
        "timestamp": now.isoformat(),
        "data": {"candidate_id": candidate.pk, "application_ids": applications},
    }
    told = [
        Delivery(endpoint=e, event_type=EventType.CANDIDATE_ERASED, payload=payload)
        for e in Endpoint.objects.filter(enabled=True)
        if e.wants(EventType.CANDIDATE_ERASED)
    ]
    Delivery.objects.bulk_create(told)
    return {"webhook_deliveries": removed}
