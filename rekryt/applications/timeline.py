"""The application's timeline: events, emails and notes in one ordered list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rekryt.applications.models import (
    Application,
    Event,
    EventKind,
    Note,
    Outcome,
    RejectionReason,
    source_label,
)
from rekryt.jobs.models import Stage, names_in
from rekryt.messaging.models import Message, MessageStatus

STATUS_EVENTS = {
    MessageStatus.SENT: EventKind.MESSAGE_SENT,
    MessageStatus.FAILED: EventKind.MESSAGE_FAILED,
    MessageStatus.CANCELLED: EventKind.MESSAGE_CANCELLED,
}


def on_message_status(messages: list[Message]) -> None:
    """Registered with messaging.hooks: each sent, failed or cancelled email
    about an application becomes an event on its timeline (one INSERT for
    the whole batch the delivery duty reports)."""
    events = []
    for message in messages:
        kind = STATUS_EVENTS.get(message.status)  # type: ignore[call-overload]
        if kind is None or message.application_id is None:
            continue
        error = message.last_error if message.status == MessageStatus.FAILED else ""
        data = {"message": message.pk, "subject": message.subject, "error": error}
        events.append(Event(application_id=message.application_id, kind=kind, data=data))
    Event.objects.bulk_create(events)


# Shown through their own rows (the Message with its current status, the Note
# with its body) rather than as bare events, so nothing appears twice.
SHOWN_AS_ROWS = {
    EventKind.NOTE_ADDED,
    EventKind.MESSAGE_QUEUED,
    EventKind.MESSAGE_SENT,
    EventKind.MESSAGE_FAILED,
    EventKind.MESSAGE_CANCELLED,
}


@dataclass
class Entry:
    """One line of the timeline: `kind` is "event", "message" or "note".

    Outcome events carry their outcome and reason, and the "applied" event its
    source, as labels in the reader's language (the event stores ids, codes
    and English names); moves carry the stage names in the reader's language
    (the event stores both, see applications.actions.stage_names)."""

    at: datetime
    kind: str
    item: Event | Message | Note
    outcome_label: str = ""
    reason_label: str = ""
    from_label: str = ""
    to_label: str = ""
    undo: bool = False
    source_label: str = ""


def stage_label(data: dict[str, object], prefix: str, stages: dict[int, Stage], lang: str) -> str:
    """A moved event's stage in `lang`: the names it stored, or for an event
    from before stages had two names the stage as it is now, or the one name
    it stored."""
    sv, en = data.get(f"{prefix}_name_sv"), data.get(f"{prefix}_name_en")
    if sv or en:
        return names_in(str(sv or ""), str(en or ""), lang)
    stage = stages.get(data.get(f"{prefix}_stage") or 0)  # type: ignore[call-overload]
    return stage.name_in(lang) if stage else str(data.get(f"{prefix}_name", ""))


def _legacy_stages(events: list[Event]) -> dict[int, Stage]:
    """Stages named by moves that stored one name only (one query, if any)."""
    ids: set[int] = set()
    for event in events:
        if event.kind == EventKind.STAGE_MOVED and "to_name_en" not in event.data:
            ids.update(i for i in (event.data.get("from_stage"), event.data.get("to_stage")) if i)
    return Stage.objects.in_bulk(ids) if ids else {}


def _event_entry(
    event: Event, reasons: dict[int, RejectionReason], stages: dict[int, Stage], language: str
) -> Entry:
    entry = Entry(event.created_at, "event", event)
    entry.source_label = source_label(event.data.get("source") or "")
    if event.kind == EventKind.STAGE_MOVED:
        entry.from_label = stage_label(event.data, "from", stages, language)
        entry.to_label = stage_label(event.data, "to", stages, language)
        entry.undo = bool(event.data.get("undo"))
        return entry
    outcome = event.data.get("outcome") or event.data.get("previous_outcome")
    if outcome in Outcome.values:
        entry.outcome_label = str(Outcome(outcome).label)
    reason = reasons.get(event.data.get("reason") or 0)
    if reason is not None:
        entry.reason_label = reason.name_in(language)
    else:
        entry.reason_label = event.data.get("reason_name", "")
    return entry


def timeline_for(application: Application, language: str) -> list[Entry]:
    """Events, emails and notes of one application, oldest first, in three
    queries whatever their number: one more when an event names a rejection
    reason, and when moves from before stages had two names need their
    stages."""
    events = list(
        Event.objects.filter(application=application)
        .exclude(kind__in=SHOWN_AS_ROWS)
        .select_related("actor")
    )
    stages = _legacy_stages(events)
    # Only the reasons the events name, and no query when none does.
    given = [e.data.get("reason") for e in events if isinstance(e.data, dict)]
    named: set[int] = {pk for pk in given if isinstance(pk, int) and pk}
    reasons = {r.pk: r for r in RejectionReason.objects.filter(pk__in=named)} if named else {}
    messages = Message.objects.filter(application=application)
    notes = Note.objects.filter(application=application).select_related("author")
    entries = [_event_entry(e, reasons, stages, language) for e in events]
    entries += [Entry(m.created_at, "message", m) for m in messages]
    entries += [Entry(n.created_at, "note", n) for n in notes]
    # Stable sort: rows created in the same instant keep their query order.
    entries.sort(key=lambda entry: entry.at)
    return entries
