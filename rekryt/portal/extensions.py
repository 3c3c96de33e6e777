"""What apps above the portal add to its home page, registered in their
AppConfig.ready() so the portal never imports them (interviews shows the
candidate's upcoming interviews and the times they may choose)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.http import HttpRequest

    from rekryt.candidates.models import Candidate

# (request, candidate) -> (template name, context) or None for nothing to show.
Panel = Callable[["HttpRequest", "Candidate"], "tuple[str, dict[str, Any]] | None"]
_panels: list[Panel] = []


def add_home_panel(panel: Panel) -> None:
    if panel not in _panels:
        _panels.append(panel)


def home_panels(request: HttpRequest, candidate: Candidate) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for panel in _panels:
        shown = panel(request, candidate)
        if shown is not None:
            found.append(shown)
    return found
