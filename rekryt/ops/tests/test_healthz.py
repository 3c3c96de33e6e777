"""/healthz: the database answers, and how long the oldest due email has waited."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from conftest import make_application
from rekryt.applications.tests.test_board import cv_upload
from rekryt.messaging.models import Message
from rekryt.messaging.outbox import cancel_pending
from rekryt.messaging.tests.helpers import queue_message

pytestmark = pytest.mark.django_db


def health(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    return response.json()


def test_it_reports_zero_when_no_email_is_due(client):
    queue_message(1, send_after=timezone.now() + timedelta(hours=1))

    body = health(client)

    assert (body["status"], body["database"], body["oldest_overdue_email_seconds"]) == (
        "ok",
        "ok",
        0,
    )
    assert {d["oldest_due_seconds"] for d in body["duties"].values()} == {0}


def test_it_reports_how_long_the_oldest_due_email_has_waited(client):
    start = timezone.now()
    queue_message(1, send_after=start)
    queue_message(2, send_after=start + timedelta(minutes=5))

    with time_machine.travel(start + timedelta(minutes=10), tick=False):
        body = health(client)

    assert body["oldest_overdue_email_seconds"] == 600


def test_it_ignores_cancelled_emails(client):
    start = timezone.now()
    message = queue_message(1, send_after=start)
    cancel_pending(Message.objects.filter(pk=message.pk))

    with time_machine.travel(start + timedelta(minutes=10), tick=False):
        assert health(client)["oldest_overdue_email_seconds"] == 0


def test_it_is_never_cached(client):
    response = client.get(reverse("healthz"))

    assert "no-cache" in response["Cache-Control"]


def test_it_reports_each_duty_with_its_lane(client):
    body = health(client)

    lanes = {name: duty["lane"] for name, duty in body["duties"].items()}
    assert lanes["deliver_due_messages"] == "delivery"
    assert lanes["extract_document_text"] == "extraction"
    assert lanes["apply_retention"] == "routine"


def test_it_reports_a_document_waiting_for_extraction_apart_from_email(client, job):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        application = make_application(job, uploads=[cv_upload()])
    application.messages.update(status="sent")

    with time_machine.travel(start + timedelta(minutes=3), tick=False):
        body = health(client)

    assert body["duties"]["extract_document_text"]["oldest_due_seconds"] == 180
    assert body["duties"]["deliver_due_messages"]["oldest_due_seconds"] == 0


def test_the_oldest_due_email_is_reported_under_the_delivery_duty_too(client):
    start = timezone.now()
    queue_message(1, send_after=start)

    with time_machine.travel(start + timedelta(seconds=90), tick=False):
        body = health(client)

    assert body["duties"]["deliver_due_messages"]["oldest_due_seconds"] == 90
    assert body["oldest_overdue_email_seconds"] == 90
