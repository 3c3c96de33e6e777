"""A worker killed with SIGKILL mid-batch loses nothing: once the lease ends
its emails are sent again with the same Message-ID, and each one that may
have reached the server already is marked as a possible duplicate."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone

from rekryt.messaging.duties import LEASE, MAYBE_SENT
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.tests.helpers import queue_message, work
from rekryt.messaging.tests.smtpserver import ACCEPT, KILL
from rekryt.messaging.tests.test_leases import database_url


def start_delivery_lane(smtp) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "rekryt.settings",
        "DATABASE_URL": database_url(),
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp.port}",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--only", "delivery"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded")
def test_a_killed_workers_emails_come_back_after_the_lease_marked_as_possible_duplicates(smtp):
    messages = [queue_message(n) for n in range(5)]
    smtp.plan = [ACCEPT, ACCEPT, KILL]  # the third is accepted, then the worker dies
    worker = start_delivery_lane(smtp)
    smtp.kill_pid = worker.pid
    worker.communicate(timeout=60)

    assert worker.returncode == -9
    assert len(smtp.received) == 3
    rows = list(Message.objects.order_by("pk"))
    # Nothing was recorded: every email is still claimed by the dead worker.
    assert {(r.status, r.attempts) for r in rows} == {(MessageStatus.SCHEDULED, 0)}
    assert all(r.claimed_until is not None for r in rows)

    with time_machine.travel(timezone.now() + LEASE - timedelta(seconds=5)):
        assert work() == 0  # still within the lease
    with time_machine.travel(timezone.now() + LEASE + timedelta(seconds=1)):
        assert work() == 5

    rows = list(Message.objects.order_by("pk"))
    assert {r.status for r in rows} == {MessageStatus.SENT}
    assert all(r.possible_duplicate for r in rows)
    # The unknown attempt of the killed worker counts: it may have happened.
    assert {r.attempts for r in rows} == {2}
    assert {r.last_error for r in rows} == {MAYBE_SENT}
    # Resent with the same Message-ID, so a receiver can drop the copy.
    counts = smtp.by_message_id()
    assert set(counts) == {m.message_id for m in messages}
    assert sorted(counts.values()) == [1, 1, 2, 2, 2]


@pytest.mark.django_db
def test_an_email_sent_normally_is_not_marked_as_a_possible_duplicate(smtp):
    message = queue_message()

    work()

    message.refresh_from_db()
    assert (message.status, message.attempts, message.possible_duplicate) == (
        MessageStatus.SENT,
        1,
        False,
    )
