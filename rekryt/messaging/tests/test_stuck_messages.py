"""A message another worker holds, or one whose sending raises, never holds
up the due messages behind it; the failing one is tried again later with
backoff, not in a tight loop."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from rekryt.messaging import hooks
from rekryt.messaging.duties import LEASE
from rekryt.messaging.models import Message, MessageStatus, TemplateKind
from rekryt.messaging.tests.helpers import queue_message, reload, work

pytestmark = pytest.mark.django_db


def queue_in_order(count: int) -> list[Message]:
    """Messages due one minute apart, oldest first (the order they are sent)."""
    now = timezone.now()
    return [queue_message(n, send_after=now - timedelta(minutes=count - n)) for n in range(count)]


def test_a_message_claimed_by_another_worker_does_not_hold_up_the_rest(smtp):
    held, *rest = queue_in_order(3)
    until = timezone.now() + timedelta(minutes=1)
    Message.objects.filter(pk=held.pk).update(claimed_until=until)

    assert work() == 2

    assert [m["Message-ID"] for m in smtp.received] == [m.message_id for m in rest]
    assert reload(held).status == MessageStatus.SCHEDULED
    assert reload(held).claimed_until == until
    with time_machine.travel(until - timedelta(seconds=1), tick=False):
        assert work() == 0
    with time_machine.travel(until + timedelta(seconds=1), tick=False):
        assert work() == 1
    assert reload(held).status == MessageStatus.SENT


@pytest.fixture
def broken_check(monkeypatch):
    """A pre-send check that raises for the messages named in `broken`."""
    broken: set[int] = set()

    def check(message: Message) -> bool:
        if message.pk in broken:
            raise RuntimeError("the check has a bug")
        return True

    monkeypatch.setattr(hooks, "_checks", {TemplateKind.APPLICATION_RECEIVED: [check]})
    return broken


def test_a_message_whose_sending_raises_lets_the_ones_behind_it_go(smtp, broken_check):
    failing, *rest = queue_in_order(3)
    broken_check.add(failing.pk)
    before = timezone.now()

    assert work() == 3  # the failing one counts as handled: no exception escapes

    assert [m["Message-ID"] for m in smtp.received] == [m.message_id for m in rest]
    failing = reload(failing)
    assert failing.status == MessageStatus.SCHEDULED
    assert failing.attempts == 1
    assert failing.last_error == "RuntimeError: the check has a bug"
    assert failing.claimed_until is None
    # Backed off like a temporary SMTP failure: a minute, not at once.
    assert (
        before + timedelta(minutes=1) <= failing.send_after <= timezone.now() + timedelta(minutes=1)
    )
    assert work() == 0


def test_a_failing_message_is_retried_after_its_backoff_and_sent_once_fixed(smtp, broken_check):
    failing = queue_message()
    broken_check.add(failing.pk)
    work()
    retry_at = reload(failing).send_after

    with time_machine.travel(retry_at - timedelta(seconds=1), tick=False):
        assert work() == 0
    with time_machine.travel(retry_at + timedelta(seconds=1), tick=False):
        assert work() == 1  # still broken: second attempt, longer wait
    second = reload(failing)
    assert second.attempts == 2
    assert second.send_after - (retry_at + timedelta(seconds=1)) == timedelta(minutes=2)

    broken_check.clear()
    with time_machine.travel(second.send_after + timedelta(seconds=1), tick=False):
        assert work() == 1
    assert reload(failing).status == MessageStatus.SENT
    assert [m["Message-ID"] for m in smtp.received] == [failing.message_id]


def test_a_message_that_keeps_raising_fails_when_its_retry_window_ends(smtp, broken_check):
    failing = queue_message()
    broken_check.add(failing.pk)
    give_up_at = failing.give_up_at
    Message.objects.filter(pk=failing.pk).update(send_after=give_up_at - timedelta(seconds=1))

    with time_machine.travel(give_up_at - timedelta(seconds=1), tick=False):
        work()
    assert reload(failing).status == MessageStatus.SCHEDULED
    assert reload(failing).send_after == give_up_at  # the last try is at the end of the window

    with time_machine.travel(give_up_at, tick=False):
        work()
    assert reload(failing).status == MessageStatus.FAILED
    assert smtp.received == []


def test_a_killed_workers_claim_runs_out_exactly_at_its_lease(smtp):
    message = queue_message()
    start = timezone.now()
    Message.objects.filter(pk=message.pk).update(claimed_until=start + LEASE)

    with time_machine.travel(start + LEASE, tick=False):
        assert work() == 0  # still held at the very moment it ends
    with time_machine.travel(start + LEASE + timedelta(microseconds=1), tick=False):
        assert work() == 1
