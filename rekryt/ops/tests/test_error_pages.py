"""A page that is not there, and an error on our side: a page in the site's
language with a main landmark and a way on, never Django's bare text."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "We could not find that page"), ("sv", "Vi hittade inte den sidan")],
)
def test_a_missing_page_says_so_in_the_visitors_language(
    client: Any, language: str, heading: str
) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get("/jobs/no-such-job-at-all/")
    assert response.status_code == 404
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    assert '<main id="main"' in page and heading in page
    assert reverse("career_list") in page
    assert reverse("dashboard") not in page  # staff links only on staff addresses


def test_a_missing_staff_page_links_back_to_the_staff_start(client: Any, rita: Any) -> None:
    client.force_login(rita)
    response = client.get("/staff/applications/987654/")
    assert response.status_code == 404
    assert reverse("dashboard") in response.content.decode()


def test_an_error_on_our_side_is_a_page_with_a_landmark(rf: Any) -> None:
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "<main>" in page and "Something went wrong on our side" in page


def test_the_missing_page_needs_no_signed_in_user(db: Any) -> None:
    assert Client().get("/staff/nothing-here/").status_code in (302, 404)
