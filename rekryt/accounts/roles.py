"""View decorators for staff roles.

A logged-in staff member without the role gets 404, not 403: the page
might as well not exist for them, and a 403 would confirm that it does.
Anonymous visitors are sent to the login page.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

View = TypeVar("View", bound=Callable[..., HttpResponse])


def staff_required(view: View) -> View:
    """Any active staff member (every account is staff)."""
    return login_required(view)  # type: ignore[return-value]


def _requiring(test: Callable[[Any], bool]) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not test(request.user):
                raise Http404
            return view(request, *args, **kwargs)

        return login_required(wrapped)  # type: ignore[return-value]

    return decorator


recruiter_required = _requiring(lambda user: user.can_manage_jobs)
recruiter_required.__doc__ = "Admins and recruiters; other staff get 404."

admin_required = _requiring(lambda user: user.is_admin)
admin_required.__doc__ = "Admins only; other staff get 404."
