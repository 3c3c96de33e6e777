"""Results per channel: visits, opened forms, applicants, qualified,
interviewed, hired and the cost of each.

`figures_by_source` is the reusable part (an analytics app can call it for
any set of jobs and period): one grouped query over applications and one
over the daily visit counters, whatever the number of applications. A
campaign's report adds up its channels and puts every application to its
jobs that came through no channel of it under "Other", so the rows always
add up to the totals."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils.translation import gettext as _

from rekryt.applications.models import Application, Outcome
from rekryt.campaigns.models import Campaign, Channel, DailyCount
from rekryt.jobs.models import Stage, StageKind

COUNTED = ("visits", "starts", "applicants", "qualified", "interviewed", "hired")


@dataclass
class Counts:
    visits: int = 0
    starts: int = 0
    applicants: int = 0
    qualified: int = 0
    interviewed: int = 0
    hired: int = 0

    def add(self, other: Counts) -> None:
        for name in COUNTED:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Row:
    label: str
    channel: Channel | None
    counts: Counts = field(default_factory=Counts)
    budget: int = 0
    cost: int = 0

    def _per(self, count: int) -> int | None:
        return round(self.cost / count) if count and self.cost else None

    @property
    def per_applicant(self) -> int | None:
        return self._per(self.counts.applicants)

    @property
    def per_qualified(self) -> int | None:
        return self._per(self.counts.qualified)

    @property
    def per_hire(self) -> int | None:
        return self._per(self.counts.hired)


def reached(kind: str) -> Subquery:
    """The order of the application's job's first stage of `kind`."""
    first = Stage.objects.filter(job=OuterRef("job"), kind=kind).order_by("order")
    return Subquery(first.values("order")[:1], output_field=IntegerField())


def reached_q(kind: str) -> Q:
    return Q(stage__order__gte=reached(kind)) | Q(outcome=Outcome.HIRED)


def applications_in(job_ids: list[int], since: date, until: date | None) -> QuerySet[Application]:
    found = Application.objects.filter(job_id__in=job_ids, created_at__date__gte=since)
    return found.filter(created_at__date__lte=until) if until else found


def figures_by_source(
    job_ids: list[int], since: date, until: date | None = None, qualified: str = "interview"
) -> dict[str, Counts]:
    """Counts per ?source= tag ("" for none) for applications to `job_ids`
    made in the period; qualified means reaching a stage of kind `qualified`."""
    rows = (
        applications_in(job_ids, since, until)
        .order_by()
        .values("source")
        .annotate(
            applicants=Count("pk"),
            qualified=Count("pk", filter=reached_q(qualified)),
            interviewed=Count("pk", filter=reached_q(StageKind.INTERVIEW)),
            hired=Count("pk", filter=Q(outcome=Outcome.HIRED)),
        )
    )
    found: dict[str, Counts] = {}
    for row in rows:
        found[row["source"]] = Counts(
            applicants=row["applicants"],
            qualified=row["qualified"],
            interviewed=row["interviewed"],
            hired=row["hired"],
        )
    visits = DailyCount.objects.filter(job_id__in=job_ids, day__gte=since)
    if until:
        visits = visits.filter(day__lte=until)
    summed = visits.order_by().values("source").annotate(v=Sum("visits"), s=Sum("starts"))
    for day_row in summed:
        counts = found.setdefault(day_row["source"], Counts())
        counts.visits, counts.starts = day_row["v"] or 0, day_row["s"] or 0
    return found


@dataclass
class Report:
    rows: list[Row]
    total: Row


def campaign_report(campaign: Campaign, channels: list[Channel], job_ids: list[int]) -> Report:
    by_source = figures_by_source(
        job_ids, campaign.starts_on, None, qualified=campaign.qualified_stage
    )
    rows = []
    for channel in channels:
        counts = by_source.pop(channel.source, Counts())
        rows.append(Row(channel.name, channel, counts, channel.budget, channel.cost))
    other = Row(_("Other and direct"), None)
    for counts in by_source.values():
        other.counts.add(counts)
    rows.append(other)
    total = Row(_("Total"), None)
    for row in rows:
        total.counts.add(row.counts)
        total.budget += row.budget
        total.cost += row.cost
    return Report(rows, total)
