"""The demo's story before it happens: who applies for which job, when, how
far each application gets and how it ends. Pure planning with one seeded
`random.Random`; `rekryt.demo.seed` plays the plan through the actions."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from rekryt.accounts.models import User
from rekryt.applications.models import Outcome, ReasonKind, RejectionReason
from rekryt.demo import data
from rekryt.demo.people import Person
from rekryt.jobs.models import Job, Stage, StageKind


@dataclass
class Opening:
    """A job of the demo company with what steers its applications."""

    job: Job
    spec: dict[str, Any]
    stages: list[Stage]
    deciders: list[User]
    note_authors: list[User]

    @property
    def pipeline(self) -> list[Stage]:
        """Stages an application can stay in (everything before "hired")."""
        return [s for s in self.stages if s.kind != StageKind.HIRED]

    @property
    def hired_stage(self) -> Stage | None:
        return next((s for s in self.stages if s.kind == StageKind.HIRED), None)


@dataclass
class Step:
    kind: str  # "move", "note" or "outcome"
    actor: User
    stage: Stage | None = None
    body: str = ""
    outcome: str = ""
    reason: RejectionReason | None = None
    at: datetime | None = None


@dataclass
class Plan:
    opening: Opening
    person: Person
    outcome: str
    stage_index: int  # in opening.stages
    applied_at: datetime = field(default_factory=timezone.now)
    steps: list[Step] = field(default_factory=list)


def plan_applications(
    rng: random.Random, openings: list[Opening], people: list[Person], now: datetime
) -> list[Plan]:
    open_ = [o for o in openings if o.spec["weight"] > 0]
    weights = [o.spec["weight"] for o in open_]
    reasons = list(RejectionReason.objects.filter(active=True))
    plans: list[Plan] = []
    for person in people:
        chosen = rng.choices(open_, weights)[:1]
        if rng.random() < 0.12:  # some people apply for two jobs
            second = rng.choices(open_, weights)[0]
            if second is not chosen[0]:
                chosen.append(second)
        for opening in chosen:
            plans.append(_plan_one(rng, opening, person, reasons, now))
    _cover_every_stage(rng, plans, open_[0], now)
    _hire_for_closed_jobs(rng, plans, now)
    return plans


def _weighted_index(rng: random.Random, count: int, decay: float) -> int:
    return rng.choices(range(count), [decay**i for i in range(count)])[0]


def _fate(rng: random.Random, opening: Opening) -> tuple[str, int]:
    """(outcome, index of the stage it ends or waits in)."""
    n = len(opening.pipeline)
    hired = opening.stages.index(opening.hired_stage) if opening.hired_stage else n - 1
    roll = rng.random()
    if opening.spec["status"] == "closed":
        if roll < 0.75:
            return Outcome.REJECTED, _weighted_index(rng, n, 0.55)
        return Outcome.WITHDRAWN, _weighted_index(rng, n, 0.8)
    if roll < 0.42:
        return Outcome.ACTIVE, _weighted_index(rng, n, 0.55)
    if roll < 0.81:
        return Outcome.REJECTED, _weighted_index(rng, max(n - 1, 1), 0.5)
    if roll < 0.985:
        return Outcome.WITHDRAWN, _weighted_index(rng, n, 0.8)
    return Outcome.HIRED, hired


def _plan_one(
    rng: random.Random,
    opening: Opening,
    person: Person,
    reasons: list[RejectionReason],
    now: datetime,
    fate: tuple[str, int] | None = None,
) -> Plan:
    outcome, index = fate or _fate(rng, opening)
    plan = Plan(opening, person, outcome, index)
    job = opening.job
    published = job.published_at or now  # only published and closed jobs get applicants
    if outcome == Outcome.ACTIVE and rng.random() >= HONEST_MISSES:
        plan.applied_at = _moving_along(rng, index, published, now)
    else:
        # Those who got far applied early; those still waiting applied lately.
        last = (job.closed_at or now) - timedelta(days=2.5 * index, hours=1)
        last = max(last, published + timedelta(hours=2))
        plan.applied_at = published + (last - published) * rng.random() ** 1.5
    plan.steps = _steps(rng, plan, reasons)
    end = min(now - timedelta(minutes=10), (job.closed_at or now) + timedelta(days=4))
    _schedule(rng, plan, end)
    return plan


# The demo company mostly keeps its no-silence promise: it reads applications
# within a couple of days and invites or declines soon after, so one still in
# play came in a few days per stage ago and has heard from someone within the
# promise. A few were left waiting too long, as happens: the waiting view
# shows them.
HONEST_MISSES = 0.06


def _moving_along(rng: random.Random, index: int, published: datetime, now: datetime) -> datetime:
    if index < 2:  # no personal email yet: read within the first response window
        days = rng.uniform(0.1, 2.0) + index * rng.uniform(0.3, 1.0)
    else:  # invited to an interview, and in touch since
        days = rng.uniform(1, 4) + index * rng.uniform(2.0, 3.5)
    return max(now - timedelta(days=days), published + timedelta(hours=2))


def _steps(rng: random.Random, plan: Plan, reasons: list[RejectionReason]) -> list[Step]:
    opening = plan.opening
    notes = data.NOTES_SV if opening.job.language == "sv" else data.NOTES_EN
    steps: list[Step] = []
    for stage in opening.stages[1 : plan.stage_index + 1]:
        steps.append(Step("move", rng.choice(opening.deciders), stage=stage))
        if rng.random() < 0.35:
            steps.append(Step("note", rng.choice(opening.note_authors), body=rng.choice(notes)))
    if plan.outcome != Outcome.ACTIVE:
        reason = _reason(rng, plan, reasons)
        steps.append(
            Step("outcome", rng.choice(opening.deciders), outcome=plan.outcome, reason=reason)
        )
    return steps


def _reason(rng: random.Random, plan: Plan, reasons: list[RejectionReason]) -> Any:
    if plan.outcome == Outcome.HIRED:
        return None
    kind = ReasonKind.WITHDREW if plan.outcome == Outcome.WITHDRAWN else ReasonKind.DECLINED
    matching = [r for r in reasons if r.kind == kind] or reasons
    if kind == ReasonKind.DECLINED and len(matching) >= 3:
        # Mostly "others matched better"; "position filled" once a job closes.
        filled = plan.opening.spec["status"] == "closed" and plan.stage_index > 0
        return matching[2] if filled else rng.choices(matching[:2], [3, 1])[0]
    return rng.choice(matching)


def _schedule(rng: random.Random, plan: Plan, end: datetime) -> None:
    """Give each step a time after the previous one, squeezed to fit before `end`.
    The first two decisions come quickly (the candidate hears within the first
    response window, bar a few honest misses), later ones take the days
    interviews and references take."""
    gaps = []
    quick = 0 if rng.random() < HONEST_MISSES else 2
    for step in plan.steps:
        if step.kind == "note":
            gaps.append(timedelta(hours=rng.uniform(2, 20)))
            continue
        quick -= 1
        gaps.append(timedelta(days=rng.uniform(0.3, 2.0) if quick >= 0 else rng.uniform(1, 5)))
    room = end - plan.applied_at
    total = sum(gaps, timedelta())
    if total > room * 0.95:
        gaps = [gap * (room * 0.95 / total) for gap in gaps]
    planned = at = plan.applied_at
    for step, gap in zip(plan.steps, gaps, strict=True):
        planned += gap
        # Staff work office hours; keep the plan when that would pass `end`.
        office = _office_hours(rng, planned)
        at = max(office if office < end else planned, at + timedelta(minutes=1))
        step.at = at


def _office_hours(rng: random.Random, moment: datetime) -> datetime:
    """The first weekday moment between 08 and 17 local time at or after `moment`."""
    # Drawn every time, so the plan's later draws (who applies where) do not
    # depend on the hour the demo is seeded at.
    minutes = rng.randint(0, 8 * 60)
    local = timezone.localtime(moment)
    if 8 <= local.hour < 17 and local.weekday() < 5:
        return moment
    if local.hour >= 17:
        local += timedelta(days=1)
    while local.weekday() >= 5:
        local += timedelta(days=1)
    return local.replace(hour=8, minute=0, second=0, microsecond=0) + timedelta(minutes=minutes)


def _cover_every_stage(
    rng: random.Random, plans: list[Plan], opening: Opening, now: datetime
) -> None:
    """The busiest job shows a card in every stage and one hire, whatever the size."""
    reasons = list(RejectionReason.objects.filter(active=True))
    fates = [(Outcome.ACTIVE, i) for i in range(len(opening.pipeline))]
    if opening.hired_stage is not None:
        fates.append((Outcome.HIRED, opening.stages.index(opening.hired_stage)))
    mine = [i for i, plan in enumerate(plans) if plan.opening is opening]
    for i, fate in zip(mine, fates, strict=False):
        plans[i] = _plan_one(rng, opening, plans[i].person, reasons, now, fate=fate)


def _hire_for_closed_jobs(rng: random.Random, plans: list[Plan], now: datetime) -> None:
    """A closed job closed because someone was hired."""
    reasons = list(RejectionReason.objects.filter(active=True))
    for i, plan in enumerate(plans):
        opening = plan.opening
        if opening.spec["status"] != "closed" or opening.hired_stage is None:
            continue
        if any(p.opening is opening and p.outcome == Outcome.HIRED for p in plans):
            continue
        fate = (Outcome.HIRED, opening.stages.index(opening.hired_stage))
        plans[i] = _plan_one(rng, opening, plan.person, reasons, now, fate=fate)
