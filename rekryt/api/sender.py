"""One attempt at one delivery: the thin JSON body signed per Standard
Webhooks, POSTed with a timeout and without following redirects. A 2xx is
success; anything else (or no answer) is tried again on the RETRIES
schedule, then given up. An endpoint that has failed for DISABLE_AFTER is
switched off and the admins are told by email."""

from __future__ import annotations

import json
import logging
import time
from datetime import timedelta

import requests
from django.utils import timezone

from rekryt.api import addresses, signing
from rekryt.api.models import RETRIES, Attempt, Delivery, DeliveryStatus, Endpoint

log = logging.getLogger(__name__)
TIMEOUT = (5, 10)  # connect, read (seconds)
DISABLE_AFTER = timedelta(days=5)


def body_of(delivery: Delivery) -> bytes:
    return json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode()


def post(endpoint: Endpoint, delivery: Delivery) -> tuple[int | None, str]:
    """(status code or None, error) of one POST."""
    try:
        addresses.check(endpoint.url, endpoint.allow_private)
    except addresses.Refused as refused:
        return None, str(refused)[:200]
    body = body_of(delivery)
    headers = signing.headers(endpoint.secret, delivery.message_id, int(time.time()), body)
    try:
        response = requests.post(
            endpoint.url, data=body, headers=headers, timeout=TIMEOUT, allow_redirects=False
        )
    except requests.RequestException as exc:
        return None, type(exc).__name__
    response.close()  # the body is not read: it could be anything, and large
    return response.status_code, ""


def attempt(delivery: Delivery) -> bool:
    """Try once, record it, and schedule the next try; True when delivered."""
    endpoint = delivery.endpoint
    started = time.monotonic()
    code, error = post(endpoint, delivery)
    now = timezone.now()
    Attempt.objects.create(
        delivery=delivery,
        at=now,
        status_code=code,
        error=error,
        milliseconds=int((time.monotonic() - started) * 1000),
    )
    delivery.attempts += 1
    delivery.last_status_code = code
    ok = code is not None and 200 <= code < 300
    if ok:
        delivery.status, delivery.delivered_at = DeliveryStatus.SUCCEEDED, now
        if endpoint.failing_since is not None:
            Endpoint.objects.filter(pk=endpoint.pk).update(failing_since=None)
    elif delivery.attempts > len(RETRIES):
        delivery.status = DeliveryStatus.FAILED
    else:
        delivery.next_attempt_at = now + RETRIES[delivery.attempts - 1]
    if not ok:
        # The endpoint's id only: its URL may carry a key.
        log.info("webhook %s to endpoint %s failed: %s", delivery.pk, endpoint.pk, code or error)
        if endpoint.failing_since is None:
            Endpoint.objects.filter(pk=endpoint.pk, failing_since=None).update(failing_since=now)
    delivery.save(
        update_fields=["attempts", "last_status_code", "status", "delivered_at", "next_attempt_at"]
    )
    return ok
