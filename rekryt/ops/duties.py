"""The worker's duties, collected from each installed app's `duties` module.

An app with background work defines `DUTIES = [SomeDuty, ...]` in
`<app>/duties.py`; the worker loop never changes when a capability is added."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from rekryt.lib.appmodules import app_modules
from rekryt.lib.duty import Duty

log = logging.getLogger(__name__)

__all__ = ["Duty", "load_duties", "run_until_idle"]


def load_duties(lanes: Iterable[str] | None = None) -> list[Duty]:
    """Every app's duties, or only those of `lanes`."""
    wanted = set(lanes) if lanes is not None else None
    duties: list[Duty] = []
    for module in app_modules("duties"):
        for cls in getattr(module, "DUTIES", []):
            if wanted is None or cls.lane in wanted:
                duties.append(cls())
    return duties


def run_until_idle(duties: list[Duty] | None = None, limit: int = 100_000) -> int:
    """Run every duty until none has work: for tests, the bench and --once."""
    duties = duties if duties is not None else load_duties()
    done = 0
    busy = True
    while busy and done < limit:
        busy = False
        for duty in duties:
            try:
                while units := int(duty.handle_one()):
                    busy = True
                    done += units
                    if done >= limit:
                        break
            finally:
                duty.close()
    return done


def describe(duties: list[Any]) -> str:
    return ", ".join(d.name for d in duties)
