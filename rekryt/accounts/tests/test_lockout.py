"""Failed logins lock an account (whichever way its name is typed) from one
address for a while, and the answers never tell whether the name belongs to
someone."""

from __future__ import annotations

import re
import threading
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import make_user
from rekryt.accounts import lockout
from rekryt.accounts.models import Role, User


@pytest.fixture
def rita_in_transaction(transactional_db: Any) -> User:
    return make_user("rita", Role.RECRUITER)


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


def _locked(response: Any) -> bool:
    return "Too many failed attempts" in response.content.decode()


def test_username_and_email_share_one_count(client: Any, rita: User) -> None:
    limit = settings.LOGIN_FAILURES_LIMIT
    _fail(client, "rita", limit - 2)
    _fail(client, "Rita@Example.com", 1)
    # One short of the limit across both spellings: the right password works.
    response = client.post(reverse("login"), {"login": "RITA", "password": "pw-rita"})
    assert response.status_code == 302
    client.post(reverse("logout"))
    _fail(client, "rita@example.com", 1)
    for spelling in ("rita", "RITA@EXAMPLE.COM", " Rita "):
        response = client.post(reverse("login"), {"login": spelling, "password": "pw-rita"})
        assert _locked(response), spelling
        assert "_auth_user_id" not in client.session


def test_unknown_names_count_per_normalised_name(client: Any, db: Any) -> None:
    limit = settings.LOGIN_FAILURES_LIMIT
    _fail(client, "Ghost", limit - 1)
    assert not _locked(_fail(client, "ghost ", 1))
    assert _locked(_fail(client, "GHOST", 1))
    assert not _locked(_fail(client, "someone-else", 1))


def test_a_lock_on_one_account_leaves_others_alone(client: Any, rita: User, alice: User) -> None:
    _fail(client, "rita@example.com", settings.LOGIN_FAILURES_LIMIT)
    response = client.post(reverse("login"), {"login": "alice", "password": "pw-alice"})
    assert response.status_code == 302


def test_an_address_is_limited_across_all_names(client: Any, db: Any, settings: Any) -> None:
    # allauth's own flood limit on the login page (30 a minute) would come first.
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "100/m/ip"}
    for n in range(lockout.PER_ADDRESS):
        assert not _locked(_fail(client, f"name{n}", 1))
    assert _locked(_fail(client, "yet-another-name", 1))
    other = client.post(reverse("login"), {"login": "x", "password": "y"}, REMOTE_ADDR="192.0.2.9")
    assert not _locked(other)


@pytest.mark.django_db(transaction=True)
def test_parallel_guesses_get_exactly_the_limit(rita_in_transaction: User) -> None:
    parallel = 25
    barrier = threading.Barrier(parallel)
    answers: list[bool] = []

    def guess() -> None:
        try:
            client = Client()
            barrier.wait()
            response = client.post(reverse("login"), {"login": "rita", "password": "wrong"})
            answers.append(_locked(response))
        finally:
            connection.close()

    threads = [threading.Thread(target=guess) for _ in range(parallel)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers.count(False) == settings.LOGIN_FAILURES_LIMIT
    assert answers.count(True) == parallel - settings.LOGIN_FAILURES_LIMIT
