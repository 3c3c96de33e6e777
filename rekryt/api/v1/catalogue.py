"""Read endpoints for what applications hang on: jobs and their stages,
tags, screening questions and talent pools, each scoped as the pages are."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router

from rekryt.accounts.models import User
from rekryt.api.v1.auth import need
from rekryt.api.v1.params import BY_ID, BY_UPDATE, ListParams, as_page, paged
from rekryt.api.v1.schemas import JobOut, PoolOut, QuestionOut, StageOut, TagOut, listing, one
from rekryt.candidates.models import Tag
from rekryt.jobs.models import Job, Stage
from rekryt.screening.models import JobQuestion, Question
from rekryt.talentpool.views import visible_pools

router = Router()


@router.get("/jobs", response=listing(JobOut), tags=["jobs"])
def list_jobs(
    request: HttpRequest, params: Query[ListParams], status: str | None = None
) -> dict[str, Any]:
    jobs = Job.objects.visible_to(need(request, "jobs"))
    if status:
        jobs = jobs.filter(status=status)
    return as_page(*paged(jobs, BY_UPDATE, params))


@router.get("/jobs/{job_id}", response=one(JobOut), tags=["jobs"])
def get_job(request: HttpRequest, job_id: int) -> Job:
    return get_object_or_404(Job.objects.visible_to(need(request, "jobs")), pk=job_id)


def visible_stages(user: User) -> QuerySet[Stage]:
    return Stage.objects.filter(job__in=Job.objects.visible_to(user).values("pk"))


@router.get("/stages", response=listing(StageOut), tags=["jobs"])
def list_stages(
    request: HttpRequest, params: Query[ListParams], job: int | None = None
) -> dict[str, Any]:
    stages = visible_stages(need(request, "stages"))
    if job is not None:
        stages = stages.filter(job_id=job)
    # Stages have no times of their own: updated_since is not applied.
    params.updated_since = None
    return as_page(*paged(stages, BY_ID, params))


@router.get("/stages/{stage_id}", response=one(StageOut), tags=["jobs"])
def get_stage(request: HttpRequest, stage_id: int) -> Stage:
    return get_object_or_404(visible_stages(need(request, "stages")), pk=stage_id)


@router.get("/tags", response=listing(TagOut), tags=["candidates"])
def list_tags(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    need(request, "tags")  # organisation-wide, like the pages' tag filters
    return as_page(*paged(Tag.objects.all(), BY_ID, params))


def visible_questions(user: User) -> QuerySet[Question]:
    """The whole bank for those who manage jobs; others the questions their
    jobs ask."""
    if user.can_manage_jobs:
        return Question.objects.all()
    jobs = Job.objects.visible_to(user).values("pk")
    return Question.objects.filter(
        pk__in=JobQuestion.objects.filter(job__in=jobs).values("question_id")
    )


@router.get("/questions", response=listing(QuestionOut), tags=["screening"])
def list_questions(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    return as_page(*paged(visible_questions(need(request, "questions")), BY_ID, params))


@router.get("/questions/{question_id}", response=one(QuestionOut), tags=["screening"])
def get_question(request: HttpRequest, question_id: int) -> Question:
    return get_object_or_404(visible_questions(need(request, "questions")), pk=question_id)


@router.get("/pools", response=listing(PoolOut), tags=["talent pools"])
def list_pools(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    return as_page(*paged(visible_pools(need(request, "pools")), BY_ID, params))


@router.get("/pools/{pool_id}", response=one(PoolOut), tags=["talent pools"])
def get_pool(request: HttpRequest, pool_id: int) -> Any:
    return get_object_or_404(visible_pools(need(request, "pools")), pk=pool_id)
