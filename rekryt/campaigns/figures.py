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
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
    Sum,
)
from django.utils import timezone
from django.utils.translation import gettext as _

from rekryt.applications.models import Application, Outcome
from rekryt.campaigns.models import Campaign, Channel, DailyCount
from rekryt.jobs.models import Stage, StageKind
from rekryt.screening.models import Answer, Rule

COUNTED = (
    "visits",
    "starts",
    "applicants",
    "requirements_met",
    "qualified",
    "interviewed",
    "hired",
)


@dataclass
class Counts:
    visits: int = 0
    starts: int = 0
    applicants: int = 0
    # Met every must-have of the job's screening questions (at least one).
    requirements_met: int = 0
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


class Reach:
    """Which stages count as having reached a stage kind: each job's first
    stage of that kind and every stage after it (stages are per job), read
    in one query. Counting then groups applications by stage and outcome,
    which the applications' (job, stage, outcome, source) index covers,
    instead of comparing each row with a subquery."""

    def __init__(self, job_ids: list[int]):
        self.stages = list(
            Stage.objects.filter(job_id__in=job_ids).values_list("pk", "job_id", "order", "kind")
        )

    def stage_ids(self, kind: str) -> set[int]:
        first: dict[int, int] = {}
        for _pk, job_id, order, stage_kind in self.stages:
            if stage_kind == kind and (job_id not in first or order < first[job_id]):
                first[job_id] = order
        return {
            pk
            for pk, job_id, order, _k in self.stages
            if job_id in first and order >= first[job_id]
        }


def met_requirements() -> ExpressionWrapper:
    """The application's screening found every must-have met, and there was
    at least one: a job without must-have questions qualifies nobody by
    screening (its Screening rows say "met" only because nothing was asked).
    The answers are the application's snapshot, so later edits to the job's
    questions do not change who met them."""
    musts = Answer.objects.filter(application=OuterRef("pk"), rule=Rule.MUST)
    met = Q(screening__requirements_met=True) & Q(Exists(musts))
    return ExpressionWrapper(met, output_field=BooleanField())


def counts_of(rows: list[dict[str, Any]], reach: Reach, qualified: str) -> Counts:
    """Fold (stage, outcome, met, n) rows into counts: qualified is having
    met the screening's requirements or reached the stage kind `qualified`
    (hired counts as everything)."""
    at_qualified, at_interview = reach.stage_ids(qualified), reach.stage_ids(StageKind.INTERVIEW)
    counts = Counts()
    for row in rows:
        n, hired = row["n"], row["outcome"] == Outcome.HIRED
        met = n if row.get("met") else 0
        counts.applicants += n
        counts.requirements_met += met
        counts.qualified += n if hired or row["stage_id"] in at_qualified else met
        counts.interviewed += n if hired or row["stage_id"] in at_interview else 0
        counts.hired += n if hired else 0
    return counts


def midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def applications_in(job_ids: list[int], since: date, until: date | None) -> QuerySet[Application]:
    """Made from the start of `since` to the end of `until` (local days)."""
    found = Application.objects.filter(job_id__in=job_ids, created_at__gte=midnight(since))
    if until:
        found = found.filter(created_at__lt=midnight(until + timedelta(days=1)))
    return found


def figures_by_source(
    job_ids: list[int], since: date, until: date | None = None, qualified: str = "interview"
) -> dict[str, Counts]:
    """Counts per ?source= tag ("" for none) for applications to `job_ids`
    made in the period; qualified means having met the screening's
    must-haves or reaching a stage of kind `qualified` (or further).
    Three queries whatever the number of applications."""
    reach = Reach(job_ids)
    grouped = (
        applications_in(job_ids, since, until)
        .annotate(met=met_requirements())
        .order_by()
        .values("source", "stage_id", "outcome", "met")
        .annotate(n=Count("pk"))
    )
    by_source: dict[str, list[dict[str, Any]]] = {}
    for row in grouped:
        by_source.setdefault(row["source"], []).append(dict(row))
    found = {source: counts_of(rows, reach, qualified) for source, rows in by_source.items()}
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
