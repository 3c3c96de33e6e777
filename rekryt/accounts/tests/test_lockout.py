"""Failed logins lock a login name from one address for a while, and the
answers never tell whether the name belongs to someone."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from rekryt.accounts.models import User


def _normalised(response: Any, typed: str) -> str:
    body = response.content.decode()
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken"', body)
    return body.replace(f'value="{typed}"', 'value="TYPED"')


def _fail(client: Any, login: str, times: int) -> Any:
    response = None
    for _ in range(times):
        response = client.post(reverse("login"), {"login": login, "password": "wrong-guess"})
    return response


def test_lockout_answers_unknown_and_known_names_alike(client: Any, rita: User) -> None:
    limit = settings.LOGIN_FAILURES_LIMIT
    known_fail = _fail(client, "rita", 1)
    unknown_fail = _fail(client, "ghost", 1)
    assert known_fail.status_code == unknown_fail.status_code == 200
    assert known_fail.templates[0].name == unknown_fail.templates[0].name == "account/login.html"
    assert _normalised(known_fail, "rita") == _normalised(unknown_fail, "ghost")

    known_locked = _fail(client, "rita", limit)
    unknown_locked = _fail(client, "ghost", limit)
    assert known_locked.status_code == unknown_locked.status_code == 200
    assert "Too many failed attempts" in known_locked.content.decode()
    assert _normalised(known_locked, "rita") == _normalised(unknown_locked, "ghost")


def test_the_right_password_does_not_open_a_locked_account(client: Any, rita: User) -> None:
    _fail(client, "rita", settings.LOGIN_FAILURES_LIMIT)
    response = client.post(reverse("login"), {"login": "rita", "password": "pw-rita"})
    assert "_auth_user_id" not in client.session
    assert "Too many failed attempts" in response.content.decode()


def test_lock_is_per_address(client: Any, rita: User) -> None:
    _fail(client, "rita", settings.LOGIN_FAILURES_LIMIT)
    response = client.post(
        reverse("login"), {"login": "rita", "password": "pw-rita"}, REMOTE_ADDR="192.0.2.7"
    )
    assert response.status_code == 302


def test_lock_ends_after_the_lockout_time(client: Any, rita: User) -> None:
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        _fail(client, "rita", settings.LOGIN_FAILURES_LIMIT + 1)
        traveller.shift(timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES - 1))
        response = client.post(reverse("login"), {"login": "rita", "password": "pw-rita"})
        assert "Too many failed attempts" in response.content.decode()
        traveller.shift(timedelta(minutes=2))
        response = client.post(reverse("login"), {"login": "rita", "password": "pw-rita"})
        assert response.status_code == 302
        assert int(client.session["_auth_user_id"]) == rita.pk


def test_successful_logins_do_not_reset_the_count(client: Any, rita: User) -> None:
    _fail(client, "rita", settings.LOGIN_FAILURES_LIMIT - 1)
    assert (
        client.post(reverse("login"), {"login": "rita", "password": "pw-rita"}).status_code == 302
    )
    client.post(reverse("logout"))
    response = _fail(client, "rita", 1)
    assert "Too many failed attempts" not in response.content.decode()
    response = _fail(client, "rita", 1)
    assert "Too many failed attempts" in response.content.decode()


def test_too_many_reset_requests_get_a_friendly_429(client: Any, db: Any) -> None:
    responses = [
        client.post(reverse("account_reset_password"), {"email": "x@example.com"}) for _ in range(5)
    ]
    limited = responses[-1]
    assert limited.status_code == 429
    assert "Too many attempts" in limited.content.decode()
