"""Workflows on jobs: create with its pipeline, publish, close."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.text import slugify

from rekryt.accounts.models import User
from rekryt.jobs.models import Job, JobStatus, Stage, StageTemplate


def unique_slug(title: str, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:120] or "job"
    slug = base
    while Job.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug = f"{base}-{get_random_string(5, 'abcdefghijkmnpqrstuvwxyz23456789')}"
    return slug


def copy_stage_templates(job: Job) -> list[Stage]:
    stages = [
        Stage(job=job, order=t.order, kind=t.kind, name=t.name_in(job.language))
        for t in StageTemplate.objects.all()
    ]
    if not stages:
        stages = [Stage(job=job, order=0, kind="applied", name="Applied")]
    return Stage.objects.bulk_create(stages)


@transaction.atomic
def create_job(actor: User | None = None, team: list[User] | None = None, **fields: Any) -> Job:
    job = Job(**fields)
    if job.recruiter is None and actor is not None and actor.sees_all_jobs:
        job.recruiter = actor
    job.slug = unique_slug(job.title)
    job.save()
    copy_stage_templates(job)
    if team:
        job.team.set(team)
    return job


@transaction.atomic
def publish_job(job: Job, actor: User | None = None) -> bool:
    if not job.can_transition_to(JobStatus.PUBLISHED):
        return False
    job.status = JobStatus.PUBLISHED
    job.published_at = job.published_at or timezone.now()
    job.closed_at = None
    job.save(update_fields=["status", "published_at", "closed_at", "updated_at"])
    return True


@transaction.atomic
def close_job(job: Job, actor: User | None = None) -> bool:
    if not job.can_transition_to(JobStatus.CLOSED):
        return False
    job.status = JobStatus.CLOSED
    job.closed_at = timezone.now()
    job.save(update_fields=["status", "closed_at", "updated_at"])
    return True
