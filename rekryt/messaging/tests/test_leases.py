"""A killed worker never loses an email; two workers never send the same one."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from rekryt.lib.claims import claim_next
from rekryt.messaging.duties import LEASE, DeliverDueMessages, due_messages
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.tests.helpers import queue_message, reload, work


@pytest.mark.django_db
def test_it_does_not_hand_a_claimed_message_to_a_second_worker(smtp):
    queue_message()

    assert claim_next(due_messages(), LEASE) is not None
    assert claim_next(due_messages(), LEASE) is None
    assert work() == 0
    assert smtp.received == []


@pytest.mark.django_db
def test_it_delivers_the_message_of_a_worker_killed_mid_send(smtp):
    message = queue_message()
    claimed = claim_next(due_messages(), LEASE)  # ... and the worker dies here
    assert claimed is not None

    with time_machine.travel(timezone.now() + LEASE - timedelta(seconds=5)):
        assert work() == 0
    with time_machine.travel(timezone.now() + LEASE + timedelta(seconds=5)):
        assert work() == 1

    assert reload(message).status == MessageStatus.SENT
    assert len(smtp.received) == 1


def _worker(start: threading.Barrier, errors: list[BaseException]) -> None:
    try:
        start.wait()
        work(DeliverDueMessages())
    except BaseException as exc:  # reported by the test
        errors.append(exc)
    finally:
        connection.close()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one worker")
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded")
def test_it_sends_each_message_once_with_two_workers_racing(smtp):
    messages = [queue_message(n) for n in range(20)]
    start = threading.Barrier(2)
    errors: list[BaseException] = []
    threads = [threading.Thread(target=_worker, args=(start, errors)) for _ in range(2)]

    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert smtp.by_message_id() == {m.message_id: 1 for m in messages}
    assert set(Message.objects.values_list("status", "attempts")) == {(MessageStatus.SENT, 1)}
    assert smtp.connections == 2
