"""A real SMTP server that says no, or nothing at all: what happens to the row."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from conftest import make_application
from rekryt.applications.models import Event, EventKind
from rekryt.messaging import hooks
from rekryt.messaging.duties import retry_delay
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.tests.helpers import queue_message, reload, work
from rekryt.messaging.tests.smtpserver import DROP, PERMANENT, TEMPORARY, free_port

pytestmark = pytest.mark.django_db


def test_it_retries_a_451_later_and_then_delivers(smtp):
    smtp.plan = [TEMPORARY]
    message = queue_message()
    before = timezone.now()

    work()

    message = reload(message)
    assert message.status == MessageStatus.SCHEDULED
    assert message.attempts == 1
    assert message.last_error == "451 Try again later"
    assert message.claimed_until is None
    assert (
        before + timedelta(minutes=1) <= message.send_after <= timezone.now() + timedelta(minutes=1)
    )
    assert work() == 0  # not due again yet
    assert smtp.received == []

    with time_machine.travel(message.send_after + timedelta(seconds=1)):
        assert work() == 1

    message = reload(message)
    assert message.status == MessageStatus.SENT
    assert message.attempts == 2
    assert message.last_error == ""
    assert len(smtp.received) == 1


def test_it_doubles_the_wait_between_tries_up_to_an_hour():
    waits = [retry_delay(n) for n in range(1, 10)]

    assert waits[:4] == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert waits[-1] == timedelta(hours=1)
    assert retry_delay(500) == timedelta(hours=1)


def test_it_fails_a_message_still_refused_when_the_retry_window_ends(smtp, job):
    smtp.default = TEMPORARY
    application = make_application(job)
    message = application.messages.get()
    Message.objects.filter(pk=message.pk).update(
        give_up_at=message.send_after + timedelta(minutes=10)
    )
    tries = []

    for _ in range(10):
        message = reload(message)
        if message.status != MessageStatus.SCHEDULED:
            break
        tries.append(message.send_after)
        with time_machine.travel(message.send_after + timedelta(seconds=1), tick=False):
            work()

    message = reload(message)
    assert message.status == MessageStatus.FAILED
    assert message.attempts == 5
    # 1, 2 and 4 minutes apart, then one last try when the window ends.
    gaps = [round((b - a).total_seconds() / 60) for a, b in itertools.pairwise(tries)]
    assert gaps == [1, 2, 4, 3]
    assert message.last_error == "451 Try again later"
    assert Event.objects.filter(application=application, kind=EventKind.MESSAGE_FAILED).count() == 1


def test_it_fails_a_550_at_once_and_shows_it_on_the_timeline(smtp, job):
    smtp.plan = [PERMANENT]
    application = make_application(job)
    message = application.messages.get()

    work()

    message = reload(message)
    assert message.status == MessageStatus.FAILED
    assert message.attempts == 1
    assert message.last_error == "550 No such user"
    event = Event.objects.get(application=application, kind=EventKind.MESSAGE_FAILED)
    assert event.data["message"] == message.pk
    assert event.data["error"] == "550 No such user"
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        assert work() == 0
    assert smtp.received == []


def test_it_retries_when_the_server_drops_the_connection_mid_send(smtp):
    smtp.plan = [DROP]
    message = queue_message()

    work()

    message = reload(message)
    assert message.status == MessageStatus.SCHEDULED
    assert message.attempts == 1
    assert "SMTPServerDisconnected" in message.last_error
    with time_machine.travel(message.send_after + timedelta(seconds=1)):
        work()
    assert reload(message).status == MessageStatus.SENT
    assert len(smtp.received) == 1


def test_it_reconnects_for_the_next_message_after_a_dropped_connection(smtp):
    smtp.plan = [DROP]
    first = queue_message(1)
    second = queue_message(2)

    assert work() == 2

    assert reload(first).status == MessageStatus.SCHEDULED
    assert reload(second).status == MessageStatus.SENT
    assert smtp.connections == 2


def test_it_keeps_the_connection_after_a_refused_recipient(smtp):
    smtp.plan = [PERMANENT, TEMPORARY]
    for n in range(3):
        queue_message(n)

    work()

    assert smtp.connections == 1
    assert len(smtp.received) == 1


def test_it_fails_an_address_that_cannot_be_encoded_without_retrying(smtp):
    message = queue_message(to_email="ärlig@exempel.se")

    work()

    message = reload(message)
    assert message.status == MessageStatus.FAILED
    assert message.last_error.startswith("Cannot build the email")
    assert smtp.connections == 0


def test_it_keeps_a_sent_status_when_a_status_hook_fails(smtp, monkeypatch, job):
    def broken_hook(message):
        raise RuntimeError("timeline unavailable")

    monkeypatch.setattr(hooks, "_status_hooks", [broken_hook])
    message = make_application(job).messages.get()

    work()

    assert reload(message).status == MessageStatus.SENT
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        assert work() == 0
    assert len(smtp.received) == 1


@pytest.mark.parametrize(("earlier", "wait"), [(5, 32), (6, 60), (40, 60)])
def test_the_wait_after_a_temporary_failure_grows_to_an_hour_and_no_further(smtp, earlier, wait):
    # The 6th failure waits 32 minutes; the 7th would wait 64 and is capped.
    smtp.plan = [TEMPORARY]
    message = queue_message()
    Message.objects.filter(pk=message.pk).update(attempts=earlier)
    start = timezone.now()

    with time_machine.travel(start, tick=False):
        work()

    message = reload(message)
    assert message.attempts == earlier + 1
    assert message.send_after == start + timedelta(minutes=wait)


def test_each_smtp_transaction_counts_as_one_attempt_and_an_outage_as_none(smtp, settings):
    smtp.plan = [TEMPORARY, TEMPORARY]
    message = queue_message()

    work()
    assert reload(message).attempts == 1
    with time_machine.travel(reload(message).send_after + timedelta(seconds=1)):
        work()
    assert reload(message).attempts == 2
    # The server is unreachable at the next try: no transaction, no attempt.
    settings.EMAIL_URL = f"smtp://127.0.0.1:{free_port()}"
    with time_machine.travel(reload(message).send_after + timedelta(seconds=1)):
        work()
    assert (reload(message).attempts, reload(message).status) == (2, MessageStatus.SCHEDULED)
    settings.EMAIL_URL = f"smtp://127.0.0.1:{smtp.port}"
    with time_machine.travel(reload(message).send_after + timedelta(seconds=1)):
        work()

    message = reload(message)
    assert (message.status, message.attempts) == (MessageStatus.SENT, 3)
    assert len(smtp.received) == 1
