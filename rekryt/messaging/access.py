"""Who may see and change messages. Outsiders get 404, never 403."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse

from rekryt.accounts.models import Role
from rekryt.applications.models import Application
from rekryt.messaging.models import Message

View = Callable[..., HttpResponse]


def admin_required(view: View) -> View:
    """Logged in and an admin; everyone else sees a page that does not exist."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_admin:  # type: ignore[union-attr]
            raise Http404
        return view(request, *args, **kwargs)

    return login_required(wrapper)


def cancellable_messages(user: Any) -> QuerySet[Message]:
    """Messages `user` may cancel: recruiters and admins, about applications
    they can see. Only admins reach messages that concern no application."""
    if not user.is_active or user.role not in (Role.ADMIN, Role.RECRUITER):
        return Message.objects.none()
    visible = Q(application__in=Application.objects.visible_to(user))
    if user.role == Role.ADMIN:
        visible |= Q(application__isnull=True)
    return Message.objects.filter(visible)


def previewable_messages(user: Any) -> QuerySet[Message]:
    """Candidate emails `user` may read before they go out: those about the
    applications they can see (their timeline already lists them)."""
    if not user.is_authenticated or not user.is_active:
        return Message.objects.none()
    return Message.objects.filter(application__in=Application.objects.visible_to(user))
