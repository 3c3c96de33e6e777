"""The audit log's own retention (run by `manage.py worker`)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.utils import timezone

from rekryt.accounts.models import Organisation
from rekryt.audit.models import AuditEntry
from rekryt.lib.duty import Duty
from rekryt.lib.months import add_months

log = logging.getLogger(__name__)

EVERY = timedelta(days=1)


def purge_expired(now: datetime) -> int:
    """Remove entries older than the organisation's audit retention; 0 months
    keeps everything. Months are counted on the organisation's calendar
    (rekryt.lib.months), like every other retention period. Running it twice
    removes nothing the second time."""
    months = Organisation.get().audit_retention_months
    if months <= 0:
        return 0
    return AuditEntry.objects.purge_before(add_months(now, -months))


class PurgeOldAuditEntries(Duty):
    """Once a day per worker process, delete audit entries past retention.

    No claim is needed: the purge is one DELETE of rows older than a cutoff,
    so two workers doing it at once remove each row once between them. Only
    the delete is allowed on the audit table (PostgreSQL refuses UPDATEs)."""

    name = "purge_old_audit_entries"

    def __init__(self) -> None:
        self.next_run: datetime | None = None

    def handle_one(self) -> bool:
        now = timezone.now()
        if self.next_run is not None and now < self.next_run:
            return False
        removed = purge_expired(now)
        self.next_run = now + EVERY
        if removed:
            log.info("purged %d audit entries past retention", removed)
        return False


DUTIES = [PurgeOldAuditEntries]
