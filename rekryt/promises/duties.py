"""Background work for the no-silence promise (run by `manage.py worker`)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from rekryt.accounts.models import Organisation, Role, User
from rekryt.applications.models import Application, Outcome
from rekryt.lib.claims import claim_next, release, unclaimed
from rekryt.lib.duty import Duty
from rekryt.promises.actions import send_status_update
from rekryt.promises.digest import is_recipient, next_digest_time, send_digest
from rekryt.promises.models import DigestSchedule
from rekryt.promises.waiting import with_contact

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)
# How often a duty with nothing to do looks again; the checks are aggregate
# queries, too heavy for every turn of the worker loop.
RECHECK = timedelta(minutes=5)
# A digest or status update that failed is tried again this much later.
RETRY_AFTER = timedelta(hours=1)


class SendWaitingDigests(Duty):
    """Each recruiter's and admin's daily digest of their waiting candidates.

    1. Every RECHECK, make sure each active recruiter and admin has a
       DigestSchedule row (first digest at the next 07:00).
    2. Claim one row whose `next_digest_at` has come (a lease, so two workers
       never send the same digest).
    3. Queue the digest when the user has waiting candidates on the jobs they
       recruit for; nothing when there is nothing to report. The idempotency
       key `digest:<user>:<date>` makes a retry after a crash harmless.
    4. Move `next_digest_at` to the next 07:00 local time and release. A
       digest that raises keeps its claim for RETRY_AFTER instead, so the
       others go first and it comes back an hour later."""

    name = "send_waiting_digests"

    def __init__(self) -> None:
        self.ensured_at: datetime | None = None

    def oldest_due(self) -> datetime | None:
        due = DigestSchedule.objects.filter(unclaimed(), next_digest_at__lte=timezone.now())
        return due.order_by("next_digest_at").values_list("next_digest_at", flat=True).first()

    def handle_one(self) -> bool:
        now = timezone.now()
        if self.ensured_at is None or now - self.ensured_at >= RECHECK:
            ensure_schedules(now)
            self.ensured_at = now
        due = DigestSchedule.objects.filter(next_digest_at__lte=now).select_related("user")
        schedule = claim_next(due.order_by("next_digest_at", "pk"), LEASE)
        if schedule is None:
            return False
        if not is_recipient(schedule.user):
            schedule.delete()  # recreated by ensure_schedules if the role returns
            return True
        try:
            send_digest(schedule.user, timezone.localdate(now))
        except Exception as exc:
            # Keep the claim until the retry, so this digest neither holds
            # up the others nor comes round again at once.
            log.error("digest for user %s failed: %s", schedule.user_id, type(exc).__name__)
            DigestSchedule.objects.filter(pk=schedule.pk).update(claimed_until=now + RETRY_AFTER)
            return True
        release(schedule, next_digest_at=next_digest_time(now))
        return True


def ensure_schedules(now: datetime) -> int:
    missing = User.objects.filter(
        is_active=True, role__in=[Role.ADMIN, Role.RECRUITER], digest_schedule__isnull=True
    )
    first = next_digest_time(now)
    rows = [DigestSchedule(user=user, next_digest_at=first) for user in missing]
    DigestSchedule.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def due_for_status_update(now: datetime, days: int) -> QuerySet[Application]:
    """Active applications with no contact and no promise for `days` days."""
    threshold = now - timedelta(days=days)
    return (
        with_contact(Application.objects.filter(outcome=Outcome.ACTIVE))
        .annotate(quiet_since=Coalesce("last_contact", "created_at"))
        .filter(Q(promise_at__isnull=True) | Q(promise_at__lt=threshold), quiet_since__lt=threshold)
        .order_by("pk")
    )


class SendStatusUpdates(Duty):
    """The optional automatic "still working on it" email.

    When Organisation.status_update_after_days is set, take the first active
    application that has heard nothing (and been promised nothing) for that
    many days, lock it, check again under the lock, and call
    `send_status_update`, which queues the email and records the promised
    date. That promise event restarts the clock, so each silence gets one.
    An application whose update raises is passed over for RETRY_AFTER."""

    name = "send_status_updates"

    def __init__(self) -> None:
        self.idle_until: datetime | None = None
        # Applications whose update failed, with when to try again. Kept in
        # the process (Application has no claim column): a restart retries
        # them at once, which is a retry, not a loop.
        self.retry_at: dict[int, datetime] = {}

    def handle_one(self) -> bool:
        now = timezone.now()
        days = Organisation.get().status_update_after_days
        if days is None or (self.idle_until is not None and now < self.idle_until):
            return False
        self.retry_at = {pk: at for pk, at in self.retry_at.items() if at > now}
        due = due_for_status_update(now, days).exclude(pk__in=list(self.retry_at))
        candidate = due.values_list("pk", flat=True).first()
        if candidate is None:
            self.idle_until = now + RECHECK
            return False
        try:
            self._send(candidate, now, days)
        except Exception as exc:
            log.error("status update for application %s failed: %s", candidate, type(exc).__name__)
            self.retry_at[candidate] = now + RETRY_AFTER
        return True

    @staticmethod
    def _send(pk: int, now: datetime, days: int) -> None:
        with transaction.atomic():
            application = (
                Application.objects.select_for_update(of=("self",))
                .select_related("candidate", "job", "job__recruiter")
                .get(pk=pk)
            )
            # Another worker may have sent it while we waited for the lock.
            if due_for_status_update(now, days).filter(pk=pk).exists():
                send_status_update(application)


DUTIES = [SendWaitingDigests, SendStatusUpdates]
