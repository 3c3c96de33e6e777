"""Cursor pagination, keyset on (updated_at, id) or on id alone.

A cursor is the last row's keys, base64-encoded JSON: opaque to clients,
and stable under inserts (a row added meanwhile sorts after the cursor, so
nothing is skipped or listed twice). `updated_since` narrows the list to
rows changed at or after a time, for incremental sync; a model without an
update time is filtered on its creation time (its rows never change, or
only in ways the events record)."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from rekryt.api.v1.problems import ProblemError

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


@dataclass
class Keys:
    # The update time field, or "" to page by id alone.
    time: str = ""
    # What updated_since compares (the update time, or the creation time).
    since: str = "created_at"


def encode(values: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def decode(cursor: str) -> dict[str, Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(values, dict) or not isinstance(values.get("i"), int):
            raise ValueError
        return values
    except (ValueError, binascii.Error, UnicodeError):
        raise ProblemError(422, _("The cursor is not one this API gave."), "cursor") from None


def aware(moment: datetime) -> datetime:
    try:
        if timezone.is_naive(moment):
            return timezone.make_aware(moment, timezone.get_default_timezone())
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        raise ProblemError(422, _("updated_since is out of range."), "updated-since") from None


def _after(keys: Keys, values: dict[str, Any]) -> Q:
    if not keys.time:
        return Q(pk__gt=values["i"])
    moment = parse_datetime(str(values.get("t", "")))
    if moment is None:
        raise ProblemError(422, _("The cursor is not one this API gave."), "cursor")
    return Q(**{f"{keys.time}__gt": moment}) | Q(**{keys.time: moment, "pk__gt": values["i"]})


def page(
    rows: QuerySet[Any],
    keys: Keys,
    cursor: str | None,
    limit: int,
    updated_since: datetime | None = None,
) -> tuple[list[Any], str | None]:
    """One page of `rows` and the cursor of the next (None on the last)."""
    if updated_since is not None:
        rows = rows.filter(**{f"{keys.since}__gte": aware(updated_since)})
    if cursor:
        rows = rows.filter(_after(keys, decode(cursor)))
    order = [keys.time, "pk"] if keys.time else ["pk"]
    found = list(rows.order_by(*order)[: limit + 1])
    if len(found) <= limit:
        return found, None
    last = found[limit - 1]
    values: dict[str, Any] = {"i": last.pk}
    if keys.time:
        values["t"] = getattr(last, keys.time).isoformat()
    return found[:limit], encode(values)
