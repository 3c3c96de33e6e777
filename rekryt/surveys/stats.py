"""CNPS arithmetic and the dashboard's aggregates.

Everything is counted in the database, one query per breakdown, and only
counts leave this module: no page built from it can show who answered what."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekryt.surveys.models import Step, Survey, SurveyAnswer, SurveyStatus

# No breakdown is shown for fewer answers than this: a small group's scores
# would point at the people in it.
MIN_ANSWERS = 5
Z_95 = 1.96

PROMOTER = Q(score__gte=9)
DETRACTOR = Q(score__lte=6)


def nps(promoters: int, detractors: int, answers: int) -> float:
    return (promoters - detractors) / answers * 100


def nps_margin(promoters: int, detractors: int, answers: int) -> float:
    """Half-width of the 95 % interval. Each answer scores +1, 0 or −1, so the
    variance of the mean is (p + d − (p − d)²) / n for shares p and d."""
    p, d = promoters / answers, detractors / answers
    variance = (p + d - (p - d) ** 2) / answers
    return Z_95 * math.sqrt(variance) * 100


@dataclass
class Row:
    label: str
    answers: int
    promoters: int
    detractors: int
    sent: int | None = None
    benchmark: float | None = None

    @property
    def shown(self) -> bool:
        return self.answers >= MIN_ANSWERS

    @property
    def passives(self) -> int:
        return self.answers - self.promoters - self.detractors

    @property
    def cnps(self) -> float:
        return nps(self.promoters, self.detractors, self.answers)

    @property
    def margin(self) -> float:
        return nps_margin(self.promoters, self.detractors, self.answers)

    @property
    def low(self) -> float:
        return max(self.cnps - self.margin, -100.0)

    @property
    def high(self) -> float:
        return min(self.cnps + self.margin, 100.0)

    @property
    def response_rate(self) -> float | None:
        if not self.sent:
            return None
        return min(self.answers / self.sent * 100, 100.0)


@dataclass
class Benchmark:
    value: float
    label: Any
    source: Any
    high: float | None = None  # a range, drawn as a band


TRUSTCRUIT = _("Trustcruit, Swedish candidates, 2019")
BENCHMARKS = [
    Benchmark(76.6, _("After an interview"), TRUSTCRUIT),
    Benchmark(-0.5, _("After a rejection"), TRUSTCRUIT),
    Benchmark(-21.9, _("Rejected with a “no thanks”"), TRUSTCRUIT),
    Benchmark(-44.7, _("Rejected and heard nothing"), TRUSTCRUIT),
    Benchmark(
        -14, _("Overall candidate experience"), _("Talent Board CandE, two recent years"), high=3
    ),
]
STEP_BENCHMARKS: dict[str, float] = {Step.INTERVIEW: 76.6, Step.REJECTED: -0.5}


def _counts(prefix: str = "") -> dict[str, Any]:
    promoters = Q(**{f"{prefix}score__gte": 9})
    detractors = Q(**{f"{prefix}score__lte": 6})
    key = f"{prefix}pk" if prefix else "pk"
    return {
        "answers": Count(key),
        "promoters": Count(key, filter=promoters),
        "detractors": Count(key, filter=detractors),
    }


def _survey_counts() -> dict[str, Any]:
    """Sent surveys with their answers' bands, for per-group response rates."""
    return {
        "sent": Count("pk"),
        "answers": Count("answer"),
        "promoters": Count("answer", filter=Q(answer__score__gte=9)),
        "detractors": Count("answer", filter=Q(answer__score__lte=6)),
    }


@dataclass
class Dashboard:
    overall: Row
    by_step: list[Row]
    by_job: list[Row]
    by_department: list[Row]
    by_month: list[Row]
    months: list[date] = field(default_factory=list)

    @property
    def shown(self) -> bool:
        return self.overall.shown


def sent_since(start: datetime | None) -> QuerySet[Survey]:
    surveys = Survey.objects.filter(status=SurveyStatus.SENT)
    return surveys.filter(sent_at__gte=start) if start else surveys


def answers_since(start: datetime | None) -> QuerySet[SurveyAnswer]:
    answers = SurveyAnswer.objects.all()
    return answers.filter(month__gte=timezone.localtime(start).date()) if start else answers


def _row(label: Any, counts: Mapping[str, Any], benchmark: float | None = None) -> Row:
    return Row(
        label=str(label),
        answers=counts["answers"],
        promoters=counts["promoters"],
        detractors=counts["detractors"],
        sent=counts.get("sent"),
        benchmark=benchmark,
    )


def dashboard(start: datetime | None) -> Dashboard:
    """CNPS overall and by step, job, department (surveys sent since start)
    and by month answered. Five queries, whatever the data."""
    sent = sent_since(start)
    overall = _row(_("All answers"), sent.aggregate(**_survey_counts()))
    step_labels = dict(Step.choices)
    by_step = [
        _row(step_labels.get(r["step"], r["step"]), r, STEP_BENCHMARKS.get(r["step"]))
        for r in sent.values("step").annotate(**_survey_counts()).order_by("step")
    ]
    by_job = [
        _row(r["job__title"] or _("A deleted job"), r)
        for r in sent.values("job_id", "job__title")
        .annotate(**_survey_counts())
        .order_by("job__title", "job_id")
    ]
    by_department = [
        _row(r["department"] or _("No department"), r)
        for r in sent.values("department").annotate(**_survey_counts()).order_by("department")
    ]
    month_rows = answers_since(start).values("month").annotate(**_counts()).order_by("month")
    by_month = []
    months = []
    for r in month_rows:
        months.append(r["month"])
        by_month.append(_row(r["month"].strftime("%Y-%m"), r))
    return Dashboard(overall, by_step, by_job, by_department, by_month, months)


def comments(start: datetime | None, limit: int = 100) -> list[dict[str, Any]]:
    """Free text without names, jobs or days; ordered so the order itself
    says nothing about when within a month someone answered."""
    step_labels = dict(Step.choices)
    rows = (
        answers_since(start)
        .exclude(comment="", extra_answers={})
        .values("score", "comment", "extra_answers", "month", "survey__step")
        .order_by("-month", "score", "comment")[:limit]
    )
    return [
        {
            "score": r["score"],
            "step": step_labels.get(r["survey__step"], r["survey__step"]),
            "month": r["month"],
            "comment": r["comment"],
            "extra": [e for e in (r["extra_answers"] or {}).values() if isinstance(e, dict)],
        }
        for r in rows
    ]
