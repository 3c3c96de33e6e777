"""The Django admin: where an admin creates staff accounts for now."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from rekryt.accounts.models import Organisation, Role, User

# Declared so pytest-django runs these with the other database tests (before the
# transactional ones that flush the rows data migrations seed).
pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client: Any, db: Any) -> Any:
    root = User.objects.create_superuser("root", "root@example.com", "pw-root", role=Role.ADMIN)
    client.force_login(root)
    return client


def test_it_lists_users_with_their_role(superuser_client: Any, rita: Any) -> None:
    response = superuser_client.get(reverse("admin:accounts_user_changelist"))

    assert response.status_code == 200
    assert "Recruiter" in response.content.decode()


def test_it_creates_a_staff_user_with_a_role(superuser_client: Any) -> None:
    response = superuser_client.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "nina",
            "email": "nina@example.com",
            "first_name": "Nina",
            "last_name": "Nilsson",
            "role": Role.HIRING_MANAGER,
            "usable_password": "true",
            "password1": "a-long-Pass-phrase-42",
            "password2": "a-long-Pass-phrase-42",
        },
    )

    assert response.status_code == 302
    nina = User.objects.get(username="nina")
    assert nina.role == Role.HIRING_MANAGER
    assert nina.check_password("a-long-Pass-phrase-42")


def test_it_shows_the_role_on_the_change_form(superuser_client: Any, hanna: Any) -> None:
    html = superuser_client.get(reverse("admin:accounts_user_change", args=[hanna.pk])).content
    assert b'name="role"' in html


def test_it_edits_the_one_organisation_and_checks_the_logo(superuser_client: Any, org: Any) -> None:
    url = reverse("admin:accounts_organisation_change", args=[org.pk])
    assert superuser_client.get(url).status_code == 200

    response = superuser_client.post(
        url,
        {
            "name": org.name,
            "brand_colour": "#1f5f8b",
            "default_language": "sv",
            "country": "SE",
            "logo": SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>"),
        },
    )

    assert response.status_code == 200
    assert not Organisation.get().logo
    assert superuser_client.get(reverse("admin:accounts_organisation_add")).status_code == 403
