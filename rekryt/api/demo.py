"""The demo's integrations: the HR system's service account with a token
(read-only, the scopes a hand-over needs), a recruiter's token for a
weekly spreadsheet and a revoked one, and the HR system's webhook endpoint
with the last hires and hand-overs in its log: delivered, one after a
retry. No token's secret exists anywhere after this: made and dropped.

Deliveries are made from the demo's real events by the fan-out's own code
(`fanout.deliveries_for`); the fan-out cursor is then put after the
history, so the first worker start sends nothing about the past."""

from __future__ import annotations

from datetime import datetime, timedelta

from rekryt.accounts.models import Role, User
from rekryt.api import fanout
from rekryt.api.models import Attempt, Delivery, DeliveryStatus, Endpoint, EventType, FanOut, Token
from rekryt.api.tokens import create_token
from rekryt.applications.models import Event, EventKind

SERVICE_USERNAME = "personalsystemet"
HR_SCOPES = ["jobs:read", "applications:read", "handovers:read"]
HOOK_URL = "https://hr.norrskenlogistik.example/webhooks/rekryt"
SHOWN_DELIVERIES = 6


def add_integrations(staff: dict[str, User], now: datetime) -> None:
    service = _service_account()
    _token(service, "Personalsystemet: nyanställda och överlämning", HR_SCOPES, staff, now, 41)
    _token(
        staff["rebecka"],
        "Veckorapport i kalkylarket",
        ["jobs:read", "applications:read"],
        staff,
        now,
        12,
        by="rebecka",
    )
    old = _token(
        staff["jonas"], "Testskript (gammalt)", ["candidates:read"], staff, now, 70, by="jonas"
    )
    Token.objects.filter(pk=old.pk).update(revoked_at=now - timedelta(days=58), last_used_at=None)
    endpoint = Endpoint.objects.create(
        url=HOOK_URL,
        description="Personalsystemet: nyanställda",
        event_types=[EventType.HIRED, EventType.EMPLOYEE_HANDOVER],
        created_by=staff["astrid"],
        created_at=now - timedelta(days=41),
    )
    _log(endpoint)
    last = Event.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    FanOut.objects.update_or_create(pk=1, defaults={"after_event": last})


def _service_account() -> User:
    """Who the HR system's token acts as: a recruiter that cannot log in."""
    user, _created = User.objects.update_or_create(
        username=SERVICE_USERNAME,
        defaults={
            "first_name": "Personalsystemet",
            "last_name": "(integration)",
            "email": "personalsystemet@norrskenlogistik.example",
            "role": Role.RECRUITER,
            "is_active": True,
        },
    )
    user.set_unusable_password()
    user.save(update_fields=["password"])
    return user


def _token(
    user: User,
    name: str,
    scopes: list[str],
    staff: dict[str, User],
    now: datetime,
    days_ago: int,
    by: str = "astrid",
) -> Token:
    made = create_token(user, name, scopes, 365 if by == "astrid" else 90, staff[by])
    made_at = now - timedelta(days=days_ago)
    Token.objects.filter(pk=made.token.pk).update(
        created_at=made_at,
        expires_at=made_at + (made.token.expires_at - made.token.created_at),
        last_used_at=now - timedelta(hours=2, minutes=14),
    )
    return made.token


def _log(endpoint: Endpoint) -> None:
    kinds = [EventKind.OUTCOME_SET, EventKind.ONBOARDING_DONE]
    rows = (
        Event.objects.filter(kind__in=kinds)
        .order_by("-pk")
        .values(
            "pk",
            "kind",
            "data",
            "created_at",
            "application_id",
            "application__job_id",
            "application__candidate_id",
        )
    )
    events = [dict(row) for row in rows[:200]]
    every = fanout.deliveries_for(list(reversed(events)), [endpoint])
    # The last few of each kind the HR system asked for, oldest first.
    each = SHOWN_DELIVERIES // len(endpoint.event_types)
    made = sorted(
        (d for kind in endpoint.event_types for d in _of_type(every, kind)[-each:]),
        key=lambda d: d.event_id or 0,
    )
    for n, delivery in enumerate(made):
        sent = _time_of(delivery)
        delivery.status = DeliveryStatus.SUCCEEDED
        delivery.created_at = sent
        delivery.next_attempt_at = sent
        retried = n == 1
        delivery.attempts = 2 if retried else 1
        delivery.last_status_code = 204
        delivery.delivered_at = sent + timedelta(minutes=5 if retried else 0, seconds=1)
        delivery.save()
        if retried:
            Attempt.objects.create(delivery=delivery, at=sent, status_code=503, milliseconds=212)
        Attempt.objects.create(
            delivery=delivery, at=delivery.delivered_at, status_code=204, milliseconds=87 + 13 * n
        )


def _of_type(deliveries: list[Delivery], event_type: str) -> list[Delivery]:
    return [d for d in deliveries if d.event_type == event_type]


def _time_of(delivery: Delivery) -> datetime:
    return datetime.fromisoformat(delivery.payload["timestamp"]) + timedelta(seconds=2)
