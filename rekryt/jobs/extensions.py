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


# Public page views of a job (the job page, the application form), for apps
# that count visits per channel (campaigns). A listener must be cheap: it runs
# inside the public request.
PageView = Callable[["HttpRequest", Any, str, str], None]
_page_view_listeners: list[PageView] = []

# Reactions to a job being closed (campaigns withdraws it from Platsbanken).
JobClosed = Callable[[Any], None]
_job_closed_listeners: list[JobClosed] = []


def on_page_view(listener: PageView) -> None:
    if listener not in _page_view_listeners:
        _page_view_listeners.append(listener)


def page_viewed(request: HttpRequest, job: Any, page: str, source: str) -> None:
    """`page` is "job" or "apply"; `source` the cleaned ?source= slug."""
    for listener in _page_view_listeners:
        listener(request, job, page, source)


def on_job_closed(listener: JobClosed) -> None:
    if listener not in _job_closed_listeners:
        _job_closed_listeners.append(listener)


def job_closed(job: Any) -> None:
    for listener in _job_closed_listeners:
        listener(job)
