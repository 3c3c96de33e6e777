"""The roll-ups agree with a full recount of the Event log and with the
applications themselves, whatever the batch size."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from conftest import make_application
from rekryt.analytics import rollup
from rekryt.analytics.duties import RollUp
from rekryt.analytics.models import Figure, Kind
from rekryt.analytics.tests.helpers import deliver_and_roll_up, random_history
from rekryt.applications.actions import move_to_stage
from rekryt.applications.models import Application, Outcome
from rekryt.jobs.models import stages_for
from rekryt.ops.duties import run_until_idle


def total(kind: str, **filters: Any) -> int:
    return sum(Figure.objects.filter(kind=kind, **filters).values_list("n", flat=True))


@pytest.mark.parametrize("batch", [3, 5000])
def test_roll_ups_equal_a_full_recount_on_random_data(
    job: Any, other_job: Any, rita: Any, monkeypatch: Any, batch: int
) -> None:
    monkeypatch.setattr(rollup, "BATCH", batch)
    random_history([job, other_job], 30, seed=batch, actor=rita)
    deliver_and_roll_up()
    # More history after a first catch-up: the state carried between batches
    # must give what one pass over everything gives.
    random_history([job, other_job], 15, seed=batch + 1, actor=rita)
    deliver_and_roll_up(days=4)

    assert rollup.stored() == rollup.recount()
    assert rollup.stored_summary() == rollup.summary_of_stored()
    applications = Application.objects.all()
    assert total(Kind.APPLIED) == applications.count() == 45
    for outcome, kind in [("hired", Kind.HIRED), ("rejected", Kind.REJECTED)]:
        assert total(kind) == applications.filter(outcome=outcome).count()
    assert total(Kind.RECEIPT) == applications.count()  # every one got its receipt


def test_the_funnel_never_goes_up_and_counts_a_skipped_stage_as_passed(job: Any, rita: Any) -> None:
    stages = list(stages_for(job))
    application = make_application(job)
    move_to_stage(application, stages[3], rita)
    move_to_stage(application, stages[1], rita)
    move_to_stage(application, stages[3], rita)
    deliver_and_roll_up(days=0)
    reached = dict(
        Figure.objects.filter(kind=Kind.REACHED).values_list("stage", "n").order_by("stage")
    )
    assert reached == {stages[0].pk: 1, stages[1].pk: 1, stages[2].pk: 1, stages[3].pk: 1}
    left = Figure.objects.filter(kind=Kind.LEFT).values_list("n", flat=True)
    assert sum(left) == 3


def test_a_reopened_application_no_longer_counts_as_rejected(application: Any, rita: Any) -> None:
    from rekryt.applications.actions import reopen, set_outcome
    from rekryt.applications.models import RejectionReason

    set_outcome(application, Outcome.REJECTED, rita, RejectionReason.objects.first())
    deliver_and_roll_up(days=0)
    assert total(Kind.REJECTED) == 1
    with time_machine.travel(timezone.now() + timedelta(minutes=20)):
        reopen(application, rita)
    deliver_and_roll_up(days=1)
    assert total(Kind.REJECTED) == 0
    assert rollup.stored() == rollup.recount()


def test_events_younger_than_the_settling_time_wait(application: Any) -> None:
    assert run_until_idle([RollUp()]) == 0
    assert total(Kind.APPLIED) == 0
    with time_machine.travel(timezone.now() + rollup.SETTLE + timedelta(seconds=1)):
        assert run_until_idle([RollUp()]) >= 1
    assert total(Kind.APPLIED) == 1


def test_a_rebuild_gives_the_same_counters(job: Any, rita: Any) -> None:
    random_history([job], 10, seed=7, actor=rita)
    deliver_and_roll_up(days=0)
    before = rollup.stored()
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        rollup.rebuild()
    assert rollup.stored() == before
