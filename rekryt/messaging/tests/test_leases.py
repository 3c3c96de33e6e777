"""A killed worker never loses an email; two workers never send the same one."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.utils import timezone

from rekryt.lib.claims import claim_next
from rekryt.messaging.duties import BATCH, LEASE, DeliverDueMessages, due_messages
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


def assert_each_sent_once(smtp, messages: list[Message]) -> None:
    assert smtp.by_message_id() == {m.message_id: 1 for m in messages}
    assert set(Message.objects.values_list("status", "attempts")) == {(MessageStatus.SENT, 1)}
    # Each worker opened its own connection and sent while the other did.
    assert smtp.connections == 2


# On SQLite too: a claim is one IMMEDIATE transaction (BEGIN IMMEDIATE takes
# the write lock, so the read and the compare-and-set UPDATE cannot
# interleave with another worker's), and the UPDATE alone already lets only
# one worker win. SQLite serialises the claims; the sending overlaps.
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded")
def test_it_sends_each_message_once_with_two_worker_threads_racing(smtp):
    smtp.rendezvous = 2  # neither finishes its first email before the other starts
    messages = [queue_message(n) for n in range(3 * BATCH)]
    start = threading.Barrier(2)
    errors: list[BaseException] = []
    threads = [threading.Thread(target=_worker, args=(start, errors)) for _ in range(2)]

    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert_each_sent_once(smtp, messages)


def database_url() -> str:
    """The test database, for a separate process."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker_process(smtp) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "rekryt.settings",
        "DATABASE_URL": database_url(),
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp.port}",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--once"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded")
def test_it_sends_each_message_once_with_two_worker_processes_racing(smtp):
    smtp.rendezvous = 2
    messages = [queue_message(n) for n in range(3 * BATCH)]

    workers = [start_worker_process(smtp) for _ in range(2)]
    outputs = [worker.communicate(timeout=120) for worker in workers]

    assert [worker.returncode for worker in workers] == [0, 0], outputs
    done = [int(out.split("worker: ")[1].split()[0]) for out, _err in outputs]
    assert sum(done) >= len(messages) and min(done) > 0
    assert_each_sent_once(smtp, messages)
