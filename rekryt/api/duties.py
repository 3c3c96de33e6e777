"""The webhooks' worker duties, in their own lane (`integrations`), so a
slow or unreachable endpoint never holds back the mail a person waits for:
turning application events into deliveries, delivering those due, and
switching off an endpoint that has failed for days (telling the admins)."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation

from rekryt.accounts.models import Role, User
from rekryt.api import fanout, sender
from rekryt.api.models import Delivery, DeliveryStatus, Endpoint
from rekryt.api.v1.idempotency import purge as idempotency_purge
from rekryt.lib.claims import claim_next, release
from rekryt.lib.duty import INTEGRATIONS, Duty
from rekryt.messaging import outbox

LEASE = timedelta(minutes=2)


def due_deliveries() -> QuerySet[Delivery]:
    """Through the partial index webhook_due."""
    return Delivery.objects.filter(
        status=DeliveryStatus.PENDING, next_attempt_at__lte=timezone.now()
    ).order_by("next_attempt_at", "pk")


class FanOutEvents(Duty):
    """Steps: read the application events after the cursor (a batch), add a
    delivery for each endpoint that wants its type, move the cursor up to
    the first gap that may still fill (rekryt.api.fanout)."""

    name = "fan_out_webhook_events"
    lane = INTEGRATIONS

    def handle_one(self) -> int:
        return fanout.fan_out()


class DeliverWebhooks(Duty):
    """Steps: claim the most overdue delivery whose endpoint is on, POST it
    once (rekryt.api.sender), record the attempt and the next try, release."""

    name = "deliver_webhooks"
    lane = INTEGRATIONS

    def handle_one(self) -> bool:
        claimed = claim_next(due_deliveries().filter(endpoint__enabled=True), LEASE)
        if claimed is None:
            return False
        delivery = Delivery.objects.select_related("endpoint").get(pk=claimed.pk)
        sender.attempt(delivery)
        release(claimed)
        return True

    def oldest_due(self) -> datetime | None:
        due = due_deliveries().filter(endpoint__enabled=True)
        return due.values_list("next_attempt_at", flat=True).first()


def disable(endpoint: Endpoint, now: datetime) -> None:
    with transaction.atomic():
        changed = Endpoint.objects.filter(pk=endpoint.pk, enabled=True).update(
            enabled=False, disabled_reason="failing"
        )
        if not changed:
            return
        for admin in User.objects.filter(role=Role.ADMIN, is_active=True).exclude(email=""):
            language = (admin.language or settings.LANGUAGE_CODE)[:2]
            context = {"endpoint": endpoint, "since": endpoint.failing_since, "admin": admin}
            with translation.override(language):
                subject = render_to_string("api/email/endpoint_disabled_subject.txt", context)
                text = render_to_string("api/email/endpoint_disabled.txt", context)
            outbox.queue_rendered(
                key=f"webhook-disabled:{endpoint.pk}:{now.date()}:{admin.pk}",
                kind="webhook_disabled",
                to_email=admin.email,
                to_name=admin.display_name,
                subject=subject.strip(),
                text=text,
                language=language,
            )


class DisableFailingEndpoints(Duty):
    """Steps: at most every ten minutes, switch off each endpoint whose every
    attempt has failed for DISABLE_AFTER, and email the admins once."""

    name = "disable_failing_webhook_endpoints"
    lane = INTEGRATIONS
    every = 600.0

    def __init__(self) -> None:
        self.next_at = 0.0

    def handle_one(self) -> int:
        if time.monotonic() < self.next_at:
            return 0
        self.next_at = time.monotonic() + self.every
        now = timezone.now()
        failing = Endpoint.objects.filter(
            enabled=True, failing_since__lt=now - sender.DISABLE_AFTER
        )
        found = list(failing)
        for endpoint in found:
            disable(endpoint, now)
        return len(found)


class PurgeIdempotentRequests(Duty):
    """Steps: delete up to a batch of API responses kept for an
    Idempotency-Key longer than a day (rekryt.api.v1.idempotency)."""

    name = "purge_api_idempotency_keys"
    lane = INTEGRATIONS

    def handle_one(self) -> int:
        return idempotency_purge()


DUTIES = [FanOutEvents, DeliverWebhooks, DisableFailingEndpoints, PurgeIdempotentRequests]
