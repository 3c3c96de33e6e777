"""What the API answers with: one schema per resource, a page of them, and
the problems every operation may give."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Schema
from pydantic import create_model

from rekryt.api.v1.problems import COMMON, Problem

ERRORS: dict[int, type[Problem]] = dict.fromkeys(COMMON, Problem)


def listing(out: type[Schema]) -> dict[int, Any]:
    page = create_model(
        f"{out.__name__.removesuffix('Out')}Page",
        __base__=Schema,
        items=(list[out], ...),  # type: ignore[valid-type]
        next_cursor=(str | None, ...),
    )
    return {200: page, **ERRORS}


def one(out: type[Schema] | None, status: int = 200) -> dict[int, Any]:
    return {status: out, **ERRORS}


class JobOut(Schema):
    id: int
    title: str
    slug: str
    department: str
    city: str
    country: str
    workplace: str
    employment_type: str
    language: str
    status: str
    deadline: date | None
    published_at: datetime | None
    closed_at: datetime | None
    created_at: datetime
    updated_at: datetime


class StageOut(Schema):
    id: int
    job_id: int
    order: int
    kind: str
    name_sv: str
    name_en: str


class TagOut(Schema):
    id: int
    name: str
    colour: str
    created_at: datetime


class QuestionOut(Schema):
    id: int
    text_sv: str
    text_en: str
    kind: str
    active: bool
    created_at: datetime


class PoolOut(Schema):
    id: int
    kind: str
    slug: str
    name_sv: str
    name_en: str
    owner_id: int
    public: bool
    created_at: datetime


class CandidateOut(Schema):
    id: int
    first_name: str
    last_name: str
    email: str
    phone: str
    link: str
    language: str
    tags: list[int]
    created_at: datetime
    updated_at: datetime


class ApplicationOut(Schema):
    id: int
    job_id: int
    stage_id: int
    # Under blind review: no candidate id and no contact details, only the
    # pseudonym the pages show (rekryt.screening.blind).
    blind: bool
    name: str
    candidate_id: int | None
    first_name: str | None
    last_name: str | None
    email: str | None
    phone: str | None
    link: str | None
    outcome: str
    rejection_reason_id: int | None
    source: str
    language: str
    stage_entered_at: datetime
    ended_at: datetime | None
    created_at: datetime
    updated_at: datetime


class EventOut(Schema):
    id: int
    application_id: int
    kind: str
    actor_id: int | None
    data: dict[str, Any]
    created_at: datetime


class NoteOut(Schema):
    id: int
    application_id: int
    author_id: int | None
    body: str
    created_at: datetime


class MessageOut(Schema):
    id: int
    application_id: int | None
    kind: str
    language: str
    subject: str
    status: str
    send_after: datetime
    sent_at: datetime | None
    created_at: datetime


class InterviewOut(Schema):
    id: int
    application_id: int
    status: str
    starts_at: datetime | None
    ends_at: datetime | None
    interviewer_ids: list[int]
    created_at: datetime


class ScorecardOut(Schema):
    id: int
    interview_id: int
    interviewer_id: int
    recommendation: str
    notes: str
    submitted_at: datetime | None
    updated_at: datetime


class OfferOut(Schema):
    id: int
    application_id: int
    version: int
    status: str
    title: str
    salary: int
    salary_period: str
    start_date: date
    expires_on: date
    sent_at: datetime | None
    signed_at: datetime | None
    created_at: datetime
