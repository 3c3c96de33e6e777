"""Move the demo's freshly written rows to the past.

The actions stamp everything with the current time. Each application's plan
says when it was submitted and when each later step (stage move, note,
outcome) happened; events are replayed onto those times in the order the
actions wrote them, and the rows they point at (notes, emails, documents,
the application and candidate themselves) follow their events. The
emails (receipts, invitations, rejections) are marked delivered to the
development mailbox, with a "sent" event like the worker writes, so starting
the worker does not send hundreds of stale emails."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import groupby
from typing import Any

from django.utils import timezone

from rekryt.applications.actions import message_values
from rekryt.applications.models import Application, Event, EventKind, Note
from rekryt.candidates.models import Candidate, Document
from rekryt.messaging.models import EmailTemplate, Message, MessageStatus, TemplateKind
from rekryt.messaging.outbox import RETRY_WINDOW, template_for
from rekryt.messaging.rendering import render

# Events written by a planned step; every other event belongs to the step
# before it (a confirmation email queued on submit, say).
STEP_EVENTS = {
    EventKind.STAGE_MOVED,
    EventKind.NOTE_ADDED,
    EventKind.OUTCOME_SET,
    EventKind.REOPENED,
}
BATCH = 500
PORTAL_LINK = re.compile(r"https?://\S+?/portal/t/[^/\s]+/")


@dataclass
class Timeline:
    application_id: int
    candidate_id: int
    applied_at: datetime
    step_times: list[datetime]


@dataclass
class Found:
    """Times read off the replayed events, for the rows that follow them."""

    stage_entered: dict[int, datetime]
    ended: dict[int, datetime]
    notes: dict[int, datetime]
    messages: dict[int, datetime]


def backdate(timelines: list[Timeline]) -> None:
    by_application = {t.application_id: t for t in timelines}
    found = _replay_events(by_application)
    _applications(timelines, found)
    _candidates(timelines)
    _documents(by_application)
    Note.objects.bulk_update(
        [Note(pk=pk, created_at=at) for pk, at in found.notes.items()],
        ["created_at"],
        batch_size=BATCH,
    )
    emails_sent(found.messages)


def _replay_events(by_application: dict[int, Timeline]) -> Found:
    found = Found({}, {}, {}, {})
    events = list(
        Event.objects.filter(application_id__in=list(by_application)).order_by(
            "application_id", "pk"
        )
    )
    for application_id, group in groupby(events, key=lambda e: e.application_id):
        timeline = by_application[application_id]
        steps = iter(timeline.step_times)
        at = timeline.applied_at
        for event in group:
            if event.kind in STEP_EVENTS:
                at = next(steps, at)
            event.created_at = at
            _note_time(found, event, at)
    Event.objects.bulk_update(events, ["created_at"], batch_size=BATCH)
    return found


def _note_time(found: Found, event: Event, at: datetime) -> None:
    kind, data = event.kind, event.data
    if kind == EventKind.STAGE_MOVED:
        found.stage_entered[event.application_id] = at
    elif kind == EventKind.OUTCOME_SET:
        found.ended[event.application_id] = at
    elif kind == EventKind.NOTE_ADDED and data.get("note"):
        found.notes[data["note"]] = at
    elif kind == EventKind.MESSAGE_QUEUED and data.get("message"):
        found.messages[data["message"]] = at


def _applications(timelines: list[Timeline], found: Found) -> None:
    rows = [
        Application(
            pk=t.application_id,
            created_at=t.applied_at,
            stage_entered_at=found.stage_entered.get(t.application_id, t.applied_at),
            ended_at=found.ended.get(t.application_id),
        )
        for t in timelines
    ]
    Application.objects.bulk_update(
        rows, ["created_at", "stage_entered_at", "ended_at"], batch_size=BATCH
    )


def _candidates(timelines: list[Timeline]) -> None:
    first: dict[int, datetime] = {}
    for t in timelines:
        first[t.candidate_id] = min(first.get(t.candidate_id, t.applied_at), t.applied_at)
    Candidate.objects.bulk_update(
        [Candidate(pk=pk, created_at=at) for pk, at in first.items()],
        ["created_at"],
        batch_size=BATCH,
    )


def _documents(by_application: dict[int, Timeline]) -> None:
    documents = Document.objects.filter(application_id__in=list(by_application)).values_list(
        "pk", "application_id"
    )
    Document.objects.bulk_update(
        [Document(pk=pk, created_at=by_application[app].applied_at) for pk, app in documents],
        ["created_at"],
        batch_size=BATCH,
    )


def emails_sent(queued_at: dict[int, datetime]) -> None:
    """Date each email the seed caused by its event, keeping its delay (a
    rejection waits a day), and mark it delivered to the development mailbox.
    Receipts are re-rendered for their new date (the reply-by promise moves
    with it). An email whose delay has not yet passed stays scheduled: the
    worker sends it when it is due, as it would have."""
    now = timezone.now()
    rng = random.Random(len(queued_at))
    messages = list(Message.objects.filter(pk__in=list(queued_at)))
    applications = Application.objects.select_related("job__recruiter", "candidate").in_bulk(
        [m.application_id for m in messages if m.application_id]
    )
    templates: dict[tuple[str, str], EmailTemplate] = {}
    sent_events: list[Event] = []
    for message in messages:
        at = queued_at[message.pk]
        delay = max(message.send_after - message.created_at, timedelta(0))
        application = applications.get(message.application_id or 0)
        if application is not None and message.kind == TemplateKind.APPLICATION_RECEIVED:
            _rerender(message, application, templates)
        message.created_at, message.send_after = at, at + delay
        message.give_up_at = message.send_after + RETRY_WINDOW
        sent_at = message.send_after + timedelta(seconds=rng.randint(5, 90))
        if sent_at > now:
            message.status, message.sent_at = MessageStatus.SCHEDULED, None
            continue
        message.sent_at = sent_at
        message.status, message.to_mailbox = MessageStatus.SENT, True
        if message.application_id:
            sent_events.append(sent_event(message, message.application_id, sent_at))
    Message.objects.bulk_update(
        messages,
        [
            *("subject", "body_text", "body_html"),
            *("created_at", "send_after", "give_up_at", "sent_at", "status", "to_mailbox"),
        ],
        batch_size=BATCH,
    )
    Event.objects.bulk_create(sent_events, batch_size=BATCH)


def _rerender(
    message: Message, application: Application, templates: dict[tuple[str, str], Any]
) -> None:
    key = (message.kind, message.language)
    if key not in templates:
        templates[key] = template_for(*key)
    # Keep the portal link minted when the email was queued.
    link = PORTAL_LINK.search(message.body_text)
    values = {**message_values(application), "portal_url": link.group(0) if link else ""}
    rendered = render(templates[key], values)
    message.subject, message.body_text, message.body_html = (
        rendered.subject[:300],
        rendered.text,
        rendered.html,
    )


def sent_event(message: Message, application_id: int, sent_at: datetime) -> Event:
    # The same event the delivery hook writes (rekryt.applications.timeline).
    return Event(
        application_id=application_id,
        kind=EventKind.MESSAGE_SENT,
        data={"message": message.pk, "subject": message.subject, "error": ""},
        created_at=sent_at,
    )
