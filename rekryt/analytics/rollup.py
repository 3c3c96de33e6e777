"""Keeping the roll-ups: `catch_up` folds the next batch of the Event log
into `Figure` counters (the duty calls it), `recount` folds the whole log
again in memory to check them, `rebuild` starts over.

A batch is: the events after the cursor that are at least `SETTLE` old (on
PostgreSQL an id is taken before its transaction commits, so a younger
event with a lower id may still appear), their applications' remembered
state, their jobs' stages and their emails' kinds — four reads — then one
executemany upsert that adds to the counters, one for the states and the
cursor moved, all in one transaction that first locks the cursor row (an
erasure takes the same lock, see rekryt.analytics.personal_data)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from rekryt.analytics.fold import READ_KINDS, Event, Folder, Key, State, World, summed
from rekryt.analytics.models import Cursor, Figure, Progress, Summary
from rekryt.applications.models import Event as EventRow
from rekryt.applications.models import EventKind
from rekryt.jobs.models import Stage
from rekryt.messaging.models import Message

BATCH = 5000
SETTLE = timedelta(minutes=5)
# One statement, written out: the columns are the unique key of Figure.
SUMMARY_UPSERT = (
    "INSERT INTO analytics_summary (month, source, stage, kind, reason, erased, n, seconds) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s) "
    "ON CONFLICT (month, source, stage, kind, reason, erased) DO UPDATE SET "
    "n = analytics_summary.n + excluded.n, seconds = analytics_summary.seconds + excluded.seconds"
)
UPSERT = (
    "INSERT INTO analytics_figure (month, job_id, source, stage, kind, reason, erased, n, seconds) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) "
    "ON CONFLICT (month, job_id, source, stage, kind, reason, erased) DO UPDATE SET "
    "n = analytics_figure.n + excluded.n, seconds = analytics_figure.seconds + excluded.seconds"
)
STATE_FIELDS = [*State.FIELDS]


def summarised(totals: dict[Key, list[int]], world: World) -> dict[Any, list[int]]:
    """Per-job counters added up over every job (see Summary)."""
    found: dict[Any, list[int]] = {}
    for key, (n, s) in totals.items():
        target = world.summary_key(key)
        if target is not None:
            sums = found.setdefault(target, [0, 0])
            sums[0] += n
            sums[1] += s
    return found


def add_to_figures(totals: dict[Key, list[int]], world: World, *, erased: bool = False) -> int:
    """Add the summed deltas to the counters and to the summary, one
    executemany each."""
    day = connection.ops.adapt_datefield_value
    rows = [
        (day(month), job, source, stage, kind, reason, erased, n, s)
        for (month, job, source, stage, kind, reason), (n, s) in totals.items()
        if n or s
    ]
    summary = [
        (day(month), source, stage, kind, reason, erased, n, s)
        for (month, source, stage, kind, reason), (n, s) in summarised(totals, world).items()
        if n or s
    ]
    with connection.cursor() as cursor:
        if rows:
            cursor.executemany(UPSERT, rows)
        if summary:
            cursor.executemany(SUMMARY_UPSERT, summary)
    return len(rows)


def world_for(job_ids: Iterable[int]) -> World:
    stages = Stage.objects.filter(job_id__in=set(job_ids)).order_by("job_id", "order", "pk")
    return World.of(list(stages.values_list("pk", "job_id", "kind")))


def read_events(query: Any) -> list[Event]:
    """Events as the fold takes them, with their emails' kinds (two queries)."""
    rows = list(
        query.values_list(
            "pk",
            "kind",
            "data",
            "created_at",
            "application_id",
            "application__job_id",
            "application__source",
            "application__created_at",
        )
    )
    events = [Event(pk, kind, data or {}, *rest) for pk, kind, data, *rest in rows]
    message_ids: set[int] = {
        e.data["message"]
        for e in events
        if e.kind == EventKind.MESSAGE_SENT and isinstance(e.data.get("message"), int)
    }
    if message_ids:
        kinds = dict(Message.objects.filter(pk__in=message_ids).values_list("pk", "kind"))
        for event in events:
            if event.kind == EventKind.MESSAGE_SENT:
                event.message_kind = kinds.get(event.data.get("message") or 0, "")
    return events


def fold_all(events: list[Event], states: dict[int, State], world: World) -> Folder:
    folder = Folder(world)
    for event in events:
        state = states.get(event.application)
        if state is None:
            state = states[event.application] = State.fresh(event)
        folder.fold(state, event)
    return folder


def catch_up(batch: int = BATCH, now: datetime | None = None) -> int:
    """Fold the next batch; returns how many events it read (0: caught up)."""
    now = now or timezone.now()
    Cursor.objects.get_or_create(pk=1)
    with transaction.atomic():
        cursor = Cursor.objects.select_for_update().get(pk=1)
        # Ids first, on the event table alone (its primary key); an event
        # too young to be sure no lower id is still to commit ends the batch.
        ids = []
        for pk, at in (
            EventRow.objects.filter(pk__gt=cursor.last_event_id)
            .order_by("pk")
            .values_list("pk", "created_at")[:batch]
        ):
            if at > now - SETTLE:
                break
            ids.append(pk)
        if not ids:
            return 0
        events = read_events(
            EventRow.objects.filter(pk__gte=ids[0], pk__lte=ids[-1], kind__in=READ_KINDS).order_by(
                "pk"
            )
        )
        applications = {e.application for e in events}
        states = {
            row.application_id: State.of(row)
            for row in Progress.objects.filter(application_id__in=applications)
        }
        world = world_for(e.job for e in events)
        folder = fold_all(events, states, world)
        add_to_figures(summed(folder.deltas), world)
        Progress.objects.bulk_create(
            [state.row(pk) for pk, state in states.items()],
            update_conflicts=True,
            unique_fields=["application"],
            update_fields=STATE_FIELDS,
            batch_size=500,
        )
        cursor.last_event_id = ids[-1]
        cursor.caught_up_at = now
        cursor.save(update_fields=["last_event_id", "caught_up_at"])
    return len(ids)


def catch_up_all(now: datetime | None = None) -> int:
    """Every batch there is; returns how many events were read."""
    read = 0
    while done := catch_up(now=now):
        read += done
    return read


def recount() -> dict[Key, list[int]]:
    """Every live counter folded again from the whole log, in memory."""
    events = read_events(EventRow.objects.filter(kind__in=READ_KINDS).order_by("pk"))
    folder = fold_all(events, {}, world_for({e.job for e in events}))
    return {key: value for key, value in summed(folder.deltas).items() if any(value)}


def stored() -> dict[Key, list[int]]:
    """The live counters as the roll-up keeps them (rows at zero left out)."""
    rows = Figure.objects.filter(erased=False).exclude(n=0, seconds=0)
    return {
        (r.month, r.job_id, r.source, r.stage, r.kind, r.reason): [r.n, r.seconds]
        for r in rows.order_by()
    }


def stored_summary() -> dict[Any, list[int]]:
    rows = Summary.objects.filter(erased=False).exclude(n=0, seconds=0)
    return {(r.month, r.source, r.stage, r.kind, r.reason): [r.n, r.seconds] for r in rows}


def summary_of_stored() -> dict[Any, list[int]]:
    """The summary as the stored per-job counters add up (with today's stages)."""
    figures = stored()
    found = summarised(figures, world_for({key[1] for key in figures}))
    return {key: value for key, value in found.items() if any(value)}


def rebuild() -> int:
    """Forget the live counters and fold the whole log again (erased rows
    stay: their events are gone)."""
    with transaction.atomic():
        Figure.objects.filter(erased=False).delete()
        Summary.objects.filter(erased=False).delete()
        Progress.objects.all().delete()
        Cursor.objects.update_or_create(pk=1, defaults={"last_event_id": 0})
    return catch_up_all()
