"""From application events to deliveries. The Event table is the outbox:
a cursor walks it by id, so nothing is lost when a web process dies after
its commit, and nothing is added to the request that made the event.

A transaction still running when the walk passes can leave a gap in the
ids (as can one rolled back). The cursor stops before a gap until the event
after it is GAP_WAIT old; the events beyond are delivered at once all the
same, and the unique (endpoint, event, type) keeps the next walk from adding
them twice."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from rekryt.api.models import Delivery, Endpoint, EventType, FanOut
from rekryt.applications.models import Event, EventKind, Outcome

GAP_WAIT = timedelta(seconds=60)
BATCH = 500

TYPES: dict[str, str] = {
    EventKind.CREATED: EventType.APPLICATION_CREATED,
    EventKind.STAGE_MOVED: EventType.STAGE_CHANGED,
    EventKind.OUTCOME_SET: EventType.OUTCOME_SET,
    EventKind.INTERVIEW_BOOKED: EventType.INTERVIEW_SCHEDULED,
    EventKind.INTERVIEW_MOVED: EventType.INTERVIEW_SCHEDULED,
    EventKind.OFFER_ACCEPTED: EventType.OFFER_ACCEPTED,
    EventKind.ONBOARDING_DONE: EventType.EMPLOYEE_HANDOVER,
}
# What each type adds to the ids: facts, no names or addresses.
DETAILS: dict[str, tuple[str, ...]] = {
    EventType.STAGE_CHANGED: ("from_stage", "to_stage", "from_name_en", "to_name_en"),
    EventType.OUTCOME_SET: ("outcome", "reason", "reason_name"),
    EventType.HIRED: (),
    EventType.INTERVIEW_SCHEDULED: ("interview", "starts_at"),
    EventType.OFFER_ACCEPTED: ("offer", "version"),
    EventType.EMPLOYEE_HANDOVER: ("onboarding",),
}


def handover_url(onboarding: object) -> str | None:
    """Where the hand-over document is read with an API token (the
    document itself holds personal data, so the message only points at it)."""
    if onboarding is None:
        return None
    return settings.SITE_URL + reverse("api_v1:get_handover", args=[onboarding])


def types_of(event: dict[str, Any]) -> list[str]:
    first = TYPES.get(event["kind"])
    if first is None:
        return []
    hired = first == EventType.OUTCOME_SET and event["data"].get("outcome") == Outcome.HIRED
    return [first, EventType.HIRED] if hired else [first]


def payload(event_type: str, event: dict[str, Any]) -> dict[str, Any]:
    data = {
        "event_id": event["pk"],
        "application_id": event["application_id"],
        "job_id": event["application__job_id"],
        "candidate_id": event["application__candidate_id"],
    }
    for key in DETAILS.get(event_type, ()):
        data[key] = event["data"].get(key)
    if event_type == EventType.EMPLOYEE_HANDOVER:
        data["handover_url"] = handover_url(data["onboarding"])
    return {"type": event_type, "timestamp": event["created_at"].isoformat(), "data": data}


def deliveries_for(events: list[dict[str, Any]], endpoints: list[Endpoint]) -> list[Delivery]:
    made = []
    for event in events:
        for event_type in types_of(event):
            for endpoint in endpoints:
                if endpoint.wants(event_type):
                    made.append(
                        Delivery(
                            endpoint=endpoint,
                            event_id=event["pk"],
                            application_id=event["application_id"],
                            event_type=event_type,
                            payload=payload(event_type, event),
                        )
                    )
    return made


def contiguous_end(after: int, events: list[dict[str, Any]], now: datetime) -> int:
    """How far the cursor may move: up to the first young gap. A cursor that
    has not moved yet starts at the first event there is (ids need not
    start at 1: a PostgreSQL sequence goes on where it was)."""
    expected = after + 1 if after or not events else events[0]["pk"]
    for event in events:
        if event["pk"] != expected and event["created_at"] > now - GAP_WAIT:
            break
        after, expected = event["pk"], event["pk"] + 1
    return after


@transaction.atomic
def fan_out() -> int:
    """One batch of events turned into deliveries; how many deliveries it
    made (0 when no endpoint wants them: walking past events is no work a
    busy lane should be kept awake for)."""
    cursor, _created = FanOut.objects.get_or_create(pk=1)
    cursor = FanOut.objects.select_for_update().get(pk=1)
    rows = (
        Event.objects.filter(pk__gt=cursor.after_event)
        .order_by("pk")
        .values(
            "pk",
            "kind",
            "data",
            "created_at",
            "application_id",
            "application__job_id",
            "application__candidate_id",
        )[:BATCH]
    )
    events: list[dict[str, Any]] = [dict(row) for row in rows]
    if not events:
        return 0
    endpoints = list(Endpoint.objects.filter(enabled=True))
    made = deliveries_for(events, endpoints)
    Delivery.objects.bulk_create(made, ignore_conflicts=True)
    moved_to = contiguous_end(cursor.after_event, events, timezone.now())
    if moved_to != cursor.after_event:
        cursor.after_event = moved_to
        cursor.save(update_fields=["after_event"])
    # Events past a young gap are read again next time (nothing is added).
    return len(made)
