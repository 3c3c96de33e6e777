"""Erasure: remove a candidate and every copy of their data.

Each app that holds personal data says what it holds in its
`personal_data` module (rekryt.candidates.personal_data explains the
contract); they are called latest app first, then the candidate row goes.
All rows change in one transaction; files are removed after it commits.

Copies a plain DELETE leaves behind are dealt with too: SQLite runs with
secure_delete (freed pages are zeroed), the FTS5 search index is rebuilt so
deleted words leave its segments, and the write-ahead log is checkpointed
and truncated after the commit. What remains is an ErasureRecord with
counts, access requests with dates and outcome only, and audit entries with
ids."""

from __future__ import annotations

from typing import Any

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from rekryt.audit.log import record
from rekryt.audit.models import Action
from rekryt.candidates.models import Candidate
from rekryt.lib.appmodules import app_modules
from rekryt.privacy.models import (
    AccessRequest,
    ErasureRecord,
    LegalHold,
    RequestKind,
    RequestStatus,
)


def add_counts(total: dict[str, int], more: dict[str, int]) -> dict[str, int]:
    for key, value in more.items():
        total[key] = total.get(key, 0) + int(value)
    return total


class LegalHoldActive(Exception):
    """The candidate, or a job they applied to, is under a legal hold."""


def has_active_hold(candidate: Candidate) -> bool:
    # Through the reverse relation: privacy sits below applications.
    jobs = candidate.applications.values("job_id")  # type: ignore[attr-defined]
    return LegalHold.objects.active().filter(Q(candidate=candidate) | Q(job_id__in=jobs)).exists()


def truncate_wal() -> None:
    """Copy the write-ahead log into the database and empty it, so deleted
    rows do not live on in old log frames. Best effort: a reader holding an
    old snapshot makes it a no-op until the next checkpoint."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def erase_candidate(
    candidate: Candidate,
    *,
    reason: str,
    actor: Any = None,
    access_request: AccessRequest | None = None,
) -> ErasureRecord:
    with transaction.atomic():
        candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
        if has_active_hold(candidate):
            raise LegalHoldActive(candidate.pk)
        old_pk = candidate.pk
        # The erasure answers the request it was made for, and any other
        # open erasure request of the person: none is left open, unanswerable.
        answered = Q(candidate=candidate, kind=RequestKind.ERASURE)
        if access_request is not None:
            answered |= Q(pk=access_request.pk)
        AccessRequest.objects.filter(answered, status=RequestStatus.OPEN).update(
            status=RequestStatus.ANSWERED, answered_at=timezone.now(), answered_by=actor
        )
        counts: dict[str, int] = {}
        for module in reversed(app_modules("personal_data")):
            add_counts(counts, module.erase(candidate))
        Candidate.objects.filter(pk=old_pk).delete()
        counts["candidates"] = 1
        erasure = ErasureRecord.objects.create(
            reason=reason,
            actor=actor,
            access_request=access_request,
            counts={k: v for k, v in sorted(counts.items()) if v},
        )
        record(
            Action.ERASE,
            actor=actor,
            target_type="candidates.candidate",
            target_id=old_pk,
            detail="erased",
            params={"record": erasure.pk},
        )
        transaction.on_commit(truncate_wal)
    return erasure
