"""Reusing a job: duplicate it as a new draft, save it as a job template, and
start a draft from a template. The ad text, facts and stages are copied;
applications, dates, the slug and the status never are."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from rekryt.accounts.models import User
from rekryt.jobs.actions import create_job
from rekryt.jobs.models import Job, JobTemplate, Stage, stages_for

# What a copy takes from a job: everything a recruiter writes in the job
# form except who runs it and when it closes.
COPIED = (
    "title",
    "department",
    "city",
    "region",
    "country",
    "workplace",
    "employment_type",
    "working_hours",
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_unit",
    "benefits",
    "team_description",
    "description",
    "requirements",
    "after_apply",
    "reply_within_days",
    "language",
    "jobtech_occupation",
    "jobtech_municipality",
    "jobtech_employment_type",
)
STAGE_FIELDS = ("kind", "name_sv", "name_en", "email_kind", "email_delay_hours", "send_survey")


def job_fields(job: Job) -> dict[str, Any]:
    return {name: getattr(job, name) for name in COPIED}


def stage_rows(job: Job) -> list[dict[str, Any]]:
    return [{name: getattr(stage, name) for name in STAGE_FIELDS} for stage in stages_for(job)]


def _replace_stages(job: Job, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    job.stages.all().delete()  # a new draft: no application points at them
    Stage.objects.bulk_create(
        Stage(job=job, order=n, **{k: row[k] for k in STAGE_FIELDS if k in row})
        for n, row in enumerate(rows)
    )


@transaction.atomic
def duplicate_job(job: Job, actor: User) -> Job:
    """A new draft with the job's ad, stages, recruiter and team."""
    copy = create_job(
        actor=actor, team=list(job.team.all()), recruiter=job.recruiter, **job_fields(job)
    )
    _replace_stages(copy, stage_rows(job))
    return copy


@transaction.atomic
def save_as_template(job: Job, name: str) -> JobTemplate:
    return JobTemplate.objects.create(name=name, fields=job_fields(job), stages=stage_rows(job))


@transaction.atomic
def start_from_template(template: JobTemplate, actor: User) -> Job:
    """A new draft from the template; fields the job form no longer has are
    left out rather than failing."""
    fields = {k: v for k, v in template.fields.items() if k in COPIED}
    fields.setdefault("title", template.name)
    job = create_job(actor=actor, **fields)
    _replace_stages(job, template.stages)
    return job
