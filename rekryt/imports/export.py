"""Exports of candidates (CSV) and jobs (JSON), scoped to what the exporting
user may see, streamed so that a large export never sits in memory.
Candidates with an application under blind review are left out: their
names must not reach the reviewers through a spreadsheet."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet

from rekryt.accounts.models import User
from rekryt.applications.models import Application
from rekryt.candidates.models import Candidate, Tag
from rekryt.jobs.models import Job
from rekryt.lib.safecsv import csv_lines
from rekryt.screening.blind import blind_ids

CHUNK = 500
CANDIDATE_HEADER = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "language",
    "link",
    "tags",
    "created_at",
]
SCHEMA_VERSION = "1"


def exportable_candidates(user: User) -> QuerySet[Candidate]:
    candidates = Candidate.objects.visible_to(user)
    blind = blind_ids()
    if blind is not None:
        candidates = candidates.exclude(
            Exists(Application.objects.filter(candidate=OuterRef("pk"), pk__in=blind))
        )
    tags = Prefetch("tags", queryset=Tag.objects.only("name"))
    return candidates.order_by("pk").prefetch_related(tags)


def candidate_rows(user: User) -> Iterator[str]:
    return csv_lines(CANDIDATE_HEADER, _candidate_values(user))


def _candidate_values(user: User) -> Iterator[list[Any]]:
    for c in exportable_candidates(user).iterator(chunk_size=CHUNK):
        yield [
            c.first_name,
            c.last_name,
            c.email,
            c.phone,
            c.language,
            c.link,
            ", ".join(t.name for t in c.tags.all()),
            c.created_at.isoformat(),
        ]


def job_document(job: Job) -> dict[str, Any]:
    return {
        "id": job.pk,
        "title": job.title,
        "slug": job.slug,
        "status": job.status,
        "department": job.department,
        "city": job.city,
        "country": job.country,
        "employment_type": job.employment_type,
        "salary": {
            "min": job.salary_min,
            "max": job.salary_max,
            "currency": job.salary_currency,
            "unit": job.salary_unit,
        },
        "description": job.description,
        "requirements": job.requirements,
        "applications": job.application_count,  # type: ignore[attr-defined]
    }


def jobs_json(user: User) -> Iterator[str]:
    """{"schema": "rekryt-export", "version": "1", "jobs": [...]}, streamed."""
    jobs = Job.objects.visible_to(user).annotate(application_count=Count("applications"))
    yield json.dumps({"schema": "rekryt-export", "version": SCHEMA_VERSION})[:-1] + ', "jobs": ['
    for n, job in enumerate(jobs.order_by("pk").iterator(chunk_size=CHUNK)):
        yield ("," if n else "") + json.dumps(job_document(job), ensure_ascii=False)
    yield "]}"
