"""The reports: a weekly one for each hiring manager and recruiter about
their own jobs (new applicants, candidates stuck in a stage, interviews in
the coming week, CNPS), and a monthly summary of every job for admins (the
head of HR). Each is a printable page and an email (rekryt.analytics
.report_duties sends them).

Whose jobs: a recruiter's are those they recruit for, a hiring manager's
those of their hiring teams — open (published) jobs only."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from rekryt.accounts.models import Role, User
from rekryt.analytics.experience import Experience, experience
from rekryt.analytics.funnel import Funnel, funnel
from rekryt.analytics.scope import FilterForm, Scope, month_start
from rekryt.analytics.suppress import Cell
from rekryt.applications.models import Application, Outcome
from rekryt.interviews.models import Interview, Status
from rekryt.jobs.models import Job, JobStatus
from rekryt.surveys.models import Survey, SurveyStatus
from rekryt.surveys.stats import _survey_counts, nps

# An active application this long in one stage is stuck.
STUCK_DAYS = 14
CNPS_DAYS = 90


def report_jobs(user: User) -> QuerySet[Job]:
    if user.role == Role.RECRUITER:
        jobs = Job.objects.filter(recruiter=user)
    elif user.role == Role.HIRING_MANAGER:
        jobs = Job.objects.filter(team=user)
    else:
        jobs = Job.objects.none()
    return jobs.filter(status=JobStatus.PUBLISHED).order_by("title", "pk")


@dataclass
class JobLine:
    job: Job
    new: int = 0
    stuck: int = 0
    interviews: int = 0


@dataclass
class Weekly:
    user: User
    since: date
    lines: list[JobLine] = field(default_factory=list)
    cnps: Cell = field(default_factory=lambda: Cell(None, 0))

    @property
    def totals(self) -> JobLine:
        total = JobLine(job=None)  # type: ignore[arg-type]
        for line in self.lines:
            total.new += line.new
            total.stuck += line.stuck
            total.interviews += line.interviews
        return total


def _per_job(rows: QuerySet[Any], key: str) -> dict[int, int]:
    return {row[key]: row["n"] for row in rows.order_by().values(key).annotate(n=Count("pk"))}


def weekly(user: User, now: datetime | None = None) -> Weekly:
    """Five queries whatever the number of jobs or applications."""
    now = now or timezone.now()
    jobs = list(report_jobs(user))
    ids = [job.pk for job in jobs]
    mine = Application.objects.filter(job_id__in=ids)
    new = _per_job(mine.filter(created_at__gte=now - timedelta(days=7)), "job_id")
    stuck = _per_job(
        mine.filter(outcome=Outcome.ACTIVE, stage_entered_at__lt=now - timedelta(days=STUCK_DAYS)),
        "job_id",
    )
    booked = Interview.objects.filter(
        application__job_id__in=ids,
        status=Status.BOOKED,
        starts_at__gte=now,
        starts_at__lt=now + timedelta(days=7),
    )
    interviews = _per_job(booked, "application__job_id")
    counts = Survey.objects.filter(
        job_id__in=ids, status=SurveyStatus.SENT, sent_at__gte=now - timedelta(days=CNPS_DAYS)
    ).aggregate(**_survey_counts())
    answers = counts["answers"] or 0
    score = round(nps(counts["promoters"], counts["detractors"], answers)) if answers else None
    report = Weekly(user, timezone.localtime(now).date() - timedelta(days=7))
    report.lines = [
        JobLine(job, new.get(job.pk, 0), stuck.get(job.pk, 0), interviews.get(job.pk, 0))
        for job in jobs
    ]
    report.cnps = Cell(score, answers)
    return report


@dataclass
class Monthly:
    month: date
    funnel: Funnel
    experience: Experience


def last_month(now: datetime | None = None) -> date:
    return month_start(timezone.localtime(now or timezone.now()).date(), -1)


def monthly(admin: User, now: datetime | None = None) -> Monthly:
    """Last calendar month over every job, against the month before."""
    month = last_month(now)
    scope = Scope(
        Job.objects.all(), month, month, None, None, FilterForm({}, admin), everything=True
    )
    return Monthly(month, funnel(scope), experience(scope))


def may_get(user: User, kind: str) -> bool:
    if not user.is_active or not user.email:
        return False
    if kind == "monthly":
        return user.role == Role.ADMIN
    return user.role in (Role.RECRUITER, Role.HIRING_MANAGER)


def recipients(kind: str) -> Q:
    roles = [Role.ADMIN] if kind == "monthly" else [Role.RECRUITER, Role.HIRING_MANAGER]
    return Q(is_active=True, role__in=roles) & ~Q(email="")
