"""One process per lane, started again when it dies.

`manage.py worker` without `--only` runs this: a child `worker --only <lane>`
per lane, so a CPU-heavy document in `extraction` never takes time from an
email in `delivery`, and a lane that crashes or is killed (out of memory, say)
is started again while the others go on. Every unit of work is claimed with a
lease, so what a killed child held is picked up once the lease ends."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

FIRST_RESTART = 1.0
LONGEST_RESTART = 30.0
STABLE_AFTER = 30.0  # a child that ran this long before dying restarts at once
STOP_GRACE = 10.0


@dataclass
class Child:
    lane: str
    process: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    restart_at: float = 0.0
    wait: float = FIRST_RESTART
    deaths: int = field(default=0)


def describe_exit(code: int) -> str:
    return f"killed by signal {-code}" if code < 0 else f"exit status {code}"


class Supervisor:
    def __init__(
        self,
        lanes: Sequence[str],
        command: Callable[[str], list[str]],
        say: Callable[[str], None],
        stopping: Callable[[], bool],
    ):
        self.children = [Child(lane) for lane in lanes]
        self.command = command
        self.say = say
        self.stopping = stopping

    def run(self) -> None:
        for child in self.children:
            self._start(child)
        try:
            while not self.stopping():
                for child in self.children:
                    self._check(child)
                time.sleep(0.2)
        finally:
            self._stop_all()

    def _start(self, child: Child) -> None:
        child.process = subprocess.Popen(self.command(child.lane))  # noqa: S603 (our own argv)
        child.started = time.monotonic()

    def _check(self, child: Child) -> None:
        now = time.monotonic()
        if child.process is None:
            if now >= child.restart_at:
                self._start(child)
                self.say(f"worker: lane {child.lane} started again")
            return
        code = child.process.poll()
        if code is None or self.stopping():
            return
        child.deaths += 1
        ran = now - child.started
        # A child that keeps dying at once waits longer each time (1, 2, 4 …
        # at most 30 s) so a broken set-up does not spin.
        quick_again = child.deaths > 1 and ran < STABLE_AFTER
        child.wait = min(child.wait * 2, LONGEST_RESTART) if quick_again else FIRST_RESTART
        child.process = None
        child.restart_at = now + child.wait
        self.say(
            f"worker: lane {child.lane} stopped ({describe_exit(code)}); "
            f"starting it again in {child.wait:g} s"
        )

    def _stop_all(self) -> None:
        running = [c.process for c in self.children if c.process is not None]
        for process in running:
            if process.poll() is None:
                process.terminate()
        end = time.monotonic() + STOP_GRACE
        for process in running:
            try:
                process.wait(timeout=max(0.1, end - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
