"""Staff log in through allauth: username or email and a password."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from rekryt.accounts.models import User


def test_login_page_is_the_allauth_form(client: Any, db: Any) -> None:
    response = client.get(reverse("login"))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'name="login"' in body and 'name="password"' in body
    assert "<script>" not in body  # only external scripts under the CSP
    assert reverse("account_reset_password") in body


def test_login_with_username_rotates_the_session(client: Any, rita: User) -> None:
    client.get(reverse("login"))
    client.session.save()
    before = client.session.session_key
    response = client.post(reverse("login"), {"login": "rita", "password": "pw-rita"})
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    assert client.session.session_key != before
    assert int(client.session["_auth_user_id"]) == rita.pk


def test_login_with_email_and_next(client: Any, rita: User) -> None:
    response = client.post(
        reverse("login") + "?next=/staff/candidates/",
        {"login": "RITA@example.com", "password": "pw-rita", "next": "/staff/candidates/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/staff/candidates/"


def test_next_cannot_leave_the_site(client: Any, rita: User) -> None:
    response = client.post(
        reverse("login"), {"login": "rita", "password": "pw-rita", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("dashboard")


def test_wrong_password_is_refused(client: Any, rita: User) -> None:
    response = client.post(reverse("login"), {"login": "rita", "password": "nope"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "not correct" in response.content.decode()


def test_deactivated_staff_cannot_log_in(client: Any, rita: User) -> None:
    rita.is_active = False
    rita.save()
    response = client.post(reverse("login"), {"login": "rita", "password": "pw-rita"})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 302)


def test_logout_needs_a_post(client: Any, rita: User) -> None:
    client.force_login(rita)
    client.get(reverse("logout"))
    assert "_auth_user_id" in client.session
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert "_auth_user_id" not in client.session


def test_nobody_can_sign_up(client: Any, db: Any) -> None:
    response = client.post(
        reverse("account_signup"),
        {
            "username": "mallory",
            "email": "mallory@example.com",
            "password1": "a-long-enough-pass-123",
            "password2": "a-long-enough-pass-123",
        },
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="mallory").exists()


def test_email_addresses_are_not_self_managed(client: Any, rita: User) -> None:
    client.force_login(rita)
    assert client.get("/staff/account/email/").status_code == 404


def test_staff_pages_still_send_anonymous_visitors_to_login(client: Any, db: Any) -> None:
    response = client.get("/staff/")
    assert response["Location"].startswith("/staff/login/?next=/staff/")
