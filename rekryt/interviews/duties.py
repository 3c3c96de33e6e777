"""The worker duties of interviews: reminders (lane: delivery, as they are
time-critical) — the candidate's before the interview, each interviewer's
kit on the morning, and the scorecard reminder 24 hours after the end to
those who have not submitted — and the purge of abandoned video uploads
(lane: routine)."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from rekryt.interviews import emails
from rekryt.interviews.models import Reminder, ReminderKind, Scorecard, Status
from rekryt.interviews.video import PARTS, chunk_names, remove_parts
from rekryt.lib.claims import claim_next, release
from rekryt.lib.duty import DELIVERY, ROUTINE, Duty

LEASE = timedelta(minutes=2)


def reminders_due() -> QuerySet[Reminder]:
    """Read through the partial index reminder_due."""
    return Reminder.objects.filter(done_at=None, due_at__lte=timezone.now()).order_by(
        "due_at", "pk"
    )


def still_due(reminder: Reminder) -> bool:
    interview = reminder.interview
    if interview.status != Status.BOOKED or interview.starts_at != reminder.for_start:
        return False
    if reminder.kind == ReminderKind.SCORECARD:
        return not Scorecard.objects.filter(
            interview=interview, interviewer=reminder.user, submitted_at__isnull=False
        ).exists()
    return True


def send(reminder: Reminder) -> None:
    interview = reminder.interview
    key = f"iv-reminder:{reminder.pk}"
    if reminder.kind == ReminderKind.CANDIDATE:
        emails.queue_candidate(interview, emails.REMINDER, key=key)
    elif reminder.user is not None:
        kind = emails.KIT if reminder.kind == ReminderKind.KIT else emails.SCORECARD
        emails.queue_staff(interview, reminder.user, kind, key=key)


class SendInterviewReminders(Duty):
    """Steps: claim the most overdue reminder; when its interview is still
    booked for the time it was made for (and, for a scorecard reminder, the
    interviewer has not submitted), queue its email; mark it done either
    way, and release. The email's key (`iv-reminder:<id>`) keeps it to one,
    and delivery checks the interview once more just before sending."""

    name = "send_interview_reminders"
    lane = DELIVERY

    def handle_one(self) -> bool:
        claimed = claim_next(reminders_due(), LEASE)
        if claimed is None:
            return False
        with transaction.atomic():
            reminder = (
                Reminder.objects.select_related(
                    "interview__application__candidate",
                    "interview__application__job",
                    "interview__step__location",
                    "user",
                )
                .filter(pk=claimed.pk)
                .first()
            )
            if reminder is not None and still_due(reminder):
                send(reminder)
            release(claimed, done_at=timezone.now())
        return True

    def oldest_due(self) -> datetime | None:
        return reminders_due().values_list("due_at", flat=True).first()


class PurgeAbandonedRecordings(Duty):
    """Steps: at most once an hour, remove the part files of video uploads
    nobody has added to for PART_MAX_AGE (a candidate who closed the page
    mid-upload, or started again): recordings are personal data, and an
    unfinished one is of no use to anyone. A finished upload's part file is
    removed when it is stored; erasure removes the rest."""

    name = "purge_abandoned_recordings"
    lane = ROUTINE
    every = timedelta(hours=1)

    def __init__(self) -> None:
        self.next_at = 0.0

    def handle_one(self) -> int:
        if time.monotonic() < self.next_at:
            return 0
        self.next_at = time.monotonic() + self.every.total_seconds()
        return purge_parts(timezone.now() - PART_MAX_AGE)


PART_MAX_AGE = timedelta(days=2)


def purge_parts(before: datetime) -> int:
    """Uploads whose newest chunk is older than `before`, removed; their count."""
    try:
        folders, _files = default_storage.listdir(PARTS)
    except FileNotFoundError:
        return 0
    removed = 0
    for upload in folders:
        names = chunk_names(f"{PARTS}/{upload}")
        if names and all(default_storage.get_modified_time(n) < before for n in names):
            remove_parts(f"{PARTS}/{upload}")
            removed += 1
    return removed


DUTIES = [SendInterviewReminders, PurgeAbandonedRecordings]
