"""The worker duty that works through large bulk rejections."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from rekryt.applications.models import BulkRejection
from rekryt.applications.rejections import reject_chunk
from rekryt.lib.claims import claim_next, release, unclaimed
from rekryt.lib.duty import Duty

log = logging.getLogger(__name__)

# Far longer than one chunk takes, so a live worker keeps its claim.
LEASE = timedelta(minutes=5)


def unfinished() -> QuerySet[BulkRejection]:
    """Read through the partial index bulk_rejection_due, oldest first."""
    return BulkRejection.objects.filter(finished_at=None).select_related("reason", "actor")


class ProcessBulkRejections(Duty):
    """Steps: claim the oldest unfinished bulk rejection, reject its next
    chunk of applications (each in its own transaction, through
    reject_application), store the progress and release the claim. A killed
    worker's chunk is redone after the lease; already ended applications are
    skipped, so nobody gets two emails. A chunk that raised, or in which
    some rejections failed, is taken up again a lease later, after the
    other bulks."""

    name = "process_bulk_rejections"

    def oldest_due(self) -> datetime | None:
        waiting = unfinished().filter(unclaimed())
        return waiting.order_by("created_at").values_list("created_at", flat=True).first()

    def handle_one(self) -> bool:
        bulk = claim_next(unfinished().order_by("created_at", "pk"), LEASE)
        if bulk is None:
            return False
        try:
            chunk = reject_chunk(bulk)
        except Exception as exc:
            # The claim is kept until the lease ends: other bulks go first.
            log.error("bulk rejection %s stopped: %s", bulk.pk, type(exc).__name__)
            return True
        if chunk.failed:
            # Failed ones went to the back; wait a while before going on.
            BulkRejection.objects.filter(pk=bulk.pk).update(claimed_until=timezone.now() + LEASE)
        else:
            release(bulk)
        return True


DUTIES = [ProcessBulkRejections]
