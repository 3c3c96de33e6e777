"""A bulk rejection another worker holds, or one in which a rejection
raises, never holds up the work behind it; what failed is tried again
later, and a bounded number of times."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from conftest import make_application
from rekryt.applications import rejections
from rekryt.applications.duties import LEASE, ProcessBulkRejections
from rekryt.applications.models import Application, BulkRejection, Outcome, RejectionReason
from rekryt.applications.rejections import BULK_TRIES, CHUNK, start_bulk_rejection

pytestmark = pytest.mark.django_db


@pytest.fixture
def reason(db):
    return RejectionReason.objects.get(name_en="Other candidates matched the requirements better")


def run() -> int:
    duty = ProcessBulkRejections()
    done = 0
    while duty.handle_one():
        done += 1
    return done


@pytest.fixture(autouse=True)
def small_limit(monkeypatch):
    """Six applications are "large" here, so the worker takes them: fewer rows."""
    monkeypatch.setattr(rejections, "INLINE_LIMIT", 5)


def large_bulk(job, reason, rita) -> tuple[BulkRejection, list]:
    chosen = [make_application(job) for _ in range(6)]
    bulk = start_bulk_rejection(job, [a.pk for a in chosen], reason, rita)
    assert bulk.done == 0  # left to the worker
    return bulk, chosen


def active(applications) -> int:
    pks = [a.pk for a in applications]
    return Application.objects.filter(pk__in=pks, outcome=Outcome.ACTIVE).count()


def test_a_bulk_claimed_by_another_worker_does_not_hold_up_the_next(job, reason, rita):
    held, held_apps = large_bulk(job, reason, rita)
    later, later_apps = large_bulk(job, reason, rita)
    until = timezone.now() + LEASE
    BulkRejection.objects.filter(pk=held.pk).update(claimed_until=until)

    run()

    later.refresh_from_db()
    assert later.is_finished and later.rejected == len(later_apps)
    assert active(held_apps) == len(held_apps)
    with time_machine.travel(until + timedelta(seconds=1), tick=False):
        run()
    held.refresh_from_db()
    assert held.is_finished and active(held_apps) == 0


@pytest.fixture
def fails_for(monkeypatch):
    """reject_application raises for the application ids put in the set."""
    broken: set[int] = set()
    real = rejections.reject_application

    def reject(application, *args, **kwargs):
        if application.pk in broken:
            raise RuntimeError("template error")
        return real(application, *args, **kwargs)

    monkeypatch.setattr(rejections, "reject_application", reject)
    return broken


def test_an_application_whose_rejection_raises_does_not_stop_the_ones_behind_it(
    job, reason, rita, fails_for
):
    bulk, chosen = large_bulk(job, reason, rita)
    fails_for.add(chosen[0].pk)

    assert ProcessBulkRejections().handle_one() is True  # nothing escapes

    bulk.refresh_from_db()
    assert bulk.done == len(chosen)  # one chunk
    assert bulk.rejected == len(chosen) - 1  # the others in its chunk went ahead
    assert bulk.application_ids[-1] == chosen[0].pk  # it waits at the back
    assert bulk.total == len(chosen) + 1
    # The bulk waits a lease before its next chunk: no tight loop.
    assert bulk.claimed_until is not None and bulk.claimed_until > timezone.now()
    assert ProcessBulkRejections().handle_one() is False


def test_a_failing_application_is_retried_at_the_end_and_rejected_once_it_works(
    job, reason, rita, fails_for
):
    bulk, chosen = large_bulk(job, reason, rita)
    fails_for.add(chosen[0].pk)
    run()
    fails_for.clear()

    with time_machine.travel(timezone.now() + LEASE + timedelta(seconds=1), tick=False):
        run()

    bulk.refresh_from_db()
    assert bulk.is_finished
    assert bulk.rejected == len(chosen)
    assert active(chosen) == 0


def test_an_application_that_keeps_failing_is_given_up_after_a_few_tries(
    job, reason, rita, fails_for
):
    bulk, chosen = large_bulk(job, reason, rita)
    fails_for.add(chosen[-1].pk)
    moment = timezone.now()

    for n in range(BULK_TRIES + 2):
        with time_machine.travel(moment + n * (LEASE + timedelta(seconds=1)), tick=False):
            run()

    bulk.refresh_from_db()
    assert bulk.is_finished
    assert bulk.application_ids.count(chosen[-1].pk) == BULK_TRIES
    assert bulk.rejected == len(chosen) - 1
    outcome = Application.objects.get(pk=chosen[-1].pk).outcome
    assert outcome == Outcome.ACTIVE  # left on the board for a person to see


def test_a_bulk_that_raises_waits_its_lease_while_the_next_bulk_goes(
    job, reason, rita, monkeypatch
):
    broken, broken_apps = large_bulk(job, reason, rita)
    later, _ = large_bulk(job, reason, rita)
    real = rejections.reject_chunk

    def chunk(bulk, size=CHUNK):
        if bulk.pk == broken.pk:
            raise RuntimeError("database hiccup")
        return real(bulk, size)

    monkeypatch.setattr("rekryt.applications.duties.reject_chunk", chunk)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        run()
    later.refresh_from_db()
    assert later.is_finished
    broken.refresh_from_db()
    assert broken.done == 0
    assert broken.claimed_until == start + LEASE

    monkeypatch.setattr("rekryt.applications.duties.reject_chunk", real)
    with time_machine.travel(start + LEASE, tick=False):
        assert run() == 0  # held until the lease has passed
    with time_machine.travel(start + LEASE + timedelta(seconds=1), tick=False):
        run()
    broken.refresh_from_db()
    assert broken.is_finished and active(broken_apps) == 0
