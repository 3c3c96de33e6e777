"""The emails a staff member's stage move causes, while they wait to go out.

A move queues the entered stage's email no sooner than the organisation's
`stage_email_delay_minutes` (rekryt.applications.automations.send_time). Until
then the board card and the timeline show it with a preview, and the move can
be undone: the application returns to the stage it came from, the email is
cancelled, and the emails of that stage which the move had cancelled are
scheduled again. The return move queues nothing of its own: an undo puts
things back as they were, it is not a new entry into the stage."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.db.models.fields.json import KT
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from rekryt.accounts.models import User
from rekryt.applications import automations
from rekryt.applications.actions import stage_names
from rekryt.applications.models import Application, Event, EventKind, record
from rekryt.jobs.models import Stage
from rekryt.messaging.actions import cancel_message, restore_message
from rekryt.messaging.models import Message, MessageStatus


def pending_by_application(applications: Iterable[Application]) -> dict[int, Message]:
    """Each application's waiting email of the stage it is in now, in one
    query for all of them (the board's cards). Each carries `undoable`: it was
    queued by a move that can still be undone (not by an undo, nor by the
    application's arrival in its first stage)."""
    by_pk = {a.pk: a for a in applications}
    if not by_pk:
        return {}
    last_move = Event.objects.filter(
        application=OuterRef("application"), kind=EventKind.STAGE_MOVED
    ).order_by("-created_at", "-pk")
    waiting = (
        # By job, not by 300 application ids (building that IN list cost more
        # than the query): few stage emails of a job wait at any time.
        Message.objects.filter(
            application__job_id__in={a.job_id for a in by_pk.values()},
            status=MessageStatus.SCHEDULED,
            idempotency_key__startswith="stage:",
        )
        .only("pk", "kind", "send_after", "idempotency_key", "application_id", "subject")
        .annotate(
            moved_to=Subquery(last_move.values(key=KT("data__to_stage"))[:1]),
            moved_by_undo=Subquery(last_move.values(key=KT("data__undo"))[:1]),
        )
        .order_by("send_after", "pk")
    )
    found: dict[int, Message] = {}
    for message in waiting:
        application = by_pk.get(message.application_id)  # type: ignore[arg-type]
        if application is None:
            continue
        prefix = automations.stage_prefix(application, application.stage_id)
        if message.idempotency_key.startswith(prefix) and application.pk not in found:
            message.undoable = (  # type: ignore[attr-defined]
                application.is_active
                and not message.moved_by_undo  # type: ignore[attr-defined]
                and str(message.moved_to) == str(application.stage_id)  # type: ignore[attr-defined]
            )
            found[application.pk] = message
    return found


def undoable_on_timeline(
    application: Application, entries: list[Any], stage_ids: set[int]
) -> set[int]:
    """The waiting emails on an application page's timeline whose move can be
    undone: the same rule as `undoable_move`, from rows already loaded."""
    if not application.is_active:
        return set()
    moves = [e.item for e in entries if e.kind == "event" and e.item.kind == EventKind.STAGE_MOVED]
    if not moves:
        return set()
    move = moves[-1]
    if move.data.get("undo") or move.data.get("to_stage") != application.stage_id:
        return set()
    if move.data.get("from_stage") not in stage_ids:
        return set()
    prefix = automations.stage_prefix(application, application.stage_id)
    return {
        e.item.pk
        for e in entries
        if e.kind == "message"
        and e.item.status == MessageStatus.SCHEDULED
        and e.item.idempotency_key.startswith(prefix)
    }


def last_move(application: Application) -> Event | None:
    return (
        Event.objects.filter(application=application, kind=EventKind.STAGE_MOVED)
        .order_by("-created_at", "-pk")
        .first()
    )


def undoable_move(application: Application) -> Event | None:
    """The move that brought the application into its stage, while it can be
    undone: the application is active, the stage it came from still exists and
    an email of this entry is still waiting. An undo itself is not undone."""
    if not application.is_active:
        return None
    move = last_move(application)
    if move is None or move.data.get("undo") or move.data.get("to_stage") != application.stage_id:
        return None
    if not automations.pending_in(application, application.stage_id).exists():
        return None
    if not Stage.objects.filter(job=application.job_id, pk=move.data.get("from_stage")).exists():
        return None
    return move


@transaction.atomic
def undo_move(application: Application, actor: User | None) -> bool:
    """Return the application to the stage it came from and cancel the move's
    waiting email. False when the move can no longer be undone (its email has
    gone out or is going out right now, or the card has moved since)."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    move = undoable_move(application)
    if move is None:
        return False
    left = application.stage
    pending = list(automations.pending_in(application, left))
    if not all(cancel_message(message, actor) for message in pending):
        # A worker has claimed the email: it is on its way, so the move stands.
        transaction.set_rollback(True)
        return False
    previous = Stage.objects.get(pk=move.data["from_stage"])
    application.stage = previous
    # Days in stage count on from the first entry, as if the move never happened.
    entered = parse_datetime(move.data.get("from_entered_at") or "")
    application.stage_entered_at = entered or timezone.now()
    application.save(update_fields=["stage", "stage_entered_at", "updated_at"])
    record(
        application,
        EventKind.STAGE_MOVED,
        actor,
        **stage_names("from", left, application.language),
        **stage_names("to", previous, application.language),
        undo=move.pk,
    )
    _restore(application, previous, move.data.get("cancelled") or [])
    return True


def _restore(application: Application, stage: Stage, ids: list[int]) -> None:
    """Schedule again the emails of `stage` that the undone move cancelled,
    no sooner than they were due (or now)."""
    prefix = automations.stage_prefix(application, stage)
    cancelled = Message.objects.filter(
        pk__in=ids, status=MessageStatus.CANCELLED, idempotency_key__startswith=prefix
    )
    for message in cancelled:
        restore_message(message, max(message.send_after, timezone.now()))
