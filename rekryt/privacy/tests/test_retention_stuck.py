"""The daily retention run: a run another worker holds is taken over once
its lease ends, and an item whose rule raises never stops the items behind
it; it is tried again by the next day's run, not over and over."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from conftest import make_application
from rekryt.applications.actions import set_outcome
from rekryt.applications.models import AnonymisedApplication, Application, Outcome, RejectionReason
from rekryt.lib.months import add_months
from rekryt.ops.duties import run_until_idle
from rekryt.privacy.duties import ApplyRetention
from rekryt.privacy.models import RetentionRun
from rekryt.privacy.retention import LEASE, all_rules

pytestmark = pytest.mark.django_db(transaction=True)

DECIDED = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
DUE = add_months(DECIDED, 24) + timedelta(days=8)


@pytest.fixture
def two_rejected(seeded, job):
    """Two applications rejected the same day, both due for anonymising at DUE."""
    reason = RejectionReason.objects.filter(kind="declined").first()
    with time_machine.travel(DECIDED, tick=False):
        pair = [make_application(job), make_application(job)]
        for application in pair:
            assert set_outcome(application, Outcome.REJECTED, None, reason)
    return pair


def exists(application: Application) -> bool:
    return Application.objects.filter(pk=application.pk).exists()


def test_a_run_held_by_another_worker_is_taken_over_when_its_lease_ends(two_rejected):
    with time_machine.travel(DUE, tick=False):
        run = RetentionRun.objects.create(day=DUE.date(), claimed_until=DUE + LEASE)
        duty = ApplyRetention()
        assert duty.handle_one() is False  # the other worker is on it
    assert all(exists(a) for a in two_rejected)

    with time_machine.travel(DUE + LEASE + timedelta(seconds=1), tick=False):
        run_until_idle([duty])  # it died: the same duty takes the day over
    run.refresh_from_db()
    assert run.finished_at is not None
    assert not any(exists(a) for a in two_rejected)


def test_an_item_whose_rule_raises_does_not_stop_the_ones_behind_it(two_rejected, monkeypatch):
    failing, other = two_rejected
    rule = next(r for r in all_rules() if r.name == "anonymise_applications")
    real = type(rule).apply
    tries: list[int] = []

    def apply(self, item):
        tries.append(item.pk)
        if item.pk == failing.pk:
            raise RuntimeError("disk full")
        return real(self, item)

    monkeypatch.setattr(type(rule), "apply", apply)

    with time_machine.travel(DUE, tick=False):
        run_until_idle()
        run_until_idle()  # again the same day: the failed item is not retried
    assert exists(failing) and not exists(other)
    assert tries == [failing.pk, other.pk]
    run = RetentionRun.objects.get()
    assert run.finished_at is not None
    assert ["anonymise_applications", "applications.application", failing.pk, "failed"] in run.log

    monkeypatch.setattr(type(rule), "apply", real)
    with time_machine.travel(DUE + timedelta(days=1), tick=False):
        run_until_idle()  # the next day's run tries it again
    assert not exists(failing)
    assert AnonymisedApplication.objects.count() == 2
