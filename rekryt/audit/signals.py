"""Logins, logouts and failed logins, from django.contrib.auth's signals
(allauth sends the same ones). A password never reaches the log: only the
name that was typed, shortened, goes into the summary of a failed login."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import signals

from rekryt.audit.log import record
from rekryt.audit.models import Action

TYPED_NAME_MAX = 60
# The keys an authentication backend may be called with for the account name.
NAME_KEYS = ("username", "login", "email")


def logged_in(sender: Any, request: Any = None, user: Any = None, **kwargs: Any) -> None:
    record(Action.LOGIN, request=request, actor=user)


def logged_out(sender: Any, request: Any = None, user: Any = None, **kwargs: Any) -> None:
    # `user` is None when the session had already expired: nothing to log.
    if user is not None:
        record(Action.LOGOUT, request=request, actor=user)


def login_failed(sender: Any, credentials: Any = None, request: Any = None, **kwargs: Any) -> None:
    typed = ""
    for key in NAME_KEYS:
        value = (credentials or {}).get(key)
        if isinstance(value, str) and value:
            typed = value
            break
    # Control characters would only make the log harder to read.
    typed = "".join(c for c in typed if c.isprintable())[:TYPED_NAME_MAX]
    record(Action.LOGIN_FAILED, request=request, detail="login_failed", params={"name": typed})


def connect() -> None:
    signals.user_logged_in.connect(logged_in, dispatch_uid="audit_logged_in")
    signals.user_logged_out.connect(logged_out, dispatch_uid="audit_logged_out")
    signals.user_login_failed.connect(login_failed, dispatch_uid="audit_login_failed")
