"""Generated recruitment history for the analytics benchmark: applications
over a year to JOBS jobs in ten departments, each with the events a real one
has — applied, a receipt, moves through the stages (some skipping one),
rejections with reasons, withdrawals, hires, offers and their emails.

Bulk-inserted with executemany (rekryt.lib.bulk; a measuring fixture, not
demo data): candidates, applications and events, in batches. The emails the
events name are a handful of shared Message rows (one per kind), so the
roll-up looks up real kinds without a million messages to write."""

from __future__ import annotations

import itertools
import json
import random
import secrets
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from rekryt.accounts.models import Role, User
from rekryt.applications.models import (
    Application,
    Event,
    EventKind,
    Outcome,
    ReasonKind,
    RejectionReason,
)
from rekryt.candidates.models import Candidate
from rekryt.jobs.actions import create_job
from rekryt.jobs.models import Job, Stage
from rekryt.lib.bulk import Rows, moment, next_ids
from rekryt.messaging.models import Message, MessageStatus, TemplateKind

JOBS = 200
BATCH = 5000
DEPARTMENTS = [
    "Lager",
    "IT",
    "Ekonomi",
    "Sälj",
    "Kundtjänst",
    "HR",
    "Produktion",
    "Logistik",
    "Marknad",
    "Inköp",
]
SOURCES = ["career_site", "linkedin", "platsbanken", "indeed", "friend", ""]
YEAR = 365


def build(count: int, out: Callable[[str], None], seed: int = 3) -> tuple[User, User, list[Job]]:
    rng = random.Random(seed)  # noqa: S311 (generated fixture, not security)
    tag = secrets.token_hex(3)
    admin = User.objects.create_user(username=f"bench-admin-{tag}", role=Role.ADMIN)
    manager = User.objects.create_user(username=f"bench-hm-{tag}", role=Role.HIRING_MANAGER)
    recruiters = [
        User.objects.create_user(username=f"bench-rec-{tag}-{n}", role=Role.RECRUITER)
        for n in range(5)
    ]
    jobs = [
        create_job(
            actor=admin,
            title=f"Bench job {n}",
            city="Örebro",
            department=DEPARTMENTS[n % len(DEPARTMENTS)],
            recruiter=recruiters[n % len(recruiters)],
        )
        for n in range(JOBS)
    ]
    jobs[0].team.add(manager)
    world = World.of(jobs)
    now = timezone.now()
    done = 0
    while done < count:
        size = min(BATCH, count - done)
        with transaction.atomic():
            write_batch(rng, world, size, now, days=YEAR, tag=tag)
        done += size
        if done % 100_000 == 0 or done == count:
            out(f"  {done:,} applications")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return admin, manager, jobs


def find() -> tuple[User, User, list[Job]]:
    """The admin, hiring manager and jobs of the newest earlier `build`."""
    from django.core.management.base import CommandError

    admin = User.objects.filter(username__startswith="bench-admin-").order_by("-pk").first()
    if admin is None:
        raise CommandError("No generated history here: run without --again first.")
    tag = admin.username.removeprefix("bench-admin-")
    manager = User.objects.get(username=f"bench-hm-{tag}")
    newest = Job.objects.filter(title__startswith="Bench job ").order_by("-pk")[:JOBS]
    jobs = sorted(newest, key=lambda job: job.pk)
    return admin, manager, jobs


class World:
    """The jobs' stages, the reasons and one shared email of each kind."""

    def __init__(self, jobs: list[Job], stages: dict[int, list[Stage]]) -> None:
        self.jobs = jobs
        self.stages = stages
        self.declined = list(RejectionReason.objects.filter(kind=ReasonKind.DECLINED))
        self.withdrew = list(RejectionReason.objects.filter(kind=ReasonKind.WITHDREW))
        self.mail = {
            kind: _shared_message(kind)
            for kind in (
                TemplateKind.APPLICATION_RECEIVED,
                TemplateKind.REJECTION,
                TemplateKind.INTERVIEW_INVITATION,
                TemplateKind.HIRED_WELCOME,
            )
        }

    @classmethod
    def of(cls, jobs: list[Job]) -> World:
        stages: dict[int, list[Stage]] = {}
        for stage in Stage.objects.filter(job__in=jobs).order_by("job_id", "order", "pk"):
            stages.setdefault(stage.job_id, []).append(stage)
        return cls(jobs, stages)


def _shared_message(kind: str) -> int:
    message = Message.objects.create(
        kind=kind,
        to_email="bench@example.org",
        subject=f"bench {kind}",
        body_text="bench",
        status=MessageStatus.SENT,
        idempotency_key=f"bench:{kind}:{secrets.token_hex(4)}",
        send_after=timezone.now(),
        give_up_at=timezone.now(),
        sent_at=timezone.now(),
    )
    return message.pk


