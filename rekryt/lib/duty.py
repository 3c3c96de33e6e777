"""The base class of a worker duty. It lives in lib so that every app can
declare duties without importing `ops`, which sits above them all; the
worker (rekryt.ops.lanes) collects and runs them.

Each duty belongs to a lane, and each lane runs in its own worker process
(`manage.py worker --only <lane>`), so slow work never holds back the work a
person is waiting for:

- `delivery`: time-critical mail — outgoing email, inbound replies, reminders
  and the emails a person has just asked for (password reset, a new link);
- `extraction`: reading the text out of uploaded documents (slow, CPU-heavy,
  run at a lower CPU priority);
- `routine`: everything that may wait minutes — retention, purges, digests,
  surveys, roll-ups;
- `integrations`: calls to other systems (webhooks), whose slow or missing
  answers must hold back nothing else."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

DELIVERY = "delivery"
EXTRACTION = "extraction"
ROUTINE = "routine"
INTEGRATIONS = "integrations"
LANES = (DELIVERY, EXTRACTION, ROUTINE, INTEGRATIONS)


def never() -> bool:
    return False


class Duty:
    """One kind of background work. `handle_one` does one unit (or a batch)
    and returns how many units it did, 0 or False when there was nothing to
    do; failures belong on the row it worked on."""

    name = "duty"
    lane = ROUTINE
    # Replaced by the worker: true once it has been asked to stop, so a duty
    # working through a batch stops after the current unit.
    should_stop: Callable[[], bool] = staticmethod(never)

    def handle_one(self) -> int | bool:
        raise NotImplementedError

    def close(self) -> None:
        """Release resources held across a batch (an SMTP connection, say)."""

    def oldest_due(self) -> datetime | None:
        """Since when the oldest item this duty should already have done has
        waited, or None when nothing is overdue or the duty keeps no queue:
        /healthz reports its age so an operator can alert on a lagging lane."""
        return None
