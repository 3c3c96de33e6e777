"""Sources and campaigns: applicants, qualified (reached the job's first
interview stage), hired, job-page visits and cost per ?source= tag, with a
total row that is the sum of the rows.

Counts come from the roll-ups; visits from the campaigns' daily counters;
cost is each channel's actual cost as entered on its campaign (channels of
campaigns on the chosen jobs), not divided over periods."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Sum
from django.utils.translation import gettext as _

from rekryt.analytics.models import Kind
from rekryt.analytics.read import first_of_kind, grouped, stages_of
from rekryt.analytics.scope import Scope
from rekryt.applications.models import source_label
from rekryt.campaigns.models import Channel, DailyCount
from rekryt.jobs.models import StageKind


@dataclass
class SourceRow:
    source: str
    label: str
    visits: int = 0
    applicants: int = 0
    qualified: int = 0
    hired: int = 0
    cost: int = 0

    def _per(self, count: int) -> int | None:
        return round(self.cost / count) if count and self.cost else None

    @property
    def per_applicant(self) -> int | None:
        return self._per(self.applicants)

    @property
    def per_qualified(self) -> int | None:
        return self._per(self.qualified)

    @property
    def per_hire(self) -> int | None:
        return self._per(self.hired)

    def add(self, other: SourceRow) -> None:
        for name in ("visits", "applicants", "qualified", "hired", "cost"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Sources:
    rows: list[SourceRow]
    total: SourceRow


def _row(rows: dict[str, SourceRow], source: str, names: dict[str, str]) -> SourceRow:
    if source not in rows:
        label = names.get(source) or (source_label(source) if source else _("No source tag"))
        rows[source] = SourceRow(source, label)
    return rows[source]


def sources(scope: Scope) -> Sources:
    """Five queries: counters, stages, visits, channels, and nothing per row."""
    counters = grouped(scope, scope.since, scope.until, ("source", "kind", "stage"))
    if scope.everything:  # the summary's stages are kinds
        interview: set[Any] = {StageKind.INTERVIEW}
    else:
        firsts = first_of_kind(stages_of(scope)).items()
        interview = {pk for pk, kind in firsts if kind == StageKind.INTERVIEW}
    channels = Channel.objects.filter(campaign__jobs__in=scope.jobs.values("pk"))
    if scope.source is not None:
        channels = channels.filter(source=scope.source)
    costs: dict[str, int] = {}
    names: dict[str, str] = {}
    for source, name, cost in channels.distinct().values_list("source", "name", "cost"):
        costs[source] = cost
        names[source] = name
    rows: dict[str, SourceRow] = {}
    for item in counters:
        row = _row(rows, item["source"], names)
        total = item["total"] or 0
        if item["kind"] == Kind.APPLIED:
            row.applicants += total
        elif item["kind"] == Kind.HIRED:
            row.hired += total
        elif item["kind"] == Kind.REACHED and item["stage"] in interview:
            row.qualified += total
    for item in _visits(scope):
        _row(rows, item["source"], names).visits += item["v"] or 0
    for source, cost in costs.items():
        _row(rows, source, names).cost += cost
    ordered = sorted(rows.values(), key=lambda r: (-r.applicants, r.label))
    total = SourceRow("", _("Total"))
    for row in ordered:
        total.add(row)
    return Sources(ordered, total)


def _visits(scope: Scope) -> list[dict[str, Any]]:
    visits = scope.of_jobs(DailyCount.objects.filter(day__gte=scope.since, day__lte=scope.end))
    if scope.source is not None:
        visits = visits.filter(source=scope.source)
    rows: list[Any] = list(visits.order_by().values("source").annotate(v=Sum("visits")))
    return rows
