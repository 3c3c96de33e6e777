"""The API's writes, each through the action the staff pages call, so the
same events, emails (with the organisation's delay and undo) and checks
follow: adding a candidate's application, moving it, ending it, a note,
and the candidate's tags."""

from __future__ import annotations

from typing import Any, Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Header, Schema, Status
from ninja.decorators import decorate_view
from pydantic import Field

from rekryt.api.v1.applications import (
    applications_out,
    decidable_or_404,
    note_out,
    router,
    visible_or_404,
)
from rekryt.api.v1.auth import need
from rekryt.api.v1.idempotency import MAX_KEY, idempotent
from rekryt.api.v1.problems import Problem, ProblemError
from rekryt.api.v1.schemas import ApplicationOut, NoteOut, TagOut, one
from rekryt.applications.actions import Submission, add_note, move_to_stage, set_outcome
from rekryt.applications.models import Application, Outcome, RejectionReason, may_decide
from rekryt.applications.rejections import reject_application
from rekryt.applications.submissions import submit_application
from rekryt.candidates.models import Tag, normalise_email
from rekryt.candidates.tags import add_tag, remove_tag
from rekryt.jobs.models import Job, JobStatus
from rekryt.privacy.notice import current_notice

CONFLICT = {409: Problem}
KEY = Header(
    None,
    alias="Idempotency-Key",
    max_length=MAX_KEY,
    description="Send the same key again to get the first answer back",
)


class NewApplication(Schema):
    job_id: int
    first_name: str = Field(min_length=1, max_length=100)
    last_name: str = Field("", max_length=100)
    email: str = Field(max_length=254)
    phone: str = Field("", max_length=40)
    link: str = Field("", max_length=500)
    about: str = Field("", max_length=10000)
    source: str = Field("api", max_length=40)
    language: Literal["sv", "en"] = "sv"


def ended(detail: str = "") -> ProblemError:
    return ProblemError(409, detail or _("The application has already ended."), "conflict")


@router.post("/applications", response=one(ApplicationOut, 201) | CONFLICT)
@decorate_view(idempotent)
def create_application(
    request: HttpRequest, body: NewApplication, idempotency_key: str | None = KEY
) -> Any:
    """A candidate (found by the address, or new) and their application for
    a job that is not closed, as the application form makes them: the
    privacy notice in force is recorded as the basis for keeping the data,
    and the first stage's automation (the receipt) runs."""
    user = need(request, "applications", write=True)
    try:
        validate_email(body.email)
    except DjangoValidationError:
        raise ProblemError(422, _("Enter a valid email address."), "validation") from None
    if not may_decide(user):
        raise ProblemError(403, _("Your role may not add candidates."), "role")
    job = get_object_or_404(Job.objects.visible_to(user), pk=body.job_id)
    if job.status == JobStatus.CLOSED:
        raise ProblemError(422, _("The job is closed."), "job-closed")
    existing = Application.objects.filter(
        job=job, candidate__email_normalised=normalise_email(body.email)
    ).first()
    if existing is not None:
        raise ProblemError(
            409,
            _("This address has applied for the job already: application %(id)s.")
            % {"id": existing.pk},
            "already-applied",
            headers={"Location": f"/api/v1/applications/{existing.pk}"},
        )
    submission = Submission(
        first_name=body.first_name,
        last_name=body.last_name,
        email=str(body.email),
        phone=body.phone,
        link=body.link,
        about=body.about,
        source=body.source,
        language=body.language,
        notice=current_notice(),
    )
    submitted = submit_application(job, submission)
    return Status(201, applications_out([submitted.application])[0])


class Move(Schema):
    stage_id: int


