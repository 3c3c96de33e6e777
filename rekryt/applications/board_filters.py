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
from rekryt.applications.hooks import BoardView, blind_scope
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
KNOWN = {"source", "tag", "days", "unread", "q", "sort"}
Key = tuple[str, bool]


def asks_more(query: Any) -> bool:
    """Whether the query names choices this filter does not know (a board
    view's: screening's requirements or score order, say)."""
    return bool(set(query) - KNOWN) or str(query.get("sort", "")) not in SORTS


def _keys(chosen: BoardFilter, view: BoardView | None) -> list[Key]:
    """The board's order as keys: a view's keys first, then the sort, then pk."""
    field, descending = KEYS[chosen.sort]
    ahead = [(name, desc) for name, _expression, desc in view.keys] if view else []
    return [*ahead, (field, descending), ("pk", descending)]


def _beyond(values: dict[str, Any], keys: list[Key], forward: bool) -> Q:
    """Rows after (or before) the row with `values` in the order of `keys`:
    greater on the first key, or equal on it and beyond on the next…"""
    beyond, equal = Q(pk__in=[]), Q()
    for name, descending in keys:
        op = "lt" if forward == descending else "gt"
        beyond |= equal & Q(**{f"{name}__{op}": values[name]})
        equal &= Q(**{name: values[name]})
    return beyond


def _ordered(
    queryset: QuerySet[Application], keys: list[Key], forward: bool
) -> QuerySet[Application]:
    return queryset.order_by(
        *(F(name).desc() if descending == forward else F(name).asc() for name, descending in keys)
    )


def first_in_each_stage(rows: QuerySet[Application], stages: list[Any], count: int) -> Q:
    """The first `count` of `rows` (ordered) in each stage, as one condition:
    a LIMIT subquery per stage, each a walk of the board's index over that
    stage alone. Used alone in a query: with the job's own conditions also
    outside the subqueries, SQLite reads every row of the job instead."""
    return reduce(
        operator.or_, (Q(pk__in=rows.filter(stage=s.pk).values("pk")[:count]) for s in stages)
    )


def _nearest_column_card(
    base: QuerySet[Application], keys: list[Key], columns: list[Any], forward: bool
) -> int | None:
    """The first (or last) card of the nearest of `columns` that has one, in
    one query: a LIMIT 1 subquery per column, each one row of the board's
    index (ordering the columns' rows by stage in SQL sorted them all)."""
    if not columns:
        return None
    firsts = first_in_each_stage(_ordered(base, keys, forward), columns, 1)
    found = dict(Application.objects.filter(firsts).values_list("stage_id", "pk"))
    return next((found[stage.pk] for stage in columns if stage.pk in found), None)


def neighbours(
    application: Application,
    chosen: BoardFilter,
    stages: list[Any],
    view: BoardView | None = None,
) -> Neighbours | None:
    """The cards before and after the application in its board, column by
    column in the board's order under `chosen` and a board view (screening's
    requirements and score, say). Each query reads one row through the
    board's index: two when the neighbours share the column, one more for
    each direction that leaves it (and one for the view's keys of this
    application), never more as data grows."""
    ids = [stage.pk for stage in stages]
    if not application.is_active or application.stage_id not in ids:
        return None
    base = chosen.narrow(
        Application.objects.filter(job=application.job_id, outcome=application.outcome)
    )
    keys = _keys(chosen, view)
    values = {name: getattr(application, name) for name, _desc in keys[-2:]}
    if view is not None:
        base = base.filter(*view.filters)
        if view.keys:
            annotations = {name: expression for name, expression, _d in view.keys}
            base = base.annotate(**annotations)
            own = Application.objects.filter(pk=application.pk).annotate(**annotations)
            values.update(own.values(*annotations).get())
    here = next(stage for stage in stages if stage.pk == application.stage_id)
    in_order = sorted(stages, key=lambda stage: (stage.order, stage.pk))
    position = in_order.index(here)
    found: dict[bool, int | None] = {}
    for forward in (False, True):
        column = base.filter(stage=application.stage_id).filter(_beyond(values, keys, forward))
        found[forward] = _ordered(column, keys, forward).values_list("pk", flat=True).first()
        if found[forward] is None:
            others = in_order[position + 1 :] if forward else in_order[:position][::-1]
            found[forward] = _nearest_column_card(base, keys, others, forward)
    return Neighbours(previous=found[False], next=found[True])


def board_suffix(chosen: BoardFilter, view: BoardView | None) -> str:
    """The filter's and the view's choices as "?…", kept by card and
    previous/next links so the application page walks the same board."""
    pairs = [p for p in (chosen.querystring(), urlencode(view.query) if view else "") if p]
    return "?" + "&".join(pairs) if pairs else ""
