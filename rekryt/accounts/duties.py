"""The accounts app's background work (run by `manage.py worker`)."""

from __future__ import annotations

import time

from rekryt.accounts import ratelimit
from rekryt.lib.duty import Duty

PURGE_EVERY = 60.0  # seconds between sweeps of ended rate-limit windows


class PurgeEndedCounters(Duty):
    """Delete rate-limit and lockout windows that have ended, a batch at a
    time, sweeping at most once a minute per worker. Two workers deleting
    the same rows at once is harmless."""

    name = "purge_ended_counters"

    def __init__(self) -> None:
        self.next_sweep = 0.0

    def handle_one(self) -> bool:
        if time.monotonic() < self.next_sweep:
            return False
        batch = 1000
        if ratelimit.purge_ended(batch=batch) == batch:
            return True  # more may be waiting
        self.next_sweep = time.monotonic() + PURGE_EVERY
        return False


DUTIES = [PurgeEndedCounters]
