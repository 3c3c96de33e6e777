"""The worker runs queued imports one at a time."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from rekryt.imports import actions
from rekryt.imports.models import ImportJob, Status
from rekryt.lib.duty import ROUTINE, Duty

# An upload is personal data: one left at the mapping step is deleted after this.
UPLOAD_KEPT = timedelta(days=7)


def purge_stale_uploads() -> int:
    stale = ImportJob.objects.filter(
        status=Status.MAPPING, created_at__lt=timezone.now() - UPLOAD_KEPT
    )
    count = 0
    for job in stale:
        actions.expire(job)
        count += 1
    return count


class RunImports(Duty):
    name = "run_imports"
    lane = ROUTINE

    def oldest_due(self) -> datetime | None:
        queued = ImportJob.objects.filter(status=Status.QUEUED).order_by("created_at")
        return queued.values_list("created_at", flat=True).first()

    def handle_one(self) -> int | bool:
        with transaction.atomic():
            job = (
                ImportJob.objects.select_for_update(skip_locked=True)
                .filter(status=Status.QUEUED)
                .order_by("created_at")
                .first()
            )
            if job is None:
                return purge_stale_uploads()
            job.status = Status.RUNNING
            job.save(update_fields=["status"])
        actions.run(job)
        return True


DUTIES = [RunImports]
