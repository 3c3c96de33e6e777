"""Asking for a password reset: the same answer, after the same work, for
addresses that belong to someone and addresses that do not.

The form stores the address as a request row (rekryt.accounts.email_requests)
and looks nothing up; the worker's `send_password_resets` duty does the
look-up and queues the email. Requests are limited per client address and
per typed address in the database, like every other limit."""

from __future__ import annotations

from typing import Any

from allauth.account import forms as allauth_forms
from allauth.account import views as allauth_views
from allauth.core.ratelimit import respond_429
from django.http import HttpRequest, HttpResponse

from rekryt.accounts import email_requests
from rekryt.accounts.models import EmailRequestKind
from rekryt.accounts.ratelimit import within
from rekryt.lib.ratelimit import client_ip

PER_ADDRESS = 10  # requests from one client address a minute
PER_EMAIL = 3  # requests for one typed address a minute


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip()

    def save(self, request: HttpRequest, **kwargs: Any) -> str:
        email = str(self.cleaned_data["email"])
        email_requests.ask(EmailRequestKind.PASSWORD_RESET, email)
        return email


def _allowed(request: HttpRequest, email: str) -> bool:
    return within(("reset-ip", client_ip(request)), PER_ADDRESS, 60) and within(
        ("reset-email", email.lower()), PER_EMAIL, 60
    )


class PasswordResetView(allauth_views.PasswordResetView):
    form_class = ResetPasswordForm

    def form_valid(self, form: Any) -> HttpResponse:
        if not _allowed(self.request, form.cleaned_data["email"]):
            return respond_429(self.request)
        return super().form_valid(form)


password_reset = PasswordResetView.as_view()
