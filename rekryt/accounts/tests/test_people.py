"""Staff management: the people list, invitations, roles, deactivation."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import make_user  # type: ignore[import-not-found]
from rekryt.accounts.models import Role, StaffInvite, User
from rekryt.audit.models import Action, AuditEntry
from rekryt.messaging.models import Message
from rekryt.ops.duties import run_until_idle


def test_people_list_has_a_constant_query_count(
    client: Any, alice: User, rita: User, django_assert_max_num_queries: Any
) -> None:
    client.force_login(alice)
    client.get(reverse("staff_people"))
    with django_assert_max_num_queries(12) as first:
        response = client.get(reverse("staff_people"))
    for n in range(5):
        make_user(f"extra{n}", Role.INTERVIEWER)
    with django_assert_max_num_queries(len(first.captured_queries)):
        response = client.get(reverse("staff_people"))
    body = response.content.decode()
    assert "rita@example.com" in body and "extra4" in body.lower()


@pytest.mark.parametrize("name", ["staff_people", "staff_invite", "settings_security"])
def test_only_admins_manage_staff(client: Any, rita: User, name: str) -> None:
    client.force_login(rita)
    assert client.get(reverse(name)).status_code == 404
    assert client.get(reverse("staff_person", args=[rita.pk])).status_code == 404
    assert (
        client.post(reverse("staff_person", args=[rita.pk]), {"role": "admin"}).status_code == 404
    )
    rita.refresh_from_db()
    assert rita.role == Role.RECRUITER


def _invite(client: Any, email: str = "nina@example.org", role: str = Role.RECRUITER) -> str:
    response = client.post(
        reverse("staff_invite"),
        {"first_name": "Nina", "last_name": "Berg", "email": email, "role": role},
    )
    assert response.status_code == 302, response.content.decode()
    message = Message.objects.filter(to_email=email).latest("pk")
    match = re.search(r"http://testserver(/staff/invitation/[^/\s]+/)", message.body_text)
    assert match, message.body_text
    return match.group(1)


def test_invitation_end_to_end(client: Any, alice: User, outbox_backend: None) -> None:
    client.force_login(alice)
    link = _invite(client)
    invite = StaffInvite.objects.get()
    assert invite.token_hash not in link  # only the hash is stored
    assert invite.expires_at - timezone.now() > timedelta(days=6, hours=23)
    entry = AuditEntry.objects.get(action=Action.SECURITY)
    assert entry.target_type == "accounts.staffinvite"
    assert (entry.detail, entry.params) == ("invited", {"role": "recruiter"})
    message = Message.objects.get(to_email="nina@example.org")
    assert message.kind == "staff_invite"
    assert message.language == "sv"  # the organisation's language
    run_until_idle()
    assert Message.objects.get(to_email="nina@example.org").status == "sent"

    newcomer = Client()
    assert newcomer.get(link).status_code == 200  # a GET uses nothing up
    response = newcomer.post(link, {"password1": "short", "password2": "short"})
    assert response.status_code == 200 and not User.objects.filter(email="nina@example.org")
    response = newcomer.post(
        link, {"password1": "a-long-fine-password-9", "password2": "a-long-fine-password-9"}
    )
    assert response.status_code == 302
    user = User.objects.get(email="nina@example.org")
    assert user.role == Role.RECRUITER and user.first_name == "Nina"
    assert int(newcomer.session["_auth_user_id"]) == user.pk
    assert newcomer.get(reverse("dashboard")).status_code == 200

    # Single use.
    assert Client().get(link).status_code == 404
    assert (
        Client()
        .post(link, {"password1": "a-long-fine-password-9", "password2": "a-long-fine-password-9"})
        .status_code
        == 404
    )
    assert User.objects.filter(email="nina@example.org").count() == 1
    # And the new account logs in with the password it chose.
    assert Client().login(username=user.username, password="a-long-fine-password-9")


def test_invitation_expires_after_seven_days(
    client: Any, alice: User, outbox_backend: None
) -> None:
    client.force_login(alice)
    sent = timezone.now()
    link = _invite(client)
    with time_machine.travel(sent + timedelta(days=7) - timedelta(minutes=1)):
        assert Client().get(link).status_code == 200
    with time_machine.travel(sent + timedelta(days=7, minutes=1)):
        assert Client().get(link).status_code == 404


def test_invited_staff_must_set_up_two_factor_when_required(
    client: Any, alice: User, outbox_backend: None
) -> None:
    from allauth.mfa.models import Authenticator

    from rekryt.accounts.models import Organisation

    org = Organisation.get()
    org.require_two_factor = True
    org.save()
    Authenticator.objects.create(user=alice, type="totp", data={"secret": "JBSWY3DPEHPK3PXP"})
    client.force_login(alice)
    link = _invite(client)
    newcomer = Client()
    response = newcomer.post(
        link,
        {"password1": "a-long-fine-password-9", "password2": "a-long-fine-password-9"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("mfa_index")


def test_a_new_invitation_replaces_the_pending_one(
    client: Any, alice: User, outbox_backend: None
) -> None:
    client.force_login(alice)
    first = _invite(client)
    second = _invite(client)
    assert Client().get(first).status_code == 404
    assert Client().get(second).status_code == 200
    assert StaffInvite.objects.pending().count() == 1


def test_existing_staff_address_cannot_be_invited(client: Any, alice: User, rita: User) -> None:
    client.force_login(alice)
    response = client.post(
        reverse("staff_invite"),
        {"first_name": "R", "email": "RITA@example.com", "role": Role.ADMIN},
    )
    assert response.status_code == 200
    assert not StaffInvite.objects.exists()


def test_admin_withdraws_an_invitation(client: Any, alice: User, outbox_backend: None) -> None:
    client.force_login(alice)
    link = _invite(client)
    invite = StaffInvite.objects.get()
    assert Client().get(link).status_code == 200
    client.post(reverse("staff_invite_revoke", args=[invite.pk]))
    assert Client().get(link).status_code == 404


def test_role_change_is_audited(client: Any, alice: User, rita: User) -> None:
    client.force_login(alice)
    response = client.post(reverse("staff_person", args=[rita.pk]), {"role": Role.HIRING_MANAGER})
    assert response.status_code == 302
    rita.refresh_from_db()
    assert rita.role == Role.HIRING_MANAGER
    entry = AuditEntry.objects.get(action=Action.ROLE_CHANGE)
    assert entry.actor == alice and entry.target_id == str(rita.pk)


def test_last_active_admin_cannot_be_demoted_or_deactivated(client: Any, alice: User) -> None:
    client.force_login(alice)
    client.post(reverse("staff_person", args=[alice.pk]), {"role": Role.RECRUITER})
    client.post(reverse("staff_person", args=[alice.pk]), {"active": "0"})
    alice.refresh_from_db()
    assert alice.role == Role.ADMIN and alice.is_active
    assert not AuditEntry.objects.filter(action__in=[Action.ROLE_CHANGE, Action.SECURITY]).exists()

    other = make_user("adam", Role.ADMIN)
    client.post(reverse("staff_person", args=[alice.pk]), {"role": Role.RECRUITER})
    alice.refresh_from_db()
    assert alice.role == Role.RECRUITER
    client.force_login(other)
    client.post(reverse("staff_person", args=[other.pk]), {"active": "0"})
    other.refresh_from_db()
    assert other.is_active


def test_deactivation_ends_sessions_and_reactivation_restores_login(
    client: Any, alice: User, rita: User
) -> None:
    rita_browser = Client()
    assert (
        rita_browser.post(reverse("login"), {"login": "rita", "password": "pw-rita"}).status_code
        == 302
    )
    assert rita_browser.get(reverse("dashboard")).status_code == 200

    client.force_login(alice)
    client.post(reverse("staff_person", args=[rita.pk]), {"active": "0"})
    rita.refresh_from_db()
    assert not rita.is_active
    from django.contrib.sessions.models import Session

    assert not [
        s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(rita.pk)
    ]
    assert rita_browser.get(reverse("dashboard")).status_code == 302
    fresh = Client()
    fresh.post(reverse("login"), {"login": "rita", "password": "pw-rita"})
    assert "_auth_user_id" not in fresh.session
    entry = AuditEntry.objects.get(action=Action.SECURITY)
    assert entry.detail == "account_deactivated"

    client.post(reverse("staff_person", args=[rita.pk]), {"active": "1"})
    rita.refresh_from_db()
    assert rita.is_active
    assert AuditEntry.objects.filter(action=Action.SECURITY).count() == 2


def test_admin_removes_a_lost_second_factor(client: Any, alice: User, rita: User) -> None:
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(user=rita, type="totp", data={"secret": "JBSWY3DPEHPK3PXP"})
    Authenticator.objects.create(user=alice, type="totp", data={"secret": "JBSWY3DPEHPK3PXP"})
    client.force_login(alice)
    page = client.get(reverse("staff_person", args=[rita.pk]))
    assert "reset_two_factor" in page.content.decode()
    client.post(reverse("staff_person", args=[rita.pk]), {"reset_two_factor": "1"})
    assert not Authenticator.objects.filter(user=rita).exists()
    assert AuditEntry.objects.get(action=Action.SECURITY).target_id == str(rita.pk)
    # Not their own: that is done on the Security page, with reauthentication.
    client.post(reverse("staff_person", args=[alice.pk]), {"reset_two_factor": "1"})
    assert Authenticator.objects.filter(user=alice).exists()
