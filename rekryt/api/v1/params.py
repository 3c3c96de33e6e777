"""The query parameters every list takes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from ninja import Schema
from pydantic import Field

from rekryt.api.v1.pagination import DEFAULT_LIMIT, MAX_LIMIT, Keys, page


class ListParams(Schema):
    cursor: str | None = Field(None, max_length=500, description="next_cursor of the page before")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
    updated_since: datetime | None = Field(
        None, description="Only rows changed (or, without an update time, made) since then"
    )


def paged(rows: QuerySet[Any], keys: Keys, params: ListParams) -> tuple[list[Any], str | None]:
    return page(rows, keys, params.cursor, params.limit, params.updated_since)


def as_page(items: list[Any], cursor: str | None) -> dict[str, Any]:
    return {"items": items, "next_cursor": cursor}


BY_ID = Keys()
BY_UPDATE = Keys(time="updated_at", since="updated_at")
