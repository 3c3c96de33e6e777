"""The worker duties of analytics (lane: routine): fold the Event log into
the roll-ups, one batch per turn, from the high-water mark on (see
rekryt.analytics.rollup); send the weekly and monthly reports. Several
workers are safe: a batch is folded under a lock on the cursor row, and the
next worker reads on from where it moved."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.utils import timezone

from rekryt.accounts.models import User
from rekryt.analytics import rollup
from rekryt.analytics.models import Cursor, ReportKind, ReportSchedule
from rekryt.analytics.report_emails import next_time, send_report
from rekryt.analytics.reports import may_get, recipients
from rekryt.applications.models import Event
from rekryt.lib.claims import claim_next, release, unclaimed
from rekryt.lib.duty import ROUTINE, Duty

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=5)
RECHECK = timedelta(minutes=5)
RETRY_AFTER = timedelta(hours=1)


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


class SendReports(Duty):
    """The weekly reports of recruiters and hiring managers and the monthly
    summary for admins (lane: routine).

    1. Every RECHECK, give each recipient a ReportSchedule row per kind they
       get (first at the next Monday or first of a month, 07:00).
    2. Claim one due row with a lease, so two workers never send the same.
    3. Queue the report (rekryt.analytics.report_emails; its idempotency key
       makes a retry harmless), move `next_at` on and release. A report that
       raises keeps its claim for RETRY_AFTER, so the others go first."""

    name = "send_analytics_reports"
    lane = ROUTINE

    def __init__(self) -> None:
        self.ensured_at: datetime | None = None

    def oldest_due(self) -> datetime | None:
        due = ReportSchedule.objects.filter(unclaimed(), next_at__lte=timezone.now())
        return due.order_by("next_at").values_list("next_at", flat=True).first()

    def handle_one(self) -> bool:
        now = timezone.now()
        if self.ensured_at is None or now - self.ensured_at >= RECHECK:
            ensure_schedules(now)
            self.ensured_at = now
        due = ReportSchedule.objects.filter(next_at__lte=now).select_related("user")
        schedule = claim_next(due.order_by("next_at", "pk"), LEASE)
        if schedule is None:
            return False
        if not may_get(schedule.user, schedule.kind):
            schedule.delete()  # made again by ensure_schedules if the role returns
            return True
        try:
            send_report(schedule.user, schedule.kind, now)
        except Exception as exc:
            log.error("report for user %s failed: %s", schedule.user_id, type(exc).__name__)
            ReportSchedule.objects.filter(pk=schedule.pk).update(claimed_until=now + RETRY_AFTER)
            return True
        release(schedule, next_at=next_time(schedule.kind, now))
        return True


def ensure_schedules(now: datetime) -> int:
    made = 0
    for kind in ReportKind.values:
        have = ReportSchedule.objects.filter(kind=kind).values("user_id")
        missing = User.objects.filter(recipients(kind)).exclude(pk__in=have)
        first = next_time(kind, now)
        rows = [ReportSchedule(user=user, kind=kind, next_at=first) for user in missing]
        ReportSchedule.objects.bulk_create(rows, ignore_conflicts=True)
        made += len(rows)
    return made


DUTIES = [RollUp, SendReports]
