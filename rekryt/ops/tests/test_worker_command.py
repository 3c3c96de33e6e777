"""`manage.py worker`: delivers what is due, stops on SIGTERM, never spins."""

from __future__ import annotations

import signal
import time
from io import StringIO

import pytest
from django.core.management import call_command

from conftest import make_application
from rekryt.messaging.duties import BATCH, DeliverDueMessages
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.tests.smtpserver import SIGTERM
from rekryt.ops.duties import Duty, load_duties
from rekryt.ops.lanes import MAX_BACKOFF, LaneLoop
from rekryt.ops.management.commands import worker


@pytest.fixture
def restore_signals():
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def test_it_loads_the_delivery_duty(db):
    assert any(isinstance(duty, DeliverDueMessages) for duty in load_duties())


@pytest.mark.django_db
def test_it_delivers_an_application_confirmation_with_once(smtp, job):
    application = make_application(job)
    out = StringIO()

    call_command("worker", "--once", stdout=out)

    message = application.messages.get()
    assert message.status == MessageStatus.SENT
    assert [m["Message-ID"] for m in smtp.received] == [message.message_id]
    assert "1 units of work done" in out.getvalue()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded", "restore_signals")
def test_it_stops_after_the_emails_in_flight_on_sigterm(smtp, job):
    # The SMTP server sends SIGTERM to this process while the first email is
    # in flight: what was in flight completes and is recorded, the rest of
    # the batch is released for the next worker.
    smtp.plan = [SIGTERM]
    messages = [make_application(job).messages.get() for _n in range(BATCH)]
    out = StringIO()

    call_command("worker", "--only", "delivery", "--idle-sleep", "0.1", stdout=out)

    assert "worker: stopped" in out.getvalue()
    rows = Message.objects.filter(pk__in=[m.pk for m in messages])
    sent = rows.filter(status=MessageStatus.SENT)
    # The first, and what the sending thread reached before the main thread
    # ran the signal handler (a few; more on a loaded machine), never the batch.
    assert 1 <= sent.count() <= BATCH // 2
    assert sent.count() == len(smtp.received)
    waiting = rows.filter(status=MessageStatus.SCHEDULED)
    assert waiting.count() == BATCH - sent.count()
    assert not waiting.filter(claimed_until__isnull=False).exists()
    assert set(waiting.values_list("attempts", flat=True)) == {0}


class Broken(Duty):
    name = "broken"

    def __init__(self) -> None:
        self.calls = 0
        self.closed = 0

    def handle_one(self) -> bool:
        self.calls += 1
        raise RuntimeError("a bug")

    def close(self) -> None:
        self.closed += 1


def test_it_pauses_a_failing_duty_instead_of_crashing_or_spinning(db):
    duty = Broken()
    loop = LaneLoop([duty], lambda: False, sleep=0.1)

    assert loop.turn(duty) is False
    assert loop.turn(duty) is False

    assert duty.calls == 1
    assert duty.closed == 1
    assert loop.paused_until[duty.name] >= time.monotonic() + MAX_BACKOFF - 5


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded", "restore_signals")
def test_a_failing_duty_does_not_stop_the_others_in_the_same_loop(smtp, job, monkeypatch):
    # SIGTERM arrives with the email: the loop ran delivery after the broken duty.
    smtp.plan = [SIGTERM]
    broken = Broken()
    monkeypatch.setattr(worker, "load_duties", lambda lanes: [broken, DeliverDueMessages()])
    message = make_application(job).messages.get()

    call_command("worker", "--only", "delivery", "--idle-sleep", "0.1", stdout=StringIO())

    assert broken.calls == 1  # paused after its failure, not called again
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
