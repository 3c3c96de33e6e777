"""The worker duty of analytics (lane: routine): fold the Event log into the
roll-ups, one batch per turn, from the high-water mark on (see
rekryt.analytics.rollup). Several workers are safe: a batch is folded under
a lock on the cursor row, and the next worker reads on from where it moved."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from rekryt.analytics import rollup
from rekryt.analytics.models import Cursor
from rekryt.applications.models import Event
from rekryt.lib.duty import ROUTINE, Duty


class RollUp(Duty):
    name = "analytics_roll_up"
    lane = ROUTINE

    def handle_one(self) -> int:
        return rollup.catch_up()

    def oldest_due(self) -> datetime | None:
        last = Cursor.objects.filter(pk=1).values_list("last_event_id", flat=True).first() or 0
        waiting = Event.objects.filter(pk__gt=last).order_by("pk")
        oldest = waiting.values_list("created_at", flat=True).first()
        if oldest is None or oldest > timezone.now() - rollup.SETTLE:
            return None
        return oldest


DUTIES = [RollUp]
