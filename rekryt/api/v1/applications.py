"""Applications and what hangs on them (events, notes, emails), read as the
application pages show them: scoped to the token's user, and under blind
review with the pseudonym instead of the person (their name is masked in
the texts too). The writes are in rekryt.api.v1.writes."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router

from rekryt.accounts.models import User
from rekryt.api.v1.auth import need
from rekryt.api.v1.params import BY_ID, BY_UPDATE, ListParams, as_page, paged
from rekryt.api.v1.reads import audit_read
from rekryt.api.v1.schemas import (
    ApplicationOut,
    EventOut,
    MessageOut,
    NoteOut,
    listing,
    one,
)
from rekryt.applications.hooks import Blind, blind_for
from rekryt.applications.models import Application, Event, Note
from rekryt.messaging.models import Message

router = Router(tags=["applications"])

# Event data given out: ids, codes and stage names, never a person's words
# or details (the same facts webhooks carry, and a few more ids).
EVENT_KEYS = (
    "from_stage",
    "to_stage",
    "from_name_sv",
    "from_name_en",
    "to_name_sv",
    "to_name_en",
    "outcome",
    "reason",
    "reason_name",
    "stage",
    "source",
    "note",
    "document",
    "document_kind",
    "interview",
    "starts_at",
    "offer",
    "version",
    "previous_outcome",
)


def visible_applications(user: User) -> QuerySet[Application]:
    return Application.objects.visible_to(user)


def application_out(application: Application, blind: Blind | None) -> dict[str, Any]:
    named = blind is None
    return {
        "id": application.pk,
        "job_id": application.job_id,
        "stage_id": application.stage_id,
        "blind": not named,
        "name": application.full_name if named else blind.name,  # type: ignore[union-attr]
        "candidate_id": application.candidate_id if named else None,
        **{
            field: getattr(application, field) if named else None
            for field in ("first_name", "last_name", "email", "phone", "link")
        },
        "outcome": application.outcome,
        "rejection_reason_id": application.rejection_reason_id,
        "source": application.source,
        "language": application.language,
        "stage_entered_at": application.stage_entered_at,
        "ended_at": application.ended_at,
        "created_at": application.created_at,
        "updated_at": application.updated_at,
    }


def applications_out(applications: list[Application]) -> list[dict[str, Any]]:
    blind = blind_for(applications)
    return [application_out(a, blind.get(a.pk)) for a in applications]


@router.get("/applications", response=listing(ApplicationOut))
def list_applications(
    request: HttpRequest,
    params: Query[ListParams],
    job: int | None = None,
    stage: int | None = None,
    outcome: str | None = None,
) -> dict[str, Any]:
    applications = visible_applications(need(request, "applications"))
    if job is not None:
        applications = applications.filter(job_id=job)
    if stage is not None:
        applications = applications.filter(stage_id=stage)
    if outcome:
        applications = applications.filter(outcome=outcome)
    found, cursor = paged(applications, BY_UPDATE, params)
    audit_read(request, "applications.application", [a.pk for a in found])
    return as_page(applications_out(found), cursor)


@router.get("/applications/{application_id}", response=one(ApplicationOut))
def get_application(request: HttpRequest, application_id: int) -> dict[str, Any]:
    applications = visible_applications(need(request, "applications"))
    application = get_object_or_404(applications, pk=application_id)
    audit_read(request, "applications.application", [application.pk])
    return applications_out([application])[0]


def _of_visible(rows: QuerySet[Any], user: User, application: int | None) -> QuerySet[Any]:
    rows = rows.filter(application__in=visible_applications(user).values("pk"))
    return rows if application is None else rows.filter(application_id=application)


def _masks(rows: list[Any]) -> dict[int, Blind]:
    """The blind applications among the rows' (one query, none when no job
    uses blind review)."""
    ids = {row.application_id for row in rows if row.application_id}
    if not ids:
        return {}
    return blind_for(Application.objects.filter(pk__in=ids).select_related("candidate"))


@router.get("/events", response=listing(EventOut))
def list_events(
    request: HttpRequest, params: Query[ListParams], application: int | None = None
) -> dict[str, Any]:
    """Append-only: updated_since is their creation time."""
    events = _of_visible(Event.objects.all(), need(request, "events"), application)
    found, cursor = paged(events, BY_ID, params)
    items = [
        {
            "id": e.pk,
            "application_id": e.application_id,
            "kind": e.kind,
            "actor_id": e.actor_id,
            "data": {k: e.data[k] for k in EVENT_KEYS if k in e.data},
            "created_at": e.created_at,
        }
        for e in found
    ]
    return as_page(items, cursor)


def note_out(note: Note, blind: Blind | None) -> dict[str, Any]:
    body = blind.mask(note.body) if blind else note.body
    return {
        "id": note.pk,
        "application_id": note.application_id,
        "author_id": note.author_id,
        "body": body,
        "created_at": note.created_at,
    }


@router.get("/notes", response=listing(NoteOut), tags=["notes"])
def list_notes(
    request: HttpRequest, params: Query[ListParams], application: int | None = None
) -> dict[str, Any]:
    notes = _of_visible(Note.objects.all(), need(request, "notes"), application)
    found, cursor = paged(notes, BY_ID, params)
    masks = _masks(found)
    return as_page([note_out(n, masks.get(n.application_id)) for n in found], cursor)


@router.get("/messages", response=listing(MessageOut), tags=["messages"])
def list_messages(
    request: HttpRequest, params: Query[ListParams], application: int | None = None
) -> dict[str, Any]:
    """The emails about applications the user may see (no bodies or
    addresses: the application pages show those)."""
    messages = _of_visible(Message.objects.all(), need(request, "messages"), application)
    found, cursor = paged(messages.defer("body_text", "body_html"), BY_ID, params)
    masks = _masks(found)
    items = []
    for m in found:
        blind = masks.get(m.application_id)
        items.append(
            {
                "id": m.pk,
                "application_id": m.application_id,
                "kind": m.kind,
                "language": m.language,
                "subject": blind.mask(m.subject) if blind else m.subject,
                "status": m.status,
                "send_after": m.send_after,
                "sent_at": m.sent_at,
                "created_at": m.created_at,
            }
        )
    return as_page(items, cursor)


def decidable_or_404(user: User, application_id: int) -> Application:
    found = Application.objects.decidable_by(user).select_related("job", "stage", "candidate")
    return get_object_or_404(found, pk=application_id)


def visible_or_404(user: User, application_id: int) -> Application:
    found = visible_applications(user).select_related("job", "stage", "candidate")
    return get_object_or_404(found, pk=application_id)


def get_note(request: HttpRequest, note_id: int) -> Any:
    notes = _of_visible(Note.objects.all(), need(request, "notes"), None)
    note = get_object_or_404(notes, pk=note_id)
    return note_out(note, _masks([note]).get(note.application_id))


router.get("/notes/{note_id}", response=one(NoteOut), tags=["notes"])(get_note)
