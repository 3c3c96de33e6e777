"""The funnel of a scope: how many reached each stage, where they left and
why, how long each stage and the whole hire took, and offers — with the
previous period of the same length beside the headline figures.

One job: its own stages. Several jobs: their stages grouped by kind
(screening, interview, …), reaching a kind meaning reaching the job's first
stage of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from rekryt.analytics.models import Kind
from rekryt.analytics.read import (
    KIND_ORDER,
    StageInfo,
    by_kind,
    first_of_kind,
    grouped,
    share,
    stages_of,
)
from rekryt.analytics.scope import Scope
from rekryt.analytics.suppress import Cell, hide_complements
from rekryt.applications.models import ReasonKind, RejectionReason
from rekryt.jobs.models import StageKind, names_in

DAY = 86400


@dataclass
class Headline:
    label: str
    value: Any
    previous: Any
    unit: str = ""

    @property
    def change(self) -> Any:
        if isinstance(self.value, (int, float)) and isinstance(self.previous, (int, float)):
            return round(self.value - self.previous, 1)
        return None


@dataclass
class Step:
    label: str
    reached: int = 0
    left: int = 0
    left_seconds: int = 0
    rejected: int = 0
    withdrawn: int = 0
    conversion: float | None = None
    days: Cell = field(default_factory=lambda: Cell(None, 0))


@dataclass
class Reason:
    label: str
    kind: str
    count: Cell
    share: float | None


@dataclass
class Funnel:
    headlines: list[Headline]
    steps: list[Step]
    reasons: list[Reason]


def average_days(seconds: int, people: int) -> Cell:
    return Cell(round(seconds / people / DAY, 1) if people else None, people)


def _step_keys(scope: Scope, stages: list[StageInfo]) -> tuple[dict[Any, Any], dict[Any, Any]]:
    """Stage id → its row (for leaving and outcomes) and → the row its
    reaching counts for (only a kind's first stage, for several jobs)."""
    if scope.job is not None:
        own = {s.pk: s.pk for s in stages}
        return own, own
    if scope.everything:  # the summary's rows are by stage kind already
        kinds = {kind: kind for kind in KIND_ORDER}
        return kinds, kinds
    return {s.pk: s.kind for s in stages}, first_of_kind(stages)


def _labels(scope: Scope, stages: list[StageInfo]) -> dict[Any, str]:
    if scope.job is not None:
        language = get_language() or "sv"
        return {s.pk: names_in(s.name_sv, s.name_en, language) for s in stages}
    return {value: str(label) for value, label in StageKind.choices}


def steps_of(scope: Scope, rows: list[dict[str, Any]], stages: list[StageInfo]) -> list[Step]:
    row_of, reach_of = _step_keys(scope, stages)
    labels = _labels(scope, stages)
    order = [s.pk for s in stages] if scope.job is not None else KIND_ORDER
    steps = {key: Step(labels.get(key, "?")) for key in order}
    for row in rows:
        kind, stage, total, secs = row["kind"], row["stage"], row["total"] or 0, row["secs"] or 0
        if kind == Kind.REACHED and stage in reach_of:
            steps[reach_of[stage]].reached += total
        elif stage in row_of and kind == Kind.LEFT:
            steps[row_of[stage]].left += total
            steps[row_of[stage]].left_seconds += secs
        elif stage in row_of and kind == Kind.REJECTED:
            steps[row_of[stage]].rejected += total
        elif stage in row_of and kind == Kind.WITHDRAWN:
            steps[row_of[stage]].withdrawn += total
    shown = [s for s in steps.values() if scope.job is not None or s.reached or s.left]
    before = None
    for step in shown:
        step.conversion = share(step.reached, before.reached) if before else None
        step.days = average_days(step.left_seconds, step.left)
        before = step
    return shown


def reasons_of(rows: list[dict[str, Any]], names: dict[int, tuple[str, str]]) -> list[Reason]:
    counts: dict[int, int] = {}
    for row in rows:
        if row["kind"] in (Kind.REJECTED, Kind.WITHDRAWN):
            counts[row["reason"]] = counts.get(row["reason"], 0) + (row["total"] or 0)
    ended = sum(counts.values())
    kinds = dict(ReasonKind.choices)
    found = [
        Reason(
            names.get(pk, (_("No reason given"), ""))[0],
            str(kinds.get(names.get(pk, ("", ""))[1], "")),
            Cell(n, n),
            share(n, ended),
        )
        for pk, n in sorted(counts.items(), key=lambda item: -item[1])
        if n
    ]
    hide_complements([r.count for r in found])
    for reason in found:
        if reason.count.hidden:
            reason.share = None
    return found


def headlines(now: dict[str, list[int]], before: dict[str, list[int]]) -> list[Headline]:
    def n(sums: dict[str, list[int]], kind: str) -> int:
        return sums.get(kind, [0, 0])[0]

    def hire_days(sums: dict[str, list[int]]) -> Cell:
        return average_days(sums.get(Kind.HIRED, [0, 0])[1], n(sums, Kind.HIRED))

    def accepted(sums: dict[str, list[int]]) -> Any:
        rate = share(n(sums, Kind.OFFER_ACCEPTED), n(sums, Kind.OFFER_SENT))
        return None if rate is None else round(100 * rate, 1)

    rows: list[Headline] = []
    for label, kind in [
        (_("Applications"), Kind.APPLIED),
        (_("Hired"), Kind.HIRED),
        (_("Rejected"), Kind.REJECTED),
        (_("Withdrew"), Kind.WITHDRAWN),
        (_("Offers made"), Kind.OFFER_SENT),
        (_("Offers accepted"), Kind.OFFER_ACCEPTED),
        (_("Offers declined"), Kind.OFFER_DECLINED),
    ]:
        rows.append(Headline(label, n(now, kind), n(before, kind)))
    rows.append(Headline(_("Offers accepted (%)"), accepted(now), accepted(before), "%"))
    hire_now, hire_before = hire_days(now), hire_days(before)
    rows.append(Headline(_("Average days to hire"), hire_now, hire_before))
    return rows


def funnel(scope: Scope) -> Funnel:
    """Four queries: this period's and the previous one's counters, the
    stages, the reasons."""
    rows = grouped(scope, scope.since, scope.until, ("kind", "stage", "reason"))
    before = grouped(scope, *scope.previous, ("kind",))
    stages = [] if scope.everything else stages_of(scope)
    language = get_language() or "sv"
    names = {r.pk: (r.name_in(language[:2]), r.kind) for r in RejectionReason.objects.all()}
    return Funnel(
        headlines(by_kind(rows), by_kind(before)),
        steps_of(scope, rows, stages),
        reasons_of(rows, names),
    )
