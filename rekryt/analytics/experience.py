"""Candidate experience, on one page: receipts, final messages, the silence
between emails, promises kept, and CNPS and response rate by step.

Everything but the surveys comes from the roll-ups (see rekryt.analytics.fold
for the definitions); CNPS and response rates from the surveys sent in the
period to the chosen jobs, in one grouped query (surveys' own counts, a
small table). Scores of fewer than five answers are not shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils.translation import gettext as _

from rekryt.analytics.fold import SILENCE_BUCKETS
from rekryt.analytics.funnel import DAY
from rekryt.analytics.models import Kind
from rekryt.analytics.read import by_kind, grouped, share
from rekryt.analytics.scope import Scope
from rekryt.analytics.suppress import Cell
from rekryt.campaigns.figures import midnight
from rekryt.surveys.models import Step, Survey, SurveyStatus
from rekryt.surveys.stats import _survey_counts, nps


@dataclass
class Rate:
    label: str
    part: int
    whole: int
    previous: float | None = None

    @property
    def percent(self) -> float | None:
        rate = share(self.part, self.whole)
        return None if rate is None else round(100 * rate, 1)


@dataclass
class StepScore:
    label: str
    sent: int
    answers: int
    cnps: Cell

    @property
    def response_rate(self) -> float | None:
        rate = share(self.answers, self.sent)
        return None if rate is None else round(100 * rate, 1)


@dataclass
class Experience:
    rates: list[Rate]
    silence: list[tuple[str, int]]
    average_silence: float | None
    steps: list[StepScore]
    answers: int
    sent: int


def bucket_labels() -> list[str]:
    labels, low = [], 0
    for high in SILENCE_BUCKETS:
        labels.append(_("%(low)s–%(high)s days") % {"low": low, "high": high - 1})
        low = high
    labels.append(_("%(low)s days or more") % {"low": low})
    return labels


def _rates(sums: dict[str, list[int]]) -> list[Rate]:
    def n(kind: str) -> int:
        return sums.get(kind, [0, 0])[0]

    ended = n(Kind.HIRED) + n(Kind.REJECTED) + n(Kind.WITHDRAWN)
    promised = n(Kind.PROMISE_KEPT) + n(Kind.PROMISE_BROKEN)
    return [
        Rate(_("Got a receipt"), n(Kind.RECEIPT), n(Kind.APPLIED)),
        Rate(_("Ended with a final message"), n(Kind.FINAL), ended),
        Rate(_("Promised dates kept"), n(Kind.PROMISE_KEPT), promised),
    ]


def step_scores(scope: Scope) -> list[StepScore]:
    surveys = scope.of_jobs(Survey.objects.all()).filter(
        status=SurveyStatus.SENT,
        sent_at__gte=midnight(scope.since),
        sent_at__lt=midnight(scope.end + timedelta(days=1)),
    )
    labels = dict(Step.choices)
    found = []
    rows: list[Any] = list(
        surveys.order_by().values("step").annotate(**_survey_counts()).order_by("step")
    )
    for row in rows:
        answers = row["answers"]
        score = round(nps(row["promoters"], row["detractors"], answers)) if answers else None
        found.append(
            StepScore(
                str(labels.get(row["step"], row["step"])),
                row["sent"],
                answers,
                Cell(score, answers),
            )
        )
    return found


def experience(scope: Scope) -> Experience:
    """Three queries: this period's counters, the previous period's, surveys."""
    rows = grouped(scope, scope.since, scope.until, ("kind", "reason"))
    before = by_kind(grouped(scope, *scope.previous, ("kind",)))
    sums = by_kind(rows)
    rates = _rates(sums)
    for rate, earlier in zip(rates, _rates(before), strict=True):
        rate.previous = earlier.percent
    buckets = [0] * (len(SILENCE_BUCKETS) + 1)
    for row in rows:
        if row["kind"] == Kind.SILENCE and 0 <= row["reason"] < len(buckets):
            buckets[row["reason"]] += row["total"] or 0
    contacts, seconds = sums.get(Kind.CONTACT, [0, 0])
    steps = step_scores(scope)
    return Experience(
        rates,
        list(zip(bucket_labels(), buckets, strict=True)),
        round(seconds / contacts / DAY, 1) if contacts else None,
        steps,
        sum(s.answers for s in steps),
        sum(s.sent for s in steps),
    )


__all__: list[Any] = ["experience"]
