"""Reading the roll-ups for a scope: grouped sums over `Figure` (or `Summary`
for every job), one query each, whatever the number of applications behind them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Sum

from rekryt.analytics.models import Figure, Summary
from rekryt.analytics.scope import Scope
from rekryt.jobs.models import Stage, StageKind


def grouped(scope: Scope, since: date, until: date, by: tuple[str, ...]) -> list[dict[str, Any]]:
    """Sums grouped `by` over the scope's months. For every job this reads
    the all-jobs summary, where `stage` is a stage kind, not an id."""
    if scope.everything:
        rows: Any = Summary.objects.filter(month__gte=since, month__lte=until)
    else:
        rows = scope.of_jobs(Figure.objects.filter(month__gte=since, month__lte=until))
    if scope.source is not None:
        rows = rows.filter(source=scope.source)
    return list(rows.order_by().values(*by).annotate(total=Sum("n"), secs=Sum("seconds")))


def by_kind(rows: list[dict[str, Any]]) -> dict[str, list[int]]:
    """Counts and seconds per kind, whatever else the rows are split by."""
    found: dict[str, list[int]] = {}
    for row in rows:
        sums = found.setdefault(row["kind"], [0, 0])
        sums[0] += row["total"] or 0
        sums[1] += row["secs"] or 0
    return found


@dataclass(frozen=True)
class StageInfo:
    pk: int
    job: int
    kind: str
    order: int
    name_sv: str
    name_en: str


def stages_of(scope: Scope) -> list[StageInfo]:
    """The chosen jobs' stages in each job's order (one query)."""
    rows = scope.of_jobs(Stage.objects.all()).order_by("job_id", "order", "pk")
    return [
        StageInfo(*row)
        for row in rows.values_list("pk", "job_id", "kind", "order", "name_sv", "name_en")
    ]


def first_of_kind(stages: list[StageInfo]) -> dict[int, str]:
    """Each job's first stage of each kind: stage id → kind. Reaching it is
    reaching that kind (the roll-up counts passed stages as reached)."""
    seen: set[tuple[int, str]] = set()
    found: dict[int, str] = {}
    for stage in stages:
        if (stage.job, stage.kind) not in seen:
            seen.add((stage.job, stage.kind))
            found[stage.pk] = stage.kind
    return found


KIND_ORDER = [value for value, _label in StageKind.choices]


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None
