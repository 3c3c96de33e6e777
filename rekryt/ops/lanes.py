"""Running the duties of one or more lanes in this process.

Each duty gets a turn of at most TURN seconds before the next one in the
lane; a duty that raises is paused for MAX_BACKOFF so a bug cannot make the
loop spin. The lanes themselves are separate processes (rekryt.ops.supervisor),
so a slow document in `extraction` never delays an email in `delivery`."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence

from django.db import close_old_connections

from rekryt.lib.duty import DELIVERY, Duty

log = logging.getLogger("rekryt.worker")
TURN = 0.5  # seconds of work per duty before the next one in the lane
MAX_BACKOFF = 60.0
# How long an idle lane waits before looking again: the delivery lane looks
# often, since a receipt is waited for; the others can wait a little longer.
IDLE_SLEEP = {DELIVERY: 0.25}
DEFAULT_IDLE_SLEEP = 2.0


def idle_sleep(lanes: Sequence[str]) -> float:
    return min(IDLE_SLEEP.get(lane, DEFAULT_IDLE_SLEEP) for lane in lanes)


class LaneLoop:
    """Turns for `duties` until `stopping()` says stop."""

    def __init__(self, duties: list[Duty], stopping: Callable[[], bool], sleep: float):
        self.duties = duties
        self.stopping = stopping
        self.sleep = sleep
        self.paused_until = {duty.name: 0.0 for duty in duties}
        for duty in duties:
            duty.should_stop = stopping

    def run(self) -> None:
        while not self.stopping():
            busy = any([self.turn(duty) for duty in self.duties])
            close_old_connections()
            if not busy:
                self._sleep(self.sleep)

    def turn(self, duty: Duty) -> bool:
        """Work on `duty` for up to TURN seconds; true if it did anything."""
        if self.paused_until[duty.name] > time.monotonic():
            return False
        done = 0
        end = time.monotonic() + TURN
        idle = True
        try:
            while not self.stopping():
                units = int(duty.handle_one())
                if not units:
                    break
                done += units
                if time.monotonic() >= end:
                    idle = False  # more to do: keep its connection for the next turn
                    break
        except Exception:
            # An unexpected error must not make the loop spin: pause this duty.
            log.exception("duty %s failed", duty.name)
            self.paused_until[duty.name] = time.monotonic() + MAX_BACKOFF
            close_old_connections()
        finally:
            if idle or self.stopping():
                duty.close()
        return done > 0

    def _sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while not self.stopping() and time.monotonic() < end:
            time.sleep(min(0.05, seconds))
