"""`manage.py worker`: deliver email, extract text and everything else due.

Run any number of processes: every unit of work is claimed with a lease, on
PostgreSQL and SQLite alike (where one is usually enough). SIGTERM or Ctrl-C
stops it after the current unit of work."""

from __future__ import annotations

import logging
import signal
import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from rekryt.ops.duties import Duty, describe, load_duties, run_until_idle

log = logging.getLogger("rekryt.worker")
BATCH = 50  # units per duty before giving the others a turn
MAX_BACKOFF = 60.0


class Command(BaseCommand):
    help = "Run the background worker (email delivery, text extraction, …)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--once", action="store_true", help="Work until idle, then exit.")
        parser.add_argument("--idle-sleep", type=float, default=2.0)

    def handle(self, *args: Any, **options: Any) -> None:
        duties = load_duties()
        if options["once"]:
            done = run_until_idle(duties)
            self.stdout.write(f"worker: {done} units of work done")
            return
        self.stopping = False
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        self.stdout.write(f"worker: started with duties {describe(duties)}")
        backoff = {d.name: 0.0 for d in duties}
        while not self.stopping:
            busy = any([self._turn(duty, backoff) for duty in duties])
            close_old_connections()
            if not busy:
                self._sleep(options["idle_sleep"])
        self.stdout.write("worker: stopped")

    def _turn(self, duty: Duty, backoff: dict[str, float]) -> bool:
        if backoff[duty.name] > time.monotonic():
            return False
        done = 0
        try:
            while done < BATCH and not self.stopping and duty.handle_one():
                done += 1
        except Exception:
            # An unexpected error must not make the loop spin: pause this duty.
            log.exception("duty %s failed", duty.name)
            backoff[duty.name] = time.monotonic() + MAX_BACKOFF
            close_old_connections()
        finally:
            duty.close()
        return done > 0

    def _sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < end:
            time.sleep(0.1)

    def _stop(self, signum: int, frame: Any) -> None:
        self.stopping = True
