"""Random recruitment history made through the real actions, and the worker
run to the end of it, for the roll-up tests."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

import time_machine
from django.utils import timezone

from conftest import make_application
from rekryt.analytics.duties import RollUp
from rekryt.applications.actions import move_to_stage, reopen, set_outcome
from rekryt.applications.models import Application, Outcome, ReasonKind, RejectionReason
from rekryt.jobs.models import Job, stages_for
from rekryt.ops.duties import load_duties, run_until_idle


def random_history(jobs: list[Job], count: int, seed: int, actor: Any = None) -> list[Application]:
    """`count` applications with random moves (forwards, backwards, skipping),
    outcomes with reasons and reopenings, made through the actions."""
    rng = random.Random(seed)
    declined = list(RejectionReason.objects.filter(kind=ReasonKind.DECLINED))
    withdrew = list(RejectionReason.objects.filter(kind=ReasonKind.WITHDREW))
    made = []
    for n in range(count):
        job = rng.choice(jobs)
        stages = list(stages_for(job))
        application = make_application(job, source=rng.choice(["", "linkedin", "mässa"]))
        for _step in range(rng.randint(0, 4)):
            application.refresh_from_db()
            roll = rng.random()
            if not application.is_active:
                if roll < 0.3:
                    reopen(application, actor)
                continue
            if roll < 0.6:
                move_to_stage(application, rng.choice(stages), actor)
            elif roll < 0.75:
                set_outcome(application, Outcome.REJECTED, actor, rng.choice(declined))
            elif roll < 0.85:
                set_outcome(application, Outcome.WITHDRAWN, actor, rng.choice(withdrew))
            else:
                set_outcome(application, Outcome.HIRED, actor)
        made.append(application)
        if n % 5 == 0:
            application.refresh_from_db()
    return made


def deliver_and_roll_up(days: int = 2) -> None:
    """Let time pass: the worker sends what is due, then the roll-up reads
    every settled event."""
    with time_machine.travel(timezone.now() + timedelta(days=days), tick=False):
        run_until_idle(load_duties())
    with time_machine.travel(timezone.now() + timedelta(days=days, minutes=10), tick=False):
        run_until_idle([RollUp()])
