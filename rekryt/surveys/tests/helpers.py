"""Helpers for survey tests: run the survey duty later in time, and make
answered surveys directly for the dashboard."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from typing import Any

import time_machine
from django.utils import timezone

from rekryt.lib.tokens import hash_token
from rekryt.ops.duties import run_until_idle
from rekryt.surveys.duties import SendSurveys
from rekryt.surveys.models import Survey, SurveyAnswer, SurveyStatus

_events = itertools.count(10_000_000)


def work(after: timedelta = timedelta(minutes=10)) -> int:
    """Run the survey duty `after` from now (events must settle first)."""
    with time_machine.travel(timezone.now() + after, tick=False):
        return run_until_idle([SendSurveys()])


def travel_and_work(moment: datetime) -> int:
    with time_machine.travel(moment, tick=False):
        return run_until_idle([SendSurveys()])


def make_answer(
    score: int,
    step: str = "interview",
    job: Any = None,
    department: str = "Engineering",
    month: date | None = None,
    comment: str = "",
    sent_only: bool = False,
) -> Survey:
    now = timezone.now()
    if month is not None:  # sent and answered in that month
        now = timezone.make_aware(datetime(month.year, month.month, 15, 12))
    n = next(_events)
    survey = Survey.objects.create(
        job=job,
        department=department,
        step=step,
        source_event=n,
        status=SurveyStatus.SENT,
        due_at=now,
        sent_at=now,
        expires_at=now + timedelta(days=30),
        token_hash=hash_token(f"token-{n}"),
        answered_at=None if sent_only else now,
    )
    if not sent_only:
        SurveyAnswer.objects.create(
            survey=survey,
            score=score,
            comment=comment,
            month=month or timezone.localdate().replace(day=1),
            created_at=now,
        )
    return survey
