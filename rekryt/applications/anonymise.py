"""Turn an application into statistics: keep its shape, remove the person.

What stays (AnonymisedApplication): the job, the stages it passed, the stage
it ended in, the month it was made and decided, where the candidate heard of
the job (a rare ?source= slug becomes "other"), the outcome and the reason
with its kind. Everything else about the application goes in the same
transaction: documents (their files once it
commits), notes, the timeline, emails, portal messages, survey links and
comments, and its id in bulk rejections."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from rekryt.applications.models import (
    AnonymisedApplication,
    Application,
    BulkRejection,
    Event,
    EventKind,
    Note,
    Outcome,
    Source,
)
from rekryt.audit.log import record
from rekryt.audit.models import Action
from rekryt.lib.appmodules import app_modules
from rekryt.privacy.erasure import add_counts


def month_of(moment: datetime | None) -> date | None:
    if moment is None:
        return None
    return timezone.localtime(moment).date().replace(day=1)


def stages_passed(application: Application, events: list[Event]) -> list[int]:
    """Stage ids in the order the application entered them, from its timeline."""
    moves = [e.data or {} for e in events if e.kind == EventKind.STAGE_MOVED]
    first = moves[0].get("from_stage") if moves else application.stage_id
    order: list[int] = []
    for stage in [first, *(m.get("to_stage") for m in moves)]:
        if isinstance(stage, int) and stage not in order:
            order.append(stage)
    return order


# A source shared by this many other applications cannot single anyone out.
SHARED_SOURCE = 3


def safe_source(application: Application) -> str:
    """The ?source= slug is free text: a unique one ("anna-referral") could
    point at the person, so it is kept only when it is one of the known
    sources or shared with other applications; otherwise it becomes "other"."""
    source = application.source
    if not source or source in Source.values:
        return source
    others = (
        Application.objects.filter(source=source).exclude(pk=application.pk)[:SHARED_SOURCE].count()
        + AnonymisedApplication.objects.filter(source=source)[:SHARED_SOURCE].count()
    )
    return source if others >= SHARED_SOURCE else Source.OTHER


def _remove_from_bulk_rejections(pk: int) -> None:
    # JSON containment differs between databases; bulk rejections are few.
    for bulk in BulkRejection.objects.only("pk", "application_ids"):
        ids = list(bulk.application_ids or [])
        if pk in ids:
            bulk.application_ids = [i for i in ids if i != pk]
            bulk.save(update_fields=["application_ids"])


def anonymise_application(application: Application, *, actor: Any = None) -> AnonymisedApplication:
    with transaction.atomic():
        app = (
            Application.objects.select_for_update(of=("self",))
            .select_related("rejection_reason")
            .get(pk=application.pk)
        )
        events = list(Event.objects.filter(application=app).order_by("created_at", "pk"))
        reason = app.rejection_reason
        ended = app.outcome != Outcome.ACTIVE
        anonymised = AnonymisedApplication.objects.create(
            job_id=app.job_id,
            stages_passed=stages_passed(app, events),
            ended_stage_id=app.ended_stage_id,
            applied_month=timezone.localtime(app.created_at).date().replace(day=1),
            decided_month=month_of(app.ended_at) if ended else None,
            source=safe_source(app),
            heard_from=app.heard_from,
            outcome=app.outcome,
            rejection_reason=reason,
            reason_kind=reason.kind if reason else "",
        )
        counts: dict[str, int] = {}
        # Later apps first: they build on this one (portal, surveys, ...).
        for module in reversed(app_modules("personal_data")):
            hook = getattr(module, "erase_application", None)
            if hook is not None:
                add_counts(counts, hook(app))
        counts["notes"] = Note.objects.filter(application=app).delete()[0]
        counts["events"] = Event.objects.filter(application=app).delete()[0]
        old_pk = app.pk
        _remove_from_bulk_rejections(old_pk)
        app.delete()
        record(
            Action.ANONYMISE,
            actor=actor,
            target_type="applications.application",
            target_id=old_pk,
            detail="anonymised",
            params={"kept_as": anonymised.pk},
        )
    # What went with it, for the caller's ErasureRecord (counts only).
    anonymised.erased_counts = counts  # type: ignore[attr-defined]
    return anonymised
