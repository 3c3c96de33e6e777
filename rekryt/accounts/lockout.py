"""Failed staff logins, counted in the database (rekryt.accounts.ratelimit).

A typed login that names an account (its username or its email address, in
any case) counts against that account, so both spellings share one count;
any other name counts per normalised name. Either way the count is per
client address too, so nobody can lock a colleague out from elsewhere, and
unknown names get exactly the answers and the queries known ones get. An
address is also limited across every name."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest

from rekryt.accounts.models import User
from rekryt.accounts.ratelimit import count, counter_key, forget, uncount
from rekryt.lib.ratelimit import client_ip

PER_ADDRESS = 30  # failures from one address across all names …
PER_ADDRESS_SECONDS = 10 * 60  # … in ten minutes


def subject(login: str) -> str:
    """The account a typed login names, or the normalised name itself. One
    query whether or not the account exists."""
    name = login.strip().lower()
    account = (
        User.objects.filter(Q(username__iexact=name) | Q(email__iexact=name))
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    return f"account:{account}" if account is not None else f"name:{name}"


def _account_key(request: HttpRequest, login: str) -> str:
    return counter_key("login-failed", subject(login), client_ip(request))


@dataclass
class Attempt:
    """The counts one login attempt took; given back when it succeeds, so
    successful logins neither use up nor reset the count."""

    keys: list[str] = field(default_factory=list)

    def take_back(self) -> None:
        for key in self.keys:
            uncount(key)


def begin(request: HttpRequest, login: str) -> Attempt | None:
    """Count an attempt before the password is checked; None when logging
    in with this name from this address is paused."""
    by_address = counter_key("login-failed-ip", client_ip(request))
    if count(by_address, PER_ADDRESS_SECONDS) > PER_ADDRESS:
        return None
    by_account = _account_key(request, login)
    if count(by_account, settings.LOGIN_LOCKOUT_MINUTES * 60) > settings.LOGIN_FAILURES_LIMIT:
        return None
    return Attempt([by_address, by_account])


def clear(request: HttpRequest, login: str) -> None:
    """Lift the pause for this account from this address (a password reset)."""
    forget(_account_key(request, login))
