"""An erased candidate leaves no day and no rare source behind in the
roll-ups, and every total stays what it was."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import time_machine
from django.db.models import Sum
from django.utils import timezone

from conftest import make_application
from rekryt.analytics import rollup
from rekryt.analytics.models import Figure, Kind, Summary
from rekryt.analytics.tests.helpers import deliver_and_roll_up
from rekryt.applications.actions import move_to_stage, set_outcome
from rekryt.applications.models import Outcome, ReasonKind, RejectionReason
from rekryt.jobs.models import stages_for
from rekryt.privacy.erasure import erase_candidate


def totals() -> dict[str, int]:
    rows = Figure.objects.values("kind").annotate(n=Sum("n")).order_by("kind")
    return {row["kind"]: row["n"] for row in rows}


def test_an_erased_candidate_disappears_from_their_rare_source_but_totals_stay(
    job: Any, rita: Any
) -> None:
    others = [make_application(job, source="linkedin") for _ in range(3)]
    erased = make_application(job, source="annas-tips")
    stages = list(stages_for(job))
    for application in [*others, erased]:
        move_to_stage(application, stages[1], rita)
    withdrew = RejectionReason.objects.filter(kind=ReasonKind.WITHDREW).first()
    set_outcome(erased, Outcome.WITHDRAWN, rita, withdrew)
    deliver_and_roll_up(days=0)
    before = totals()
    assert Figure.objects.filter(source="annas-tips").exclude(n=0).exists()

    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        erase_candidate(erased.candidate, reason="request", actor=rita)
    deliver_and_roll_up(days=0)

    assert totals() == before
    live = Figure.objects.filter(erased=False)
    assert not live.filter(source="annas-tips").exclude(n=0).exists()
    assert sum(live.filter(kind=Kind.WITHDRAWN).values_list("n", flat=True)) == 0
    moved = Figure.objects.filter(erased=True, kind=Kind.WITHDRAWN).get()
    # "Other" for its one-of-a-kind tag, as the anonymised application keeps it.
    assert moved.month == timezone.localdate(erased.created_at).replace(day=1)
    assert moved.source == "other" and moved.n == 1
    assert rollup.stored() == rollup.recount()
    assert rollup.stored_summary() == rollup.summary_of_stored()
    summary = Summary.objects.values("kind").annotate(n=Sum("n")).order_by("kind")
    assert {row["kind"]: row["n"] for row in summary} == before


def test_erasing_before_the_roll_up_read_the_events_still_keeps_the_totals(
    job: Any, rita: Any
) -> None:
    erased = make_application(job, source="linkedin")
    kept = make_application(job, source="linkedin")
    set_outcome(erased, Outcome.HIRED, rita)
    erase_candidate(erased.candidate, reason="request", actor=rita)
    deliver_and_roll_up(days=0)
    assert totals()[Kind.APPLIED] == 2
    assert totals()[Kind.HIRED] == 1
    assert Figure.objects.get(kind=Kind.HIRED).erased
    assert kept.pk
