"""The Django admin cannot be used to skip the staff login and its 2FA."""

from __future__ import annotations

from typing import Any

from allauth.mfa.models import Authenticator
from django.urls import reverse

from rekryt.accounts.models import User


def test_admin_login_redirects_to_the_staff_login(client: Any, db: Any) -> None:
    response = client.get("/admin/")
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"] == reverse("login") + "?next=%2Fadmin%2F"


def test_posting_a_password_to_the_admin_login_does_nothing(client: Any, alice: User) -> None:
    alice.is_staff = alice.is_superuser = True
    alice.save()
    Authenticator.objects.create(user=alice, type="totp", data={"secret": "JBSWY3DPEHPK3PXP"})
    response = client.post("/admin/login/", {"username": "alice", "password": "pw-alice"})
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_password_alone_is_not_enough_for_the_admin_with_2fa(client: Any, alice: User) -> None:
    alice.is_staff = alice.is_superuser = True
    alice.save()
    Authenticator.objects.create(user=alice, type="totp", data={"secret": "JBSWY3DPEHPK3PXP"})
    response = client.post(
        reverse("login") + "?next=/admin/",
        {"login": "alice", "password": "pw-alice", "next": "/admin/"},
    )
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302


def test_logged_in_staff_without_admin_access_get_404(client: Any, rita: User) -> None:
    client.force_login(rita)
    assert client.get("/admin/login/?next=/admin/").status_code == 404


def test_admin_site_works_after_the_staff_login(client: Any, alice: User) -> None:
    alice.is_staff = alice.is_superuser = True
    alice.save()
    client.post(reverse("login"), {"login": "alice", "password": "pw-alice"})
    assert client.get("/admin/").status_code == 200


def test_role_changes_in_the_django_admin_are_audited(client: Any, rita: User) -> None:
    from rekryt.accounts.models import Role
    from rekryt.audit.models import Action, AuditEntry

    root = User.objects.create_superuser("root", "root@example.com", "pw-root", role=Role.ADMIN)
    client.force_login(root)
    url = reverse("admin:accounts_user_change", args=[rita.pk])
    data = {
        "username": "rita",
        "email": rita.email,
        "first_name": rita.first_name,
        "last_name": "",
        "language": "",
        "role": Role.ADMIN,
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    rita.refresh_from_db()
    assert rita.role == Role.ADMIN and not rita.is_active  # is_active unticked
    assert AuditEntry.objects.filter(action=Action.ROLE_CHANGE, target_id=str(rita.pk)).exists()
    assert AuditEntry.objects.filter(action=Action.SECURITY, detail="account_deactivated").exists()
