"""When the SMTP server is down, delivery notices once and pauses as a whole:
no email is tried in turn, none gets an error or a later retry time, and
delivery resumes within seconds of the server's return."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from django.db import connection

from rekryt.messaging import breaker
from rekryt.messaging.duties import DeliverDueMessages
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.tests.helpers import queue_message, work
from rekryt.messaging.tests.smtpserver import Handler, free_port, start_server
from rekryt.ops.lanes import LaneLoop

pytestmark = pytest.mark.django_db


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def untouched(messages: list[Message]) -> bool:
    rows = Message.objects.filter(pk__in=[m.pk for m in messages])
    return all(
        (r.status, r.attempts, r.last_error, r.send_after, r.claimed_until)
        == (MessageStatus.SCHEDULED, 0, "", m.send_after, None)
        for r, m in zip(rows.order_by("pk"), sorted(messages, key=lambda m: m.pk), strict=True)
    )


def outage_logs(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == breaker.__name__]


def test_refused_connections_open_the_circuit_once_and_touch_no_email(settings, caplog):
    port = free_port()
    settings.EMAIL_URL = f"smtp://127.0.0.1:{port}"
    messages = [queue_message(n) for n in range(30)]
    duty = DeliverDueMessages()
    clock = FakeClock()
    duty.breaker.clock = clock

    assert work(duty) == 0
    assert duty.breaker.is_open
    # While open, no connection is even tried; probes follow 1, 2, 4, 5, 5 s.
    waits = []
    for _probe in range(5):
        assert work(duty) == 0
        waits.append(duty.breaker.retry_at - clock.now)
        clock.now = duty.breaker.retry_at
        assert work(duty) == 0
    assert waits == [1.0, 2.0, 4.0, 5.0, 5.0]

    assert untouched(messages)
    assert len(outage_logs(caplog)) == 1
    assert "ConnectionRefusedError" in outage_logs(caplog)[0]
    assert str(port) in outage_logs(caplog)[0]


def test_the_circuit_closes_on_recovery_and_every_email_goes_out(settings, caplog):
    port = free_port()
    settings.EMAIL_URL = f"smtp://127.0.0.1:{port}"
    messages = [queue_message(n) for n in range(30)]
    duty = DeliverDueMessages()
    clock = FakeClock()
    duty.breaker.clock = clock
    assert work(duty) == 0

    handler = Handler()
    server = start_server(handler, port)
    try:
        clock.now += 0.5
        assert work(duty) == 0  # the next probe is not due yet
        clock.now += 0.5
        assert work(duty) == 30
    finally:
        server.stop()

    assert not duty.breaker.is_open
    assert handler.by_message_id() == {m.message_id: 1 for m in messages}
    assert set(Message.objects.values_list("status", "attempts")) == {(MessageStatus.SENT, 1)}
    assert "reachable again" in outage_logs(caplog)[-1]


def test_a_server_that_never_greets_opens_the_circuit(settings):
    settings.EMAIL_TIMEOUT = 0.3
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # accepts the connection, never says hello
        settings.EMAIL_URL = f"smtp://127.0.0.1:{silent.getsockname()[1]}"
        message = queue_message()
        duty = DeliverDueMessages()

        assert work(duty) == 0

    assert duty.breaker.is_open
    assert untouched([message])


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded")
def test_the_worker_loop_resumes_within_seconds_of_the_server_coming_back(settings):
    port = free_port()
    settings.EMAIL_URL = f"smtp://127.0.0.1:{port}"
    messages = [queue_message(n) for n in range(10)]
    handler = Handler()
    servers = []

    def recover() -> None:
        time.sleep(2.5)
        servers.append(start_server(handler, port))
        servers.append(time.monotonic())

    threading.Thread(target=recover, daemon=True).start()
    deadline = time.monotonic() + 30

    def stopping() -> bool:
        sent = Message.objects.filter(status=MessageStatus.SENT).count()
        return sent == len(messages) or time.monotonic() > deadline

    try:
        LaneLoop([DeliverDueMessages()], stopping, sleep=0.05).run()
        done = time.monotonic()
    finally:
        connection.close()
        for server in servers[:1]:
            server.stop()

    assert handler.by_message_id() == {m.message_id: 1 for m in messages}
    recovered_at = servers[1]
    # Open since the start: probes at +1, +3, +7 s; the server came back at
    # +2.5 s, so the +7 s probe at the latest finds it (4.5 s after recovery).
    assert done - recovered_at <= breaker.LONGEST + 1
