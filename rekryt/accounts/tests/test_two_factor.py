"""Two-factor authentication: TOTP through the real login, the Security
page, and the organisation-wide requirement."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import time_machine
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import timezone

from rekryt.accounts.models import Organisation, User
from rekryt.accounts.tests.totp import totp
from rekryt.audit.models import Action, AuditEntry


def _password_login(client: Any, username: str) -> Any:
    return client.post(reverse("login"), {"login": username, "password": f"pw-{username}"})


def _reauthenticate(client: Any, username: str) -> None:
    response = client.post(reverse("account_reauthenticate"), {"password": f"pw-{username}"})
    assert response.status_code == 302, response.content.decode()


def _activate_totp(client: Any, username: str = "rita") -> str:
    _reauthenticate(client, username)
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200, response
    secret = re.search(
        r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', response.content.decode()
    )
    if secret is None:
        secret = re.search(r'value="([A-Z2-7]{16,})"', response.content.decode())
    assert secret, response.content.decode()
    response = client.post(reverse("mfa_activate_totp"), {"code": totp(secret.group(1))})
    assert response.status_code == 302, response.content.decode()
    return secret.group(1)


def test_totp_login_end_to_end(client: Any, rita: User) -> None:
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        _password_login(client, "rita")
        secret = _activate_totp(client)
        assert Authenticator.objects.filter(user=rita, type="totp").exists()
        client.post(reverse("logout"))

        traveller.shift(timedelta(seconds=60))
        response = _password_login(client, "rita")
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_authenticate")
        assert "_auth_user_id" not in client.session

        response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
        assert "_auth_user_id" not in client.session

        response = client.post(reverse("mfa_authenticate"), {"code": totp(secret)})
        assert response.status_code == 302
        assert response["Location"] == reverse("dashboard")
        assert int(client.session["_auth_user_id"]) == rita.pk


def test_security_page_is_linked_for_every_staff_member(client: Any, ivan: User) -> None:
    client.force_login(ivan)
    dashboard = client.get(reverse("dashboard"))
    assert reverse("mfa_index") in dashboard.content.decode()
    page = client.get(reverse("mfa_index"))
    assert page.status_code == 200
    body = page.content.decode()
    assert reverse("mfa_activate_totp") in body
    assert reverse("mfa_add_webauthn") in body
    assert "<script>" not in body


def test_passkey_pages_load_their_javascript_from_static_files(client: Any, rita: User) -> None:
    _password_login(client, "rita")
    _reauthenticate(client, "rita")
    response = client.get(reverse("mfa_add_webauthn"))
    assert response.status_code == 200
    body = response.content.decode()
    assert '<script src="/static/mfa/js/webauthn.js"' in body
    # Data blocks only: nothing a browser would run inline.
    for tag in re.findall(r"<script[^>]*>", body):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert client.get("/static/mfa/js/webauthn.js").status_code == 200
    client.post(reverse("logout"))
    login = client.get(reverse("login"))
    assert "passkey_login" in login.content.decode()


def test_requirement_sends_staff_without_a_factor_to_setup(client: Any, rita: User) -> None:
    org = Organisation.get()
    org.require_two_factor = True
    org.save()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        _password_login(client, "rita")
        response = client.get(reverse("dashboard"))
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_index")
        assert client.get(reverse("candidate_list")).status_code == 302
        assert client.get(reverse("mfa_index")).status_code == 200
        assert client.get("/static/css/base.css").status_code == 200

        _activate_totp(client)
        traveller.shift(timedelta(seconds=60))
        assert client.get(reverse("dashboard")).status_code == 200


def test_requirement_still_allows_logging_out(client: Any, rita: User) -> None:
    org = Organisation.get()
    org.require_two_factor = True
    org.save()
    client.force_login(rita)
    client.post(reverse("logout"))
    assert "_auth_user_id" not in client.session


def test_last_factor_cannot_be_removed_while_required(client: Any, rita: User) -> None:
    with time_machine.travel(timezone.now(), tick=False):
        _password_login(client, "rita")
        _activate_totp(client)
    org = Organisation.get()
    org.require_two_factor = True
    org.save()
    client.post(reverse("mfa_deactivate_totp"), {})
    assert Authenticator.objects.filter(user=rita, type="totp").exists()


def test_admin_turns_the_requirement_on_and_it_is_audited(client: Any, alice: User) -> None:
    client.force_login(alice)
    settings_home = client.get(reverse("settings_home"))
    assert reverse("settings_security") in settings_home.content.decode()
    response = client.post(reverse("settings_security"), {"require_two_factor": "on"})
    assert response.status_code == 302
    assert Organisation.objects.get().require_two_factor
    entry = AuditEntry.objects.get(action=Action.SECURITY)
    assert entry.actor == alice
    assert entry.target_type == "accounts.organisation"


def test_only_admins_see_the_security_settings(client: Any, rita: User) -> None:
    client.force_login(rita)
    assert client.get(reverse("settings_security")).status_code == 404
    assert (
        client.post(reverse("settings_security"), {"require_two_factor": "on"}).status_code == 404
    )
    assert not Organisation.get().require_two_factor
