"""The rules of the roll-ups: what each event adds to which counters.

`fold(state, event, world)` is pure: given what is remembered about the
application (`State`) and one of its events, it returns the counter changes
(`Delta`s) and updates the state. The incremental duty and the full
recount both use it, in batches of any size or all at once, so they can
only disagree if batching, the stored state or the upsert are wrong — which
is what the recount test is for.

Definitions (each application counts in the month it was made):

- applied: one per application; reached: the first time an application gets
  to a stage, where passing over a stage counts as reaching it (stages in
  the job's order), so the funnel never goes up;
- left: a move out of a stage, with the time spent in it;
- hired, rejected, withdrawn: the standing outcome, at the stage it ended in
  and with its reason; reopening takes it back. Hired carries the time from
  applying to the hire;
- offers: sent (an undone send takes it back), accepted, declined;
- receipt: the first receipt sent; final: the first email after the end
  that is a personal answer or a final kind (rejection, position filled,
  withdrawal confirmed, welcome) — the promises app's definition;
- contact: every email sent to the candidate except survey invitations and
  portal links, with the silence before it (from applying or the previous
  contact) summed in seconds and counted in buckets (`SILENCE_BUCKETS`);
- promises: a promised "hear by" date counts when the next personal email
  is sent: kept when it was sent by that day, broken when later. A promise
  still open is not counted here (the waiting list shows those)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from rekryt.analytics.models import Kind, Progress
from rekryt.applications.models import EventKind
from rekryt.messaging.models import TemplateKind
from rekryt.promises.figures import FINAL_KINDS
from rekryt.promises.rules import parse_day
from rekryt.promises.waiting import NOT_CONTACT, NOT_PERSONAL

# Upper bounds (days, exclusive) of the silence buckets; the last is open.
SILENCE_BUCKETS = (3, 7, 14, 30)
OUTCOME_KINDS = {"hired": Kind.HIRED, "rejected": Kind.REJECTED, "withdrawn": Kind.WITHDRAWN}
OFFER_KINDS = {
    EventKind.OFFER_SENT: (Kind.OFFER_SENT, 1),
    EventKind.OFFER_SEND_UNDONE: (Kind.OFFER_SENT, -1),
    EventKind.OFFER_ACCEPTED: (Kind.OFFER_ACCEPTED, 1),
    EventKind.OFFER_DECLINED: (Kind.OFFER_DECLINED, 1),
}
# The events the fold reads; the duty skips the rest in the query.
READ_KINDS = [
    EventKind.CREATED,
    EventKind.STAGE_MOVED,
    EventKind.OUTCOME_SET,
    EventKind.REOPENED,
    EventKind.MESSAGE_SENT,
    EventKind.PROMISE_SET,
    *OFFER_KINDS,
]

# (month, job, source, stage, kind, reason)
Key = tuple[date, int, str, int, str, int]


def silence_bucket(days: float) -> int:
    """The bucket of a silence: 0 for under 3 days … 4 for 30 days or more."""
    for index, bound in enumerate(SILENCE_BUCKETS):
        if days < bound:
            return index
    return len(SILENCE_BUCKETS)


@dataclass
class Event:
    """What the fold needs of an event and its application."""

    pk: int
    kind: str
    data: dict[str, Any]
    at: datetime
    application: int
    job: int
    source: str
    applied_at: datetime
    message_kind: str = ""


@dataclass
class State:
    month: date
    job: int
    source: str
    applied_at: datetime
    reached_order: int = -1
    outcome: str = ""
    outcome_stage: int = 0
    outcome_reason: int = 0
    outcome_seconds: int = 0
    receipt: bool = False
    final: bool = False
    ended: bool = False
    last_contact_at: datetime | None = None
    promise_by: date | None = None

    @classmethod
    def fresh(cls, event: Event) -> State:
        month = timezone.localtime(event.applied_at).date().replace(day=1)
        return cls(month, event.job, event.source[:40], event.applied_at)

    FIELDS = (
        "reached_order",
        "outcome",
        "outcome_stage",
        "outcome_reason",
        "outcome_seconds",
        "receipt",
        "final",
        "ended",
        "last_contact_at",
        "promise_by",
    )

    @classmethod
    def of(cls, row: Progress) -> State:
        state = cls(row.month, row.job_id_key, row.source, row.created_at)
        for name in cls.FIELDS:
            setattr(state, name, getattr(row, name))
        return state

    def row(self, application: int) -> Progress:
        values = {name: getattr(self, name) for name in self.FIELDS}
        return Progress(
            application_id=application,
            month=self.month,
            job_id_key=self.job,
            source=self.source,
            created_at=self.applied_at,
            **values,
        )


@dataclass
class World:
    """Each job's stages in order: stage id → its position, job → ids; each
    stage's kind, and which stages are their job's first of a kind."""

    position: dict[int, int] = field(default_factory=dict)
    ordered: dict[int, list[int]] = field(default_factory=dict)
    kind_of: dict[int, str] = field(default_factory=dict)
    first_of_kind: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, stages: list[tuple[int, int, str]]) -> World:
        """From (stage id, job id, kind) already in each job's order."""
        world = cls()
        seen: set[tuple[int, str]] = set()
        for pk, job, kind in stages:
            ids = world.ordered.setdefault(job, [])
            world.position[pk] = len(ids)
            ids.append(pk)
            world.kind_of[pk] = kind
            if (job, kind) not in seen:
                seen.add((job, kind))
                world.first_of_kind.add(pk)
        return world

    def summary_key(self, key: Key) -> tuple[date, str, str, str, int] | None:
        """Where a counter of one job adds up in the all-jobs summary."""
        month, _job, source, stage, kind, reason = key
        if kind == Kind.REACHED and stage not in self.first_of_kind:
            return None
        return (month, source, self.kind_of.get(stage, "") if stage else "", kind, reason)