class History:
    """Events of one application, written as plain rows."""

    def __init__(
        self, events: Rows, ids: Iterator[int], application: int, at: datetime, latest: datetime
    ) -> None:
        self.events, self.ids, self.application = events, ids, application
        self.at, self.latest = at, latest

    def add(self, kind: str, after: timedelta, **data: Any) -> None:
        # Nothing after `latest`: the roll-up reads only settled events.
        self.at = min(self.at + after, self.latest)
        self.events.add(
            id=next(self.ids),
            application_id=self.application,
            kind=kind,
            data=json.dumps(data),
            created_at=moment(self.at),
        )


def write_batch(
    rng: random.Random, world: World, size: int, now: datetime, days: int, tag: str
) -> int:
    """`size` applications made over the last `days` days, with their events;
    returns the number of events."""
    people, applications, events = Rows(Candidate), Rows(Application), Rows(Event)
    candidate_ids = next_ids(Candidate, size)
    application_ids = next_ids(Application, size)
    # Ids given here (PostgreSQL takes no NULL id); finish() moves the sequence.
    event_ids = itertools.count(next_ids(Event, 1).start)
    latest = now - timedelta(hours=1)
    for k in range(size):
        job = world.jobs[rng.randrange(len(world.jobs))]
        at = now - timedelta(hours=1) - timedelta(days=rng.random() * days)
        email = f"b{candidate_ids[k]}.{tag}@example.org"
        people.add(
            id=candidate_ids[k],
            first_name="Bench",
            last_name="Kandidat",
            email=email,
            email_normalised=email,
            created_at=moment(at),
            updated_at=moment(at),
        )
        stage, outcome, ended_at, reason = _life(
            rng, world, job, History(events, event_ids, application_ids[k], at, latest)
        )
        applications.add(
            id=application_ids[k],
            candidate_id=candidate_ids[k],
            first_name="Bench",
            last_name="Kandidat",
            email=email,
            job_id=job.pk,
            stage_id=stage.pk,
            outcome=outcome,
            rejection_reason_id=reason,
            ended_stage_id=stage.pk if ended_at else None,
            ended_at=moment(ended_at) if ended_at else None,
            source=rng.choice(SOURCES),
            created_at=moment(at),
            updated_at=moment(at),
            stage_entered_at=moment(at),
        )
    written = len(events.rows)
    for rows in (people, applications, events):
        rows.finish()
    return written


def _move(history: History, rng: random.Random, left: Stage, entered: Stage) -> None:
    since = history.at
    history.add(
        EventKind.STAGE_MOVED,
        timedelta(hours=rng.uniform(2, 240)),
        from_stage=left.pk,
        to_stage=entered.pk,
        from_entered_at=since.isoformat(),
    )


def _life(
    rng: random.Random, world: World, job: Job, history: History
) -> tuple[Stage, str, datetime | None, int | None]:
    """The application's events; returns where it stands."""
    stages = world.stages[job.pk]
    history.add(EventKind.CREATED, timedelta(0))
    history.add(
        EventKind.MESSAGE_SENT,
        timedelta(minutes=3),
        message=world.mail[TemplateKind.APPLICATION_RECEIVED],
    )
    at = 0
    while at < len(stages) - 2 and rng.random() < 0.45:
        step = 2 if rng.random() < 0.1 and at < len(stages) - 3 else 1
        _move(history, rng, stages[at], stages[at + step])
        at += step
    stage = stages[at]
    roll = rng.random()
    if roll < 0.55:
        reason = rng.choice(world.declined)
        history.add(
            EventKind.OUTCOME_SET,
            timedelta(hours=rng.uniform(1, 300)),
            outcome=Outcome.REJECTED,
            reason=reason.pk,
            stage=stage.pk,
        )
        history.add(
            EventKind.MESSAGE_SENT, timedelta(days=1), message=world.mail[TemplateKind.REJECTION]
        )
        return stage, Outcome.REJECTED, history.at, reason.pk
    if roll < 0.62:
        reason = rng.choice(world.withdrew)
        history.add(
            EventKind.OUTCOME_SET,
            timedelta(hours=rng.uniform(1, 300)),
            outcome=Outcome.WITHDRAWN,
            reason=reason.pk,
            stage=stage.pk,
        )
        return stage, Outcome.WITHDRAWN, history.at, reason.pk
    if roll < 0.64 and at >= 2:
        history.add(EventKind.OFFER_SENT, timedelta(days=rng.uniform(1, 5)), offer=0, version=1)
        history.add(EventKind.OFFER_ACCEPTED, timedelta(days=rng.uniform(1, 5)), offer=0, version=1)
        history.add(
            EventKind.OUTCOME_SET,
            timedelta(hours=2),
            outcome=Outcome.HIRED,
            reason=None,
            stage=stage.pk,
        )
        history.add(
            EventKind.MESSAGE_SENT,
            timedelta(hours=1),
            message=world.mail[TemplateKind.HIRED_WELCOME],
        )
        return stage, Outcome.HIRED, history.at, None
    return stage, Outcome.ACTIVE, None, None
