"""The board's filters and sorts, read from the query string and kept in it.

Filters combine (AND): source, tag, at least N days in the stage, unread
replies (registered by conversations through `extensions`), and a text
search within the job's applicants (name and email as the application was
sent). Sorts order every column: newest in the stage first (the default),
longest in the stage first, or most recently applied first. The same
filter gives the application page its previous and next (in board order).
Malformed values are ignored, never an error (rekryt.lib.params)."""

from __future__ import annotations

import operator
from dataclasses import dataclass
from datetime import timedelta
from functools import reduce
from typing import Any
from urllib.parse import urlencode

from django.db.models import F, OrderBy, Q, QuerySet
from django.utils import timezone

from rekryt.applications import extensions
from rekryt.applications.hooks import blind_scope
from rekryt.applications.models import Application
from rekryt.lib.params import bounded_int, id_or_none

SORTS: dict[str, tuple[OrderBy, ...]] = {
    "": (F("stage_entered_at").desc(), F("pk").desc()),
    "days": (F("stage_entered_at").asc(), F("pk").asc()),
    "applied": (F("created_at").desc(), F("pk").desc()),
}
MAX_QUERY = 100
MAX_DAYS = 3650


def printable(value: Any) -> str:
    """Typed text without control characters: a NUL byte, say, which
    PostgreSQL refuses in any text it is given."""
    return "".join(ch for ch in str(value) if ch.isprintable())


@dataclass(frozen=True)
class BoardFilter:
    source: str = ""
    tag: int | None = None
    days: int = 0
    unread: bool = False
    q: str = ""
    sort: str = ""

    @classmethod
    def from_query(cls, query: Any) -> BoardFilter:
        sort = str(query.get("sort", ""))
        return cls(
            source=printable(query.get("source", ""))[:40].strip(),
            tag=id_or_none(query.get("tag")),
            days=bounded_int(query.get("days"), default=0, maximum=MAX_DAYS),
            unread=query.get("unread") == "1",
            q=" ".join(printable(query.get("q", "")).split())[:MAX_QUERY],
            sort=sort if sort in SORTS else "",
        )

    @property
    def narrows(self) -> bool:
        """Whether any filter (not just a sort) is on."""
        return bool(self.source or self.tag or self.days or self.unread or self.q)

    @property
    def order(self) -> tuple[OrderBy, ...]:
        return SORTS[self.sort]

    def narrow(self, queryset: QuerySet[Application]) -> QuerySet[Application]:
        if self.source:
            queryset = queryset.filter(source=self.source)
        if self.tag:
            queryset = queryset.filter(candidate__tags=self.tag)
        if self.days:
            entered_before = timezone.now() - timedelta(days=self.days)
            queryset = queryset.filter(stage_entered_at__lte=entered_before)
        if self.unread:
            unread = extensions.board_filter("unread")
            queryset = unread(queryset) if unread else queryset.none()
        if self.q:
            # A name search must not pick out an application under blind
            # review: the card's pseudonym would then be known to be them.
            for blind in blind_scope():
                queryset = queryset.exclude(pk__in=blind)
            for word in self.q.split()[:5]:
                queryset = queryset.filter(
                    Q(first_name__icontains=word)
                    | Q(last_name__icontains=word)
                    | Q(email__icontains=word)
                )
        return queryset

    def querystring(self) -> str:
        """The filter as a query string ("" when none is on), for links."""
        pairs = [
            ("source", self.source),
            ("tag", str(self.tag or "")),
            ("days", str(self.days or "")),
            ("unread", "1" if self.unread else ""),
            ("q", self.q),
            ("sort", self.sort),
        ]
        return urlencode([(k, v) for k, v in pairs if v])

    def suffix(self) -> str:
        query = self.querystring()
        return f"?{query}" if query else ""


@dataclass(frozen=True)
class Neighbours:
    previous: int | None
    next: int | None


# Each sort as (field, descending), the pk breaking ties the same way.
KEYS: dict[str, tuple[str, bool]] = {
    "": ("stage_entered_at", True),
    "days": ("stage_entered_at", False),
    "applied": ("created_at", True),
}


def _beyond(application: Application, chosen: BoardFilter, forward: bool) -> Q:
    """Rows of the same column after (or before) `application` in the sort."""
    field, descending = KEYS[chosen.sort]
    value = getattr(application, field)
    op = "lt" if forward == descending else "gt"
    return Q(**{f"{field}__{op}": value}) | Q(**{field: value, f"pk__{op}": application.pk})


def _ordered(
    queryset: QuerySet[Application], chosen: BoardFilter, forward: bool
) -> QuerySet[Application]:
    order = [o.copy() for o in chosen.order]
    if not forward:
        for o in order:
            o.reverse_ordering()
    return queryset.order_by(*order)


def first_in_each_stage(rows: QuerySet[Application], stages: list[Any], count: int) -> Q:
    """The first `count` of `rows` (ordered) in each stage, as one condition:
    a LIMIT subquery per stage, each a walk of the board's index over that
    stage alone. Used alone in a query: with the job's own conditions also
    outside the subqueries, SQLite reads every row of the job instead."""
    return reduce(
        operator.or_, (Q(pk__in=rows.filter(stage=s.pk).values("pk")[:count]) for s in stages)
    )


def _nearest_column_card(
    base: QuerySet[Application], chosen: BoardFilter, columns: list[Any], forward: bool
) -> int | None:
    """The first (or last) card of the nearest of `columns` that has one, in
    one query: a LIMIT 1 subquery per column, each one row of the board's
    index (ordering the columns' rows by stage in SQL sorted them all)."""
    if not columns:
        return None
    firsts = first_in_each_stage(_ordered(base, chosen, forward), columns, 1)
    found = dict(Application.objects.filter(firsts).values_list("stage_id", "pk"))
    return next((found[stage.pk] for stage in columns if stage.pk in found), None)


def neighbours(
    application: Application, chosen: BoardFilter, stages: list[Any]
) -> Neighbours | None:
    """The cards before and after the application in its board, column by
    column in the board's order under `chosen`. Each query reads one row
    through the board's index: two when the neighbours share the column,
    one more for each direction that leaves it, never more as data grows."""
    ids = [stage.pk for stage in stages]
    if not application.is_active or application.stage_id not in ids:
        return None
    base = chosen.narrow(
        Application.objects.filter(job=application.job_id, outcome=application.outcome)
    )
    here = next(stage for stage in stages if stage.pk == application.stage_id)
    in_order = sorted(stages, key=lambda stage: (stage.order, stage.pk))
    position = in_order.index(here)
    found: dict[bool, int | None] = {}
    for forward in (False, True):
        column = base.filter(stage=application.stage_id).filter(
            _beyond(application, chosen, forward)
        )
        found[forward] = _ordered(column, chosen, forward).values_list("pk", flat=True).first()
        if found[forward] is None:
            others = in_order[position + 1 :] if forward else in_order[:position][::-1]
            found[forward] = _nearest_column_card(base, chosen, others, forward)
    return Neighbours(previous=found[False], next=found[True])
