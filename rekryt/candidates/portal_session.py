"""The candidate portal session: which candidate this browser belongs to.

A portal session is separate from staff logins. Signing in to the portal
ends any staff login in the browser, and a request with a logged-in staff user
is never treated as a candidate, so the two can never mix. Portal sessions
end after a day without activity."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers

from rekryt.candidates.models import Candidate

CANDIDATE_KEY = "portal_candidate_id"
SEEN_KEY = "portal_seen"
IDLE_SECONDS = 24 * 60 * 60
# The last-seen time is written at most this often, not on every page.
TOUCH_SECONDS = 60


def sign_in(request: HttpRequest, candidate: Candidate) -> None:
    if request.user.is_authenticated:
        logout(request)  # flushes the staff session: never both at once
    request.session.cycle_key()  # a fixed session id cannot be planted before sign-in
    request.session[CANDIDATE_KEY] = candidate.pk
    request.session[SEEN_KEY] = int(time.time())
    request.session.set_expiry(IDLE_SECONDS)


def sign_out(request: HttpRequest) -> None:
    request.session.flush()


def current_candidate(request: HttpRequest) -> Candidate | None:
    if request.user.is_authenticated:
        return None
    pk = request.session.get(CANDIDATE_KEY)
    seen = request.session.get(SEEN_KEY, 0)
    now = int(time.time())
    if not isinstance(pk, int) or now - int(seen) > IDLE_SECONDS:
        return None
    candidate = Candidate.objects.filter(pk=pk).first()
    if candidate is None:
        return None
    if now - int(seen) > TOUCH_SECONDS:
        request.session[SEEN_KEY] = now
        request.session.set_expiry(IDLE_SECONDS)
    return candidate


def candidate_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Pass the signed-in candidate to the view; others go to the new-link page."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        candidate = current_candidate(request)
        if candidate is None:
            return redirect("portal_new_link")
        response = view(request, candidate, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapped
