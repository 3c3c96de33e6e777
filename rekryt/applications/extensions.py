"""What apps above `applications` add to its pages, registered in their
AppConfig.ready() (the way messaging/hooks.py works), so applications never
imports them: a panel on the application page, a column annotation and a
flag on the board's cards, a named board filter.

Conversations uses all four for unread replies."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

if TYPE_CHECKING:
    from django.http import HttpRequest

    from rekryt.applications.models import Application

# (request, application) -> (template name, context) or None for no panel.
Panel = Callable[["HttpRequest", "Application"], "tuple[str, dict[str, Any]] | None"]
_panels: list[Panel] = []

# name -> a function returning the expression to annotate board cards with.
_annotations: dict[str, Callable[[], Any]] = {}

# (annotation name, function returning the flag's label in the current language)
_flags: list[tuple[str, Callable[[], str]]] = []

# name -> function(queryset) returning it narrowed.
BoardFilter = Callable[["QuerySet[Application]"], "QuerySet[Application]"]
_filters: dict[str, BoardFilter] = {}


# Relations the application page loads with the application in its one
# query, for the panels (say "candidate__address_failure").
_detail_related: list[str] = []


def add_detail_related(*names: str) -> None:
    _detail_related.extend(n for n in names if n not in _detail_related)


def detail_related() -> list[str]:
    return list(_detail_related)


def add_detail_panel(panel: Panel) -> None:
    if panel not in _panels:
        _panels.append(panel)


def detail_panels(request: HttpRequest, application: Application) -> list[tuple[str, Any]]:
    found = []
    for panel in _panels:
        shown = panel(request, application)
        if shown is not None:
            found.append(shown)
    return found


def add_card_flag(name: str, expression: Callable[[], Any], label: Callable[[], str]) -> None:
    """Annotate every board card with `name` and show `label` on those where
    it is true."""
    _annotations[name] = expression
    if all(existing != name for existing, _label in _flags):
        _flags.append((name, label))


def card_annotations() -> dict[str, Any]:
    return {name: expression() for name, expression in _annotations.items()}


def card_flags() -> list[tuple[str, Callable[[], str]]]:
    return list(_flags)


def add_board_filter(name: str, narrow: BoardFilter) -> None:
    _filters[name] = narrow


def board_filter(name: str) -> BoardFilter | None:
    return _filters.get(name)
