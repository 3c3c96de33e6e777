"""Who may open the settings pages, and what the index links to."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from rekryt.applications.models import RejectionReason

# Declared so pytest-django runs these with the other database tests (before the
# transactional ones that flush the rows data migrations seed).
pytestmark = pytest.mark.django_db

SETTINGS_GETS = ["settings_home", "settings_organisation", "settings_reasons"]
REASON_POSTS = [
    "settings_reason_edit",
    "settings_reason_move",
    "settings_reason_active",
    "settings_reason_delete",
]


def _url(name: str) -> str:
    if name in REASON_POSTS:
        return reverse(name, args=[RejectionReason.objects.first().pk])
    return reverse(name)


ALL = [("get", n) for n in SETTINGS_GETS] + [("post", n) for n in REASON_POSTS]


@pytest.mark.parametrize(("method", "name"), ALL)
def test_it_sends_anonymous_visitors_to_login(client: Any, db: Any, method: str, name: str) -> None:
    response = getattr(client, method)(_url(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("persona", ["rita", "hanna", "otto", "ivan"])
@pytest.mark.parametrize(("method", "name"), ALL)
def test_it_answers_404_to_everyone_but_admins(
    client: Any, request: Any, persona: str, method: str, name: str
) -> None:
    client.force_login(request.getfixturevalue(persona))

    assert getattr(client, method)(_url(name)).status_code == 404


@pytest.mark.parametrize("name", SETTINGS_GETS)
def test_it_opens_for_admins(client: Any, alice: Any, name: str) -> None:
    client.force_login(alice)

    assert client.get(_url(name)).status_code == 200


@pytest.mark.parametrize("name", REASON_POSTS)
def test_it_refuses_get_on_post_only_reason_views(client: Any, alice: Any, name: str) -> None:
    client.force_login(alice)

    assert client.get(_url(name)).status_code == 405


def test_it_links_every_settings_page(client: Any, alice: Any) -> None:
    client.force_login(alice)

    html = client.get(reverse("settings_home")).content.decode()

    for name in [
        "settings_organisation",
        "stage_templates",
        "settings_reasons",
        "template_list",
        "mailbox",
    ]:
        assert f'href="{reverse(name)}"' in html, name


def test_it_links_staff_accounts_to_the_django_admin_for_admin_site_users(
    client: Any, alice: Any
) -> None:
    client.force_login(alice)
    assert (
        reverse("admin:accounts_user_changelist")
        not in client.get(reverse("settings_home")).content.decode()
    )

    alice.is_staff = True
    alice.save()
    html = client.get(reverse("settings_home")).content.decode()

    assert reverse("admin:accounts_user_changelist") in html
