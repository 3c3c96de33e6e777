"""Tags on candidates: organisation-wide, coloured, added from the
application page by those who decide, shown to everyone who sees it."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from conftest import make_application
from rekryt.candidates.models import Tag

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client: Any) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def test_a_new_name_makes_an_organisation_wide_tag(
    client: Any, rita: Any, job: Any, other_job: Any
) -> None:
    first = make_application(job)
    second = make_application(other_job)
    client.force_login(rita)
    client.post(reverse("application_tag_add", args=[first.pk]), {"name": "  Java  "})
    client.post(reverse("application_tag_add", args=[second.pk]), {"name": "java"})
    tag = Tag.objects.get()
    assert tag.name == "Java"
    assert set(tag.candidates.all()) == {first.candidate, second.candidate}
    html = client.get(reverse("application_detail", args=[first.pk])).content.decode()
    assert f'class="tag tag-{tag.colour}">Java' in html


def test_removing_a_tag(client: Any, rita: Any, application: Any) -> None:
    client.force_login(rita)
    client.post(reverse("application_tag_add", args=[application.pk]), {"name": "Senior"})
    tag = Tag.objects.get()
    client.post(reverse("application_tag_remove", args=[application.pk, tag.pk]))
    assert not application.candidate.tags.exists()
    assert Tag.objects.filter(pk=tag.pk).exists()  # still the organisation's


def test_an_empty_name_is_refused_and_the_page_says_why(
    client: Any, rita: Any, application: Any
) -> None:
    client.force_login(rita)
    response = client.post(reverse("application_tag_add", args=[application.pk]), {"name": "   "})
    assert response.status_code == 400
    assert not Tag.objects.exists()


def test_interviewers_and_outsiders_cannot_tag(
    client: Any, ivan: Any, otto: Any, application: Any
) -> None:
    for user in (ivan, otto):
        client.force_login(user)
        assert (
            client.post(
                reverse("application_tag_add", args=[application.pk]), {"name": "X"}
            ).status_code
            == 404
        )
    assert not Tag.objects.exists()
