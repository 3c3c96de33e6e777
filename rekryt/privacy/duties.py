"""The daily retention run (see rekryt.privacy.retention)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from rekryt.lib.duty import Duty
from rekryt.privacy.retention import claim_run, run_batch


class ApplyRetention(Duty):
    """Once a day, apply every retention rule.

    1. Get or create today's RetentionRun (one row per local day) and take
       its lease; a finished run, or one another worker holds, means nothing
       to do (re-running the same day changes nothing).
    2. Apply up to a batch of due items, appending [rule, model, id] to the
       run's log and counting per rule; renew the lease.
    3. When no rule has anything left, mark the run finished."""

    name = "apply_retention"

    def __init__(self) -> None:
        self.finished_day: date | None = None

    def handle_one(self) -> bool:
        now = timezone.now()
        today = timezone.localdate(now)
        if self.finished_day == today:
            return False
        run, claimed = claim_run(now)
        if not claimed:
            if run.finished_at is not None:
                self.finished_day = today
            return False
        if run_batch(run) == 0:
            self.finished_day = today
            return False
        return True


DUTIES = [ApplyRetention]
