"""The accounts app's background work (run by `manage.py worker`)."""

from __future__ import annotations

import time
from datetime import datetime

from allauth.account.forms import ResetPasswordForm
from django.db import transaction
from django.utils import translation

from rekryt.accounts import email_requests, ratelimit
from rekryt.accounts.models import EmailRequestKind
from rekryt.lib.duty import DELIVERY, Duty

PURGE_EVERY = 60.0  # seconds between sweeps of ended rate-limit windows


class PurgeEndedCounters(Duty):
    """Delete rate-limit and lockout windows that have ended, and link
    requests nobody handled in time, a batch at a time, sweeping at most once
    a minute per worker. Two workers deleting the same rows is harmless."""

    name = "purge_ended_counters"

    def __init__(self) -> None:
        self.next_sweep = 0.0

    def handle_one(self) -> bool:
        if time.monotonic() < self.next_sweep:
            return False
        batch = 1000
        if ratelimit.purge_ended(batch=batch) == batch:
            return True  # more may be waiting
        email_requests.drop_stale()
        self.next_sweep = time.monotonic() + PURGE_EVERY
        return False


class SendPasswordResets(Duty):
    """Take one password-reset request, and if its address belongs to an
    active staff member queue the reset email (through the outbox, in the
    language the form was read in). Unknown addresses get nothing. The
    address is never logged."""

    name = "send_password_resets"
    lane = DELIVERY

    def oldest_due(self) -> datetime | None:
        return email_requests.oldest(EmailRequestKind.PASSWORD_RESET)

    def handle_one(self) -> bool:
        with transaction.atomic():
            request = email_requests.take(EmailRequestKind.PASSWORD_RESET)
            if request is None:
                return False
            with translation.override(request.language or None):
                form = ResetPasswordForm(data={"email": request.email})
                if form.is_valid():
                    form.save(request=None)  # type: ignore[arg-type]
        return True


DUTIES = [PurgeEndedCounters, SendPasswordResets]
