"""`manage.py worker`: deliver email, extract text and everything else due.

Without `--only`, it starts one child process per lane (delivery,
extraction, routine) and starts a child again when it dies. With `--only`,
it runs those lanes' duties itself: run more `worker --only delivery`
processes to send faster (every unit of work is claimed with a lease, on
PostgreSQL with SKIP LOCKED). SIGTERM or Ctrl-C stops it after the current
unit of work."""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from rekryt.lib.duty import EXTRACTION, LANES
from rekryt.ops.duties import describe, load_duties, run_until_idle
from rekryt.ops.lanes import LaneLoop, idle_sleep
from rekryt.ops.supervisor import Supervisor

# Extraction is CPU-heavy and never urgent: under load the web and delivery
# processes get the CPU first, and the documents wait.
NICENESS = {EXTRACTION: 19}
PARENT_ENV = "REKRYT_WORKER_SUPERVISOR"


def parse_lanes(value: str) -> list[str]:
    lanes = [lane.strip() for lane in value.split(",") if lane.strip()]
    unknown = [lane for lane in lanes if lane not in LANES]
    if unknown or not lanes:
        raise CommandError(f"--only takes lanes among {', '.join(LANES)}; got {value!r}")
    return lanes


class Command(BaseCommand):
    help = "Run the background worker (email delivery, text extraction, …)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--only",
            metavar="LANE[,LANE]",
            help=f"Run these lanes in this process ({', '.join(LANES)}).",
        )
        parser.add_argument("--once", action="store_true", help="Work until idle, then exit.")
        parser.add_argument("--idle-sleep", type=float, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        lanes = parse_lanes(options["only"]) if options["only"] else list(LANES)
        if options["once"]:
            done = run_until_idle(load_duties(lanes))
            self.stdout.write(f"worker: {done} units of work done")
            return
        self.stopping = False
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        if options["only"]:
            self._run_lanes(lanes, options["idle_sleep"])
        else:
            self._supervise(options["idle_sleep"])
        self.stdout.write("worker: stopped")

    def _run_lanes(self, lanes: list[str], sleep: float | None) -> None:
        duties = load_duties(lanes)
        niceness = max(NICENESS.get(lane, 0) for lane in lanes)
        if niceness and min(NICENESS.get(lane, 0) for lane in lanes) == niceness:
            os.nice(niceness)
        names = ",".join(lanes)
        self.stdout.write(f"worker: lane {names} started (pid {os.getpid()}): {describe(duties)}")
        self.stdout.flush()
        # A lane started by the supervisor stops when the supervisor is gone
        # (killed, say), so a new one never runs beside orphaned lanes.
        parent = int(os.environ.get(PARENT_ENV, "0") or 0)

        def stopping() -> bool:
            return self.stopping or (parent != 0 and os.getppid() != parent)

        LaneLoop(duties, stopping, sleep if sleep else idle_sleep(lanes)).run()

    def _supervise(self, sleep: float | None) -> None:
        def command(lane: str) -> list[str]:
            argv = [sys.executable, str(settings.BASE_DIR / "manage.py"), "worker", "--only", lane]
            return argv + (["--idle-sleep", str(sleep)] if sleep else [])

        os.environ[PARENT_ENV] = str(os.getpid())  # inherited by the lanes
        self.stdout.write(f"worker: starting lanes {', '.join(LANES)}")
        self.stdout.flush()
        supervisor = Supervisor(LANES, command, self._say, lambda: self.stopping)
        supervisor.run()

    def _say(self, line: str) -> None:
        self.stdout.write(line)
        self.stdout.flush()

    def _stop(self, signum: int, frame: Any) -> None:
        self.stopping = True
