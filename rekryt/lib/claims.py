"""Claiming rows for background work with a lease.

A claim is a compare-and-set UPDATE that succeeds for exactly one worker. A
worker killed mid-task leaves `claimed_until` in the past after the lease, so
another worker picks the row up again: no work is lost, none done twice at
once. On PostgreSQL the candidate row is chosen with SKIP LOCKED so workers do
not queue behind each other; on SQLite the claim's transaction is IMMEDIATE
(settings), so claims simply take turns. Both are proved by racing two
worker processes (rekryt/messaging/tests/test_leases.py)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, TypeVar

from django.db import connection, models, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

M = TypeVar("M", bound=models.Model)


def unclaimed(now: Any = None) -> Q:
    now = now or timezone.now()
    return Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)


def claim_next(queryset: QuerySet[M], lease: timedelta) -> M | None:
    """Claim the first row of `queryset` (ordered by the caller) not held by
    another worker, and return it with `claimed_until` set; None when idle."""
    rows = claim_batch(queryset, lease, 1)
    return rows[0] if rows else None


def claim_batch(queryset: QuerySet[M], lease: timedelta, size: int) -> list[M]:
    """Claim up to `size` rows of `queryset` (ordered by the caller) in one
    transaction, so a busy duty pays one commit per batch, not per row.

    Each row comes back with `claimed_until` set and `abandoned` telling
    whether an earlier claim ran out without being released: the worker that
    held it stopped mid-task, and may have done part of the work."""
    now = timezone.now()
    available = queryset.filter(unclaimed(now))
    model = queryset.model
    for _attempt in range(5):
        with transaction.atomic():
            if connection.features.has_select_for_update_skip_locked:
                available = available.select_for_update(skip_locked=True, of=("self",))
            rows = list(available[:size])
            if not rows:
                return []
            until = now + lease
            won = (
                model._default_manager.filter(pk__in=[row.pk for row in rows])
                .filter(unclaimed(now))
                .update(claimed_until=until)
            )
            if won == len(rows):
                for row in rows:
                    row.abandoned = row.claimed_until is not None  # type: ignore[attr-defined]
                    row.claimed_until = until  # type: ignore[attr-defined]
                return rows
            # Another worker took some of them between our read and write
            # (possible only without row locks): give back ours, try again.
            transaction.set_rollback(True)
    return []


def release(row: models.Model, **fields: Any) -> int:
    """Store the outcome on the row and give up the claim in one UPDATE.
    Returns 0 when the row was deleted meanwhile (say, by an erasure)."""
    return int(type(row)._default_manager.filter(pk=row.pk).update(claimed_until=None, **fields))
