"""Staff session rules: an idle timeout and an absolute lifetime, and the
organisation's two-factor requirement.

Only logged-in staff are affected: the candidate portal's session is
anonymous to Django's auth and keeps its own expiry (rekryt.candidates.portal_session)."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from rekryt.accounts.models import Organisation

LOGIN_AT_KEY = "staff_login_at"
SEEN_KEY = "staff_seen"
# The last-seen time is written at most this often, not on every request.
TOUCH_SECONDS = 30


def _login_redirect(request: HttpRequest) -> HttpResponse:
    url = reverse("login")
    if request.method == "GET" and not request.headers.get("HX-Request"):
        url += "?" + urlencode({"next": request.get_full_path()})
    return HttpResponseRedirect(url)


def start_staff_session(sender: object, request: HttpRequest | None, **kwargs: object) -> None:
    """At login (user_logged_in): the clocks for both limits start now."""
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[LOGIN_AT_KEY] = request.session[SEEN_KEY] = now


class StaffSessionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            session = request.session
            now = int(time.time())
            login_at = session.get(LOGIN_AT_KEY)
            seen = session.get(SEEN_KEY)
            if not isinstance(login_at, int) or not isinstance(seen, int):
                session[LOGIN_AT_KEY] = session[SEEN_KEY] = now
            elif (
                now - seen > settings.SESSION_IDLE_MINUTES * 60
                or now - login_at > settings.SESSION_MAX_HOURS * 3600
            ):
                logout(request)
                messages.info(request, _("You were logged out to keep your account safe."))
                return _login_redirect(request)
            elif now - seen >= TOUCH_SECONDS:
                session[SEEN_KEY] = now
        return self.get_response(request)


# URL names a staff member without a second factor may still use when the
# organisation requires one: setting it up, and leaving.
SETUP_URL_NAMES = {
    "mfa_index",
    "mfa_activate_totp",
    "mfa_add_webauthn",
    "mfa_reauthenticate",
    "account_reauthenticate",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "logout",
    "account_logout",
    "set_language",
    "brand_css",
    "organisation_logo",
}


def has_second_factor(user: object) -> bool:
    from allauth.mfa.models import Authenticator

    from rekryt.accounts.adapter import SECOND_FACTORS

    return Authenticator.objects.filter(user_id=user.pk, type__in=SECOND_FACTORS).exists()  # type: ignore[attr-defined]


class TwoFactorRequiredMiddleware:
    """When Organisation.require_two_factor is on, a logged-in staff member
    without an authenticator can reach only the two-factor setup pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.user.is_authenticated
            and not request.path.startswith(settings.STATIC_URL)
            and Organisation.get().require_two_factor
        ):
            match = getattr(request, "resolver_match", None)
            name = match.url_name if match else None
            if name is None:
                from django.urls import Resolver404, resolve

                try:
                    name = resolve(request.path_info).url_name
                except Resolver404:
                    name = None
            if name not in SETUP_URL_NAMES and not has_second_factor(request.user):
                if request.method == "GET":
                    messages.warning(
                        request,
                        _(
                            "Your organisation requires two-factor authentication. "
                            "Set it up to continue."
                        ),
                    )
                return redirect("mfa_index")
        return self.get_response(request)