Delta = tuple[Key, int, int]


class Folder:
    """Collects the deltas of a run of events."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.deltas: list[Delta] = []

    def add(
        self,
        state: State,
        kind: str,
        n: int = 1,
        *,
        stage: int = 0,
        reason: int = 0,
        seconds: int = 0,
    ) -> None:
        key = (state.month, state.job, state.source, stage, str(kind), reason)
        self.deltas.append((key, n, seconds))

    def fold(self, state: State, event: Event) -> None:
        handler = HANDLERS.get(event.kind)
        if handler is not None:
            handler(self, state, event)

    def reach(self, state: State, stage: Any) -> None:
        position = self.world.position.get(stage) if isinstance(stage, int) else None
        if position is None or position <= state.reached_order:
            return
        for passed in self.world.ordered[state.job][state.reached_order + 1 : position + 1]:
            self.add(state, Kind.REACHED, stage=passed)
        state.reached_order = position


def _seconds(later: datetime, earlier: datetime | None) -> int:
    return max(int((later - earlier).total_seconds()), 0) if earlier else 0


def _created(f: Folder, state: State, event: Event) -> None:
    f.add(state, Kind.APPLIED)
    first = f.world.ordered.get(state.job) or []
    if first:
        f.reach(state, first[0])
    state.last_contact_at = state.last_contact_at or event.applied_at


def _moved(f: Folder, state: State, event: Event) -> None:
    data = event.data
    left, entered = data.get("from_stage"), data.get("from_entered_at")
    if isinstance(left, int):
        since = parse_datetime(entered) if isinstance(entered, str) else None
        f.add(state, Kind.LEFT, stage=left, seconds=_seconds(event.at, since))
    f.reach(state, data.get("to_stage"))


def _take_back_outcome(f: Folder, state: State) -> None:
    kind = OUTCOME_KINDS.get(state.outcome)
    if kind is not None:
        f.add(
            state,
            kind,
            -1,
            stage=state.outcome_stage,
            reason=state.outcome_reason,
            seconds=-state.outcome_seconds,
        )
    state.outcome, state.outcome_stage, state.outcome_reason, state.outcome_seconds = "", 0, 0, 0


def _outcome(f: Folder, state: State, event: Event) -> None:
    kind = OUTCOME_KINDS.get(str(event.data.get("outcome")))
    if kind is None:
        return
    _take_back_outcome(f, state)
    stage, reason = event.data.get("stage"), event.data.get("reason")
    state.outcome = str(event.data["outcome"])
    state.outcome_stage = stage if isinstance(stage, int) else 0
    state.outcome_reason = reason if isinstance(reason, int) else 0
    state.outcome_seconds = _seconds(event.at, state.applied_at) if kind == Kind.HIRED else 0
    state.ended = True
    f.add(
        state,
        kind,
        stage=state.outcome_stage,
        reason=state.outcome_reason,
        seconds=state.outcome_seconds,
    )


def _reopened(f: Folder, state: State, event: Event) -> None:
    _take_back_outcome(f, state)
    state.ended = False


def _offer(f: Folder, state: State, event: Event) -> None:
    kind, n = OFFER_KINDS[event.kind]  # type: ignore[index]
    f.add(state, kind, n)


def _sent(f: Folder, state: State, event: Event) -> None:
    kind = event.message_kind
    if not kind or kind in NOT_CONTACT:
        return
    gap = _seconds(event.at, state.last_contact_at)
    f.add(state, Kind.CONTACT, seconds=gap)
    f.add(state, Kind.SILENCE, reason=silence_bucket(gap / 86400))
    state.last_contact_at = event.at
    if kind == TemplateKind.APPLICATION_RECEIVED and not state.receipt:
        state.receipt = True
        f.add(state, Kind.RECEIPT)
    personal = kind not in NOT_PERSONAL
    if state.ended and not state.final and (personal or kind in FINAL_KINDS):
        state.final = True
        f.add(state, Kind.FINAL)
    if personal and state.promise_by is not None:
        kept = timezone.localtime(event.at).date() <= state.promise_by
        f.add(state, Kind.PROMISE_KEPT if kept else Kind.PROMISE_BROKEN)
        state.promise_by = None


def _promise(f: Folder, state: State, event: Event) -> None:
    day = parse_day(event.data.get("hear_by"))
    if day is not None:
        state.promise_by = day


HANDLERS: dict[str, Any] = {
    EventKind.CREATED: _created,
    EventKind.STAGE_MOVED: _moved,
    EventKind.OUTCOME_SET: _outcome,
    EventKind.REOPENED: _reopened,
    EventKind.MESSAGE_SENT: _sent,
    EventKind.PROMISE_SET: _promise,
    **dict.fromkeys(OFFER_KINDS, _offer),
}


def summed(deltas: list[Delta]) -> dict[Key, list[int]]:
    """Deltas added up per key."""
    total: dict[Key, list[int]] = {}
    for key, n, seconds in deltas:
        found = total.setdefault(key, [0, 0])
        found[0] += n
        found[1] += seconds
    return total
