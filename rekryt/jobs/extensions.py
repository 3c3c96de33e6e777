"""What apps above `jobs` add to the staff dashboard, registered in their
AppConfig.ready() so jobs never imports them (conversations shows the
unread replies here)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.http import HttpRequest

# request -> (template name, context) or None for nothing to show.
Panel = Callable[["HttpRequest"], "tuple[str, dict[str, Any]] | None"]
_panels: list[Panel] = []


def add_dashboard_panel(panel: Panel) -> None:
    if panel not in _panels:
        _panels.append(panel)


def dashboard_panels(request: HttpRequest) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for panel in _panels:
        shown = panel(request)
        if shown is not None:
            found.append(shown)
    return found
