"""Exports of candidates (CSV and JSON) and jobs (JSON), scoped to what the exporting
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


def _visible_applications(user: User) -> Prefetch:
    """A candidate's applications as far as the exporter may see them: a
    hiring manager's export names no job outside their teams."""
    shown = Application.objects.visible_to(user).select_related("job", "stage").order_by("pk")
    return Prefetch("applications", queryset=shown, to_attr="shown_applications")


def candidate_document(candidate: Candidate) -> dict[str, Any]:
    return {
        "id": candidate.pk,
        "first_name": candidate.first_name,
        "last_name": candidate.last_name,
        "email": candidate.email,
        "phone": candidate.phone,
        "language": candidate.language,
        "link": candidate.link,
        "tags": [t.name for t in candidate.tags.all()],
        "created_at": candidate.created_at.isoformat(),
        "updated_at": candidate.updated_at.isoformat(),
        "applications": [
            {
                "id": a.pk,
                "job_id": a.job_id,
                "job_title": a.job.title,
                "stage": {"id": a.stage_id, "name_sv": a.stage.name_sv, "name_en": a.stage.name_en},
                "outcome": a.outcome,
                "source": a.source,
                "created_at": a.created_at.isoformat(),
                "ended_at": a.ended_at.isoformat() if a.ended_at else None,
            }
            for a in candidate.shown_applications  # type: ignore[attr-defined]
        ],
    }


def candidates_json(user: User) -> Iterator[str]:
    """{"schema": "rekryt-candidates", "version": "1", "candidates": [...]},
    streamed in chunks: two queries per CHUNK candidates (the rows, then
    their tags and visible applications)."""
    head = {"schema": "rekryt-candidates", "version": SCHEMA_VERSION}
    yield json.dumps(head)[:-1] + ', "candidates": ['
    candidates = exportable_candidates(user).prefetch_related(_visible_applications(user))
    for n, candidate in enumerate(candidates.iterator(chunk_size=CHUNK)):
        yield ("," if n else "") + json.dumps(candidate_document(candidate), ensure_ascii=False)
    yield "]}"


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