@router.post("/applications/{application_id}/move", response=one(ApplicationOut) | CONFLICT)
@decorate_view(idempotent)
def move_application(
    request: HttpRequest, application_id: int, body: Move, idempotency_key: str | None = KEY
) -> Any:
    """To another stage of its job; the stage's email waits the
    organisation's delay, so the move can be undone on the board."""
    application = decidable_or_404(need(request, "applications", write=True), application_id)
    stage = application.job.stages.filter(pk=body.stage_id).first()
    if stage is None:
        raise ProblemError(422, _("That stage is not one of this job's."), "stage")
    if not application.is_active:
        raise ended()
    if stage.pk != application.stage_id:
        move_to_stage(application, stage, request.user)  # type: ignore[arg-type]
    return applications_out([Application.objects.get(pk=application.pk)])[0]


class Ending(Schema):
    outcome: Literal["hired", "rejected", "withdrawn"]
    reason_id: int | None = None
    personal_note: str = Field("", max_length=1000)
    keep_in_mind: bool = False


@router.post("/applications/{application_id}/outcome", response=one(ApplicationOut) | CONFLICT)
@decorate_view(idempotent)
def end_application(
    request: HttpRequest, application_id: int, body: Ending, idempotency_key: str | None = KEY
) -> Any:
    """Hired, or rejected/withdrawn with a reason: a rejection goes through
    the rejection flow, its email after the organisation's delay (undoable
    on the application page until then)."""
    application = decidable_or_404(need(request, "applications", write=True), application_id)
    if not application.is_active:
        raise ended()
    if body.outcome == Outcome.HIRED:
        set_outcome(application, Outcome.HIRED, request.user)  # type: ignore[arg-type]
    else:
        reason = RejectionReason.objects.filter(active=True, pk=body.reason_id or 0).first()
        if reason is None or reason.kind != (
            "withdrew" if body.outcome == "withdrawn" else "declined"
        ):
            raise ProblemError(422, _("Give an active reason of the outcome's kind."), "reason")
        reject_application(
            application,
            reason,
            request.user,  # type: ignore[arg-type]
            personal_note=body.personal_note,
            keep_in_mind=body.keep_in_mind,
        )
    return applications_out([Application.objects.get(pk=application.pk)])[0]


class NewNote(Schema):
    body: str = Field(min_length=1, max_length=10000)


@router.post("/applications/{application_id}/notes", response=one(NoteOut, 201), tags=["notes"])
@decorate_view(idempotent)
def create_note(
    request: HttpRequest, application_id: int, body: NewNote, idempotency_key: str | None = KEY
) -> Any:
    """Anyone who may see the application may add a note (interviewers too);
    colleagues it @mentions are told after the delay."""
    application = visible_or_404(need(request, "notes", write=True), application_id)
    if not body.body.strip():
        raise ProblemError(422, _("Write the note."), "validation")
    note = add_note(application, request.user, body.body)  # type: ignore[arg-type]
    return Status(201, note_out(note, None))


class NewTag(Schema):
    name: str = Field(min_length=1, max_length=40)


@router.post("/applications/{application_id}/tags", response=one(TagOut) | CONFLICT, tags=["tags"])
@decorate_view(idempotent)
def tag_application(
    request: HttpRequest, application_id: int, body: NewTag, idempotency_key: str | None = KEY
) -> Any:
    """Tag the application's candidate (a new name makes a new tag)."""
    application = decidable_or_404(need(request, "tags", write=True), application_id)
    if not " ".join(body.name.split()):
        raise ProblemError(422, _("Name the tag."), "validation")
    tag = add_tag(application.candidate, body.name, request.user)
    if tag is None:
        raise ProblemError(
            409, _("The candidate already has as many tags as allowed."), "too-many-tags"
        )
    return tag


@router.delete(
    "/applications/{application_id}/tags/{tag_id}", response=one(None, 204), tags=["tags"]
)
def untag_application(request: HttpRequest, application_id: int, tag_id: int) -> Any:
    application = decidable_or_404(need(request, "tags", write=True), application_id)
    remove_tag(application.candidate, get_object_or_404(Tag, pk=tag_id), request.user)
    return Status(204, None)
