"""What conversations adds to the applications app's pages (registered in
apps.py through rekryt.applications.extensions)."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext

from rekryt.applications.models import Application, may_decide
from rekryt.candidates.models import Candidate
from rekryt.conversations.models import AddressFailure, Reply


def conversation_panel(
    request: HttpRequest, application: Application
) -> tuple[str, dict[str, Any]]:
    """Unread replies, a failing address, and the way to write, in one query
    (the failure comes with the application: apps.py asks for it). The
    recruiter's emails waiting to go out are on the timeline, with undo."""
    unread = list(Reply.objects.filter(application=application, read_at=None))
    return (
        "conversations/panel.html",
        {
            "application": application,
            "unread": unread,
            "failure": failure_of(application.candidate),
            "can_write": may_decide(request.user),  # type: ignore[arg-type]
        },
    )


def failure_of(candidate: Candidate) -> AddressFailure | None:
    try:
        return candidate.address_failure  # type: ignore[no-any-return]
    except AddressFailure.DoesNotExist:
        return None


def has_unread() -> Any:
    return Exists(Reply.objects.filter(application=OuterRef("pk"), read_at=None))


def unread_label() -> str:
    return gettext("Unread reply")


def only_unread(queryset: QuerySet[Application]) -> QuerySet[Application]:
    return queryset.filter(Exists(Reply.objects.filter(application=OuterRef("pk"), read_at=None)))


SHOWN_ON_DASHBOARD = 5


def unread_for(user: Any) -> QuerySet[Reply]:
    """Unread replies on the applications `user` may see, newest first."""
    return (
        Reply.objects.filter(read_at=None, application__in=Application.objects.visible_to(user))
        .select_related("application", "application__job")
        .order_by("-received_at", "-pk")
    )


def dashboard_panel(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    """The newest unread replies, in one query (one more to count them when
    there are more than it shows)."""
    newest = list(unread_for(request.user)[: SHOWN_ON_DASHBOARD + 1])
    if not newest:
        return None
    total = len(newest)
    if total > SHOWN_ON_DASHBOARD:
        total = unread_for(request.user).count()
    return (
        "conversations/dashboard_panel.html",
        {"replies": newest[:SHOWN_ON_DASHBOARD], "total": total},
    )
