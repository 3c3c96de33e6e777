"""Reading the roll-ups for a scope: grouped sums over `Figure`, one query
each, whatever the number of applications behind them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Sum

from rekryt.analytics.models import Figure
from rekryt.analytics.scope import Scope
from rekryt.jobs.models import Stage, StageKind


def grouped(scope: Scope, since: date, until: date, by: tuple[str, ...]) -> list[dict[str, Any]]:
    figures = Figure.objects.filter(
        job__in=scope.jobs.values("pk"), month__gte=since, month__lte=until
    )
    if scope.source is not None:
        figures = figures.filter(source=scope.source)
    return list(figures.order_by().values(*by).annotate(total=Sum("n"), secs=Sum("seconds")))


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
    rows = Stage.objects.filter(job__in=scope.jobs.values("pk")).order_by("job_id", "order", "pk")
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
