"""The base class of a worker duty. It lives in lib so that every app can
declare duties without importing `ops`, which sits above them all; the
worker (rekryt.ops.duties) collects and runs them.

Each duty belongs to a lane, and each lane runs in its own worker process
(`manage.py worker --only <lane>`), so slow work never holds back the work a
person is waiting for:

- `delivery`: time-critical mail — outgoing email, inbound replies, reminders
  and the emails a person has just asked for (password reset, a new link);
- `extraction`: reading the text out of uploaded documents (slow, CPU-heavy,
  run at a lower priority);
- `routine`: everything that may wait minutes — retention, purges, digests,
  surveys, roll-ups."""

from __future__ import annotations

DELIVERY = "delivery"
EXTRACTION = "extraction"
ROUTINE = "routine"
LANES = (DELIVERY, EXTRACTION, ROUTINE)


class Duty:
    """One kind of background work. `handle_one` does one unit and says
    whether there may be more; failures belong on the row it worked on."""

    name = "duty"
    lane = ROUTINE

    def handle_one(self) -> bool:
        raise NotImplementedError

    def close(self) -> None:
        """Release resources held across a batch (an SMTP connection, say)."""
