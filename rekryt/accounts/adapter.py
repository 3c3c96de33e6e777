"""How django-allauth behaves for Rekryt's staff.

No one signs up: accounts come from an admin's invitation (rekryt.accounts.
invites). Single sign-on only lets in existing active staff, or someone with
a pending invitation, matched on the identity provider's verified email.
Failed logins are counted per account (or unknown name) and client address,
the same way for names that exist and names that do not (rekryt.accounts.
lockout)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any
from urllib.parse import quote, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext

from rekryt.accounts import lockout
from rekryt.accounts.models import Organisation, User
from rekryt.lib.ratelimit import client_ip

# Authenticators that count as a second factor (recovery codes are a
# fallback for them, not a factor of their own).
SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def _typed_login(credentials: dict[str, Any]) -> str:
    return str(credentials.get("email", credentials.get("username", "")))


def _lockout_message() -> str:
    return gettext(
        "Too many failed attempts to log in. For your security, logging in is "
        "paused for %(minutes)s minutes. Try again later, or reset your password."
    ) % {"minutes": settings.LOGIN_LOCKOUT_MINUTES}


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": lazy(_lockout_message, str)(),
    }

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def get_client_ip(self, request: HttpRequest) -> str:
        return client_ip(request)

    # Failed logins are counted by rekryt.accounts.lockout in the database
    # instead of allauth's cache (see that module for what is counted).
    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        self._attempt = lockout.begin(request, _typed_login(credentials))
        if self._attempt is None:
            raise self.validation_error("too_many_login_attempts")

    def _rollback_login_failed_rl_usage(self) -> None:
        attempt = getattr(self, "_attempt", None)
        if attempt is not None:
            attempt.take_back()

    def _delete_login_attempts_cached_email(self, request: HttpRequest, **credentials: Any) -> None:
        lockout.clear(request, _typed_login(credentials))

    def format_email_subject(self, subject: str) -> str:
        return f"{Organisation.get().name}: {subject}"

    def get_reset_password_from_key_url(self, key: str) -> str:
        # Absolute links come from SITE_URL, never from the Host header; the
        # worker builds them with no request at all (rekryt.accounts.duties).
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return settings.SITE_URL + path.replace("UID-KEY", quote(key))

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # allauth's own version asks the request for the site, and the worker
        # sends password resets without one.
        site = SimpleNamespace(
            name=Organisation.get().name, domain=urlsplit(settings.SITE_URL).netloc
        )
        ctx = {"email": email, "current_site": site, **context}
        self.render_mail(template_prefix, email, ctx).send()


class MFAAdapter(DefaultMFAAdapter):
    def get_totp_issuer(self) -> str:
        return Organisation.get().name or super().get_totp_issuer()

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """When the organisation requires two-factor authentication, the last
        second factor cannot be removed."""
        if authenticator.type not in SECOND_FACTORS:
            return True
        if not Organisation.get().require_two_factor:
            return True
        others = Authenticator.objects.filter(
            user_id=authenticator.user_id, type__in=SECOND_FACTORS
        ).exclude(pk=authenticator.pk)
        return others.exists()


def _refuse(request: HttpRequest) -> ImmediateHttpResponse:
    response = render(request, "socialaccount/refused.html", status=403)
    return ImmediateHttpResponse(response)


def _verified_emails(sociallogin: Any) -> list[str]:
    return [
        address.email.strip().lower()
        for address in sociallogin.email_addresses
        if address.verified and address.email
    ]


def _domain_allowed(email: str) -> bool:
    allowed = settings.OIDC_ALLOWED_DOMAINS
    return not allowed or email.rpartition("@")[2] in allowed


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest, sociallogin: Any) -> bool:
        return False

    def is_auto_signup_allowed(self, request: HttpRequest, sociallogin: Any) -> bool:
        return False

    def pre_social_login(self, request: HttpRequest, sociallogin: Any) -> None:
        """Let in existing active staff and pending invitations only; never
        create staff from an identity provider's say-so alone."""
        if sociallogin.state.get("process") != "login":
            raise _refuse(request)  # no connecting identities by hand
        if sociallogin.is_existing:
            if not sociallogin.user.is_active:
                raise _refuse(request)
            return
        emails = [e for e in _verified_emails(sociallogin) if _domain_allowed(e)]
        if not emails:
            raise _refuse(request)
        users = list(User.objects.filter(email__iexact=emails[0], is_active=True)[:2])
        if len(users) == 1:
            sociallogin.connect(request, users[0])
            return
        if users:  # two accounts share the address: do not guess
            raise _refuse(request)
        from rekryt.accounts.actions import accept_invite_by_sso

        user = accept_invite_by_sso(request, emails[0])
        if user is None:
            raise _refuse(request)
        sociallogin.connect(request, user)
