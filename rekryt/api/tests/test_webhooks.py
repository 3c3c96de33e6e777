"""Webhooks end to end: application events become deliveries (one per
endpoint and type, none twice), POSTed to a real HTTP server on loopback,
signed so that the Standard Webhooks reference library accepts them;
failures are retried on the schedule for about a day and then given up; an
endpoint failing for days is switched off and the admins told; private
addresses need an admin's leave; erasure tells the endpoints."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import time_machine
from django.utils import timezone
from standardwebhooks.webhooks import Webhook

from conftest import make_application
from rekryt.api import fanout
from rekryt.api.duties import DeliverWebhooks, DisableFailingEndpoints, FanOutEvents
from rekryt.api.models import RETRIES, Delivery, DeliveryStatus, Endpoint, EventType, FanOut
from rekryt.applications.actions import move_to_stage, set_outcome
from rekryt.applications.models import Event, Outcome
from rekryt.messaging.models import Message
from rekryt.privacy.erasure import erase_candidate

pytestmark = pytest.mark.django_db


class Receiver:
    """An HTTP server on loopback that keeps what it is sent and answers
    with the next of `codes` (the last one again when they run out)."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.codes = [204]
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((dict(self.headers.items()), body))
                code = receiver.codes.pop(0) if len(receiver.codes) > 1 else receiver.codes[0]
                self.send_response(code)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/rekryt"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def types(self) -> list[str]:
        return [json.loads(body)["type"] for _headers, body in self.received]


@pytest.fixture
def receiver() -> Any:
    found = Receiver()
    yield found
    found.server.shutdown()


@pytest.fixture
def endpoint(receiver: Receiver) -> Endpoint:
    return Endpoint.objects.create(url=receiver.url, allow_private=True)


def run_worker() -> None:
    """The integrations lane's duties until both are idle."""
    fan, deliver = FanOutEvents(), DeliverWebhooks()
    while fan.handle_one() or deliver.handle_one():
        pass


def test_events_arrive_signed_and_the_reference_library_verifies_them(
    receiver, endpoint, job, rita
):
    application = make_application(job, first_name="Hemlig", email="hemlig@example.org")
    move_to_stage(application, job.stages.order_by("order")[1], rita)
    set_outcome(application, Outcome.HIRED, rita)
    run_worker()
    assert receiver.types() == [
        "application.created",
        "application.stage_changed",
        "application.outcome_set",
        "application.hired",
    ]
    verifier = Webhook(endpoint.secret)
    for headers, body in receiver.received:
        lowered = {k.lower(): v for k, v in headers.items()}
        assert verifier.verify(body, lowered)["data"]["application_id"] == application.pk
        # Thin: ids and facts, never the person's name or address.
        assert b"Hemlig" not in body and b"hemlig@" not in body
    tampered = receiver.received[0][1].replace(b"created", b"erased!")
    with pytest.raises(Exception, match=r"(?i)signature"):
        verifier.verify(tampered, {k.lower(): v for k, v in receiver.received[0][0].items()})
    moved = json.loads(receiver.received[1][1])["data"]
    assert moved["to_stage"] == job.stages.order_by("order")[1].pk
    assert Delivery.objects.filter(status=DeliveryStatus.SUCCEEDED).count() == 4


def test_a_fan_out_run_again_adds_no_second_delivery(receiver, endpoint, job):
    make_application(job)
    fanout.fan_out()
    FanOut.objects.update(after_event=0)  # as if the cursor's commit were lost
    fanout.fan_out()
    assert Delivery.objects.count() == 1
    run_worker()
    assert len(receiver.received) == 1


def test_an_endpoint_gets_only_the_types_it_asked_for(receiver, job, rita):
    Endpoint.objects.create(url=receiver.url, allow_private=True, event_types=["application.hired"])
    application = make_application(job)
    set_outcome(application, Outcome.HIRED, rita)
    run_worker()
    assert receiver.types() == ["application.hired"]


def test_the_cursor_waits_at_a_young_gap_and_delivers_past_it(endpoint, job):
    _first, second, _third = (make_application(job) for _ in range(3))
    gap = Event.objects.get(application=second, kind="created").pk
    Event.objects.filter(pk=gap).delete()  # as a transaction still running would look
    fanout.fan_out()
    before_gap = Event.objects.filter(pk__lt=gap).order_by("-pk").first()
    assert FanOut.objects.get().after_event == before_gap.pk
    assert Delivery.objects.count() == 2  # the first and the third, at once
    fanout.fan_out()
    assert Delivery.objects.count() == 2
    with time_machine.travel(timezone.now() + fanout.GAP_WAIT + timedelta(seconds=1)):
        fanout.fan_out()
    assert FanOut.objects.get().after_event == Event.objects.order_by("pk").last().pk


def test_failures_are_retried_on_the_schedule_for_about_a_day_then_given_up(
    receiver, endpoint, job
):
    receiver.codes = [500]
    make_application(job)
    run_worker()
    delivery = Delivery.objects.get()
    assert delivery.attempts == 1 and delivery.status == DeliveryStatus.PENDING
    assert sum(RETRIES, timedelta()) > timedelta(hours=23)
    assert sum(RETRIES, timedelta()) < timedelta(hours=30)
    for n, wait in enumerate(RETRIES, start=2):
        last_try = delivery.log.first().at
        assert delivery.next_attempt_at == last_try + wait
        with time_machine.travel(delivery.next_attempt_at - timedelta(seconds=2)):
            assert not DeliverWebhooks().handle_one()  # not before it is due
        with time_machine.travel(delivery.next_attempt_at + timedelta(seconds=1)):
            assert DeliverWebhooks().handle_one()
        delivery.refresh_from_db()
        assert delivery.attempts == n
    assert delivery.status == DeliveryStatus.FAILED
    assert len(receiver.received) == len(RETRIES) + 1
    assert delivery.log.count() == len(RETRIES) + 1
    assert {a.status_code for a in delivery.log.all()} == {500}
    # All attempts carried the same webhook-id, so a receiver can drop copies.
    assert {h["webhook-id"] for h, _b in receiver.received} == {delivery.message_id}


def test_a_recovered_endpoint_is_no_longer_failing(receiver, endpoint, job):
    receiver.codes = [503, 200]
    make_application(job)
    run_worker()
    assert Endpoint.objects.get().failing_since is not None
    with time_machine.travel(timezone.now() + RETRIES[0] + timedelta(seconds=1)):
        assert DeliverWebhooks().handle_one()
    assert Endpoint.objects.get().failing_since is None
    assert Delivery.objects.get().status == DeliveryStatus.SUCCEEDED


def test_an_endpoint_failing_for_days_is_switched_off_and_admins_are_told(
    receiver, endpoint, job, alice
):
    receiver.codes = [500]
    make_application(job)
    run_worker()
    since = Endpoint.objects.get().failing_since
    with time_machine.travel(since + timedelta(days=4)):
        assert DisableFailingEndpoints().handle_one() == 0
    with time_machine.travel(since + timedelta(days=5, minutes=1)):
        assert DisableFailingEndpoints().handle_one() == 1
    endpoint.refresh_from_db()
    assert not endpoint.enabled and endpoint.disabled_reason == "failing"
    told = Message.objects.get(kind="webhook_disabled")
    assert told.to_email == alice.email and receiver.url in told.body_text
    # Switched off: nothing more is sent to it.
    make_application(job)
    run_worker()
    assert len(receiver.received) == 1


@pytest.mark.parametrize(
    ("url", "allow", "ok"),
    [
        ("https://93.184.216.34/hook", False, True),
        ("http://93.184.216.34/hook", False, False),  # https only
        ("https://127.0.0.1/hook", False, False),
        ("https://10.1.2.3/hook", False, False),
        ("https://169.254.169.254/latest/meta-data", False, False),
        ("https://[::1]/hook", False, False),
        ("https://user:pw@93.184.216.34/hook", False, False),
        ("http://10.1.2.3/hook", True, True),
    ],
)
def test_private_and_plain_addresses_need_an_admins_leave(client, alice, url, allow, ok):
    client.force_login(alice)
    data = {"url": url, "description": "HR", "enabled": "on"}
    if allow:
        data["allow_private"] = "on"
    response = client.post("/staff/settings/webhooks/", data)
    assert Endpoint.objects.exists() == ok
    if not ok:
        assert response.status_code == 200
        assert 'value="HR"' in response.content.decode()  # nothing typed is lost


def test_a_delivery_to_an_address_refused_later_is_logged_not_sent(job):
    Endpoint.objects.create(url="https://127.0.0.1:9/never")
    make_application(job)
    run_worker()
    attempt = Delivery.objects.get().log.get()
    assert attempt.status_code is None and "private" in attempt.error


def test_erasure_removes_the_deliveries_and_tells_the_endpoints(receiver, endpoint, job, alice):
    application = make_application(job)
    run_worker()
    candidate_pk = application.candidate_id
    erase_candidate(application.candidate, actor=alice, reason="request")
    assert not Delivery.objects.filter(application_id=application.pk).exists()
    run_worker()
    erased = json.loads(receiver.received[-1][1])
    assert erased["type"] == EventType.CANDIDATE_ERASED
    assert erased["data"] == {"candidate_id": candidate_pk, "application_ids": [application.pk]}


def test_the_log_shows_each_answer_and_a_delivery_can_be_sent_again(
    client, alice, receiver, endpoint, job
):
    receiver.codes = [500]
    make_application(job)
    run_worker()
    delivery = Delivery.objects.get()
    Delivery.objects.filter(pk=delivery.pk).update(status=DeliveryStatus.FAILED)
    client.force_login(alice)
    page = client.get(f"/staff/settings/webhooks/{endpoint.pk}/").content.decode()
    assert "HTTP 500" in page and delivery.message_id in page
    receiver.codes = [200]
    client.post(f"/staff/settings/webhooks/{endpoint.pk}/deliveries/{delivery.pk}/resend/")
    run_worker()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SUCCEEDED and delivery.log.count() == 2


def test_the_endpoint_page_costs_the_same_queries_as_its_log_grows(
    client, alice, endpoint, job, django_assert_num_queries
):
    client.force_login(alice)
    make_application(job)
    fanout.fan_out()
    url = f"/staff/settings/webhooks/{endpoint.pk}/"
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(5):
        make_application(job)
    fanout.fan_out()
    with django_assert_num_queries(len(few)):
        client.get(url)


def test_a_signed_offer_is_told_as_offer_accepted_and_hired(receiver, endpoint, application, rita):
    from rekryt.offers import actions as offer_actions
    from rekryt.offers.tests.helpers import sent, signature

    offer = sent(application, rita)
    run_worker()
    receiver.received.clear()
    offer_actions.accept_offer(offer, signature(offer))
    run_worker()
    types = receiver.types()
    assert types[0] == "offer.accepted" and "application.hired" in types
    accepted = json.loads(receiver.received[0][1])["data"]
    assert accepted["offer"] == offer.pk and accepted["version"] == offer.version
