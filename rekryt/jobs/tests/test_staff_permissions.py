"""Role × URL matrix for the job management pages: anonymous visitors go to
the login page, staff without the role or outside the job get 404."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from rekryt.jobs.models import StageTemplate

# Declared so pytest-django runs these with the other database tests (before the
# transactional ones that flush the rows data migrations seed).
pytestmark = pytest.mark.django_db

JOB_VIEWS = [
    ("get", "job_edit"),
    ("get", "job_stages"),
    ("post", "job_publish"),
    ("post", "job_close"),
]
STAGE_VIEWS = ["job_stage_rename", "job_stage_move", "job_stage_delete"]
TEMPLATE_VIEWS = ["stage_template_rename", "stage_template_move", "stage_template_delete"]


def _url(name: str, job: Any) -> str:
    if name in STAGE_VIEWS:
        return reverse(name, args=[job.pk, job.first_stage().pk])
    if name in TEMPLATE_VIEWS:
        return reverse(name, args=[StageTemplate.objects.first().pk])
    if name in ("job_create", "dashboard", "stage_templates"):
        return reverse(name)
    return reverse(name, args=[job.pk])


ALL = (
    JOB_VIEWS
    + [("post", n) for n in STAGE_VIEWS]
    + [("get", "job_create"), ("get", "dashboard"), ("get", "stage_templates")]
    + [("post", n) for n in TEMPLATE_VIEWS]
)


@pytest.mark.parametrize(("method", "name"), ALL)
def test_it_sends_anonymous_visitors_to_login(
    client: Any, job: Any, method: str, name: str
) -> None:
    response = getattr(client, method)(_url(name, job))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("persona", ["ivan", "otto", "hanna"])
@pytest.mark.parametrize(("method", "name"), [*JOB_VIEWS, *[("post", n) for n in STAGE_VIEWS]])
def test_it_hides_job_management_from_staff_without_the_role(
    client: Any, job: Any, request: Any, persona: str, method: str, name: str
) -> None:
    client.force_login(request.getfixturevalue(persona))
    assert getattr(client, method)(_url(name, job)).status_code == 404


@pytest.mark.parametrize("persona", ["ivan", "otto", "hanna"])
def test_it_hides_the_new_job_form_from_staff_without_the_role(
    client: Any, job: Any, request: Any, persona: str
) -> None:
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("job_create")).status_code == 404
    assert client.post(reverse("job_create"), {"title": "X"}).status_code == 404


@pytest.mark.parametrize("persona", ["rita", "alice"])
@pytest.mark.parametrize("name", ["job_edit", "job_stages", "job_create", "dashboard"])
def test_it_lets_recruiters_and_admins_in(
    client: Any, job: Any, request: Any, persona: str, name: str
) -> None:
    client.force_login(request.getfixturevalue(persona))
    assert client.get(_url(name, job)).status_code == 200


@pytest.mark.parametrize("persona", ["ivan", "otto", "hanna"])
def test_it_shows_every_staff_member_the_dashboard(
    client: Any, job: Any, request: Any, persona: str
) -> None:
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("dashboard")).status_code == 200


@pytest.mark.parametrize("persona", ["rita", "hanna", "ivan"])
@pytest.mark.parametrize(
    ("method", "name"), [("get", "stage_templates")] + [("post", n) for n in TEMPLATE_VIEWS]
)
def test_it_keeps_the_default_stages_for_admins(
    client: Any, job: Any, request: Any, persona: str, method: str, name: str
) -> None:
    client.force_login(request.getfixturevalue(persona))
    assert getattr(client, method)(_url(name, job)).status_code == 404


def test_it_lets_admins_edit_the_default_stages(client: Any, alice: Any) -> None:
    client.force_login(alice)
    assert client.get(reverse("stage_templates")).status_code == 200


@pytest.mark.parametrize("name", ["job_publish", "job_close", *STAGE_VIEWS])
def test_it_refuses_get_on_post_only_views(client: Any, rita: Any, job: Any, name: str) -> None:
    client.force_login(rita)
    assert client.get(_url(name, job)).status_code == 405


def test_it_answers_404_for_a_stage_of_another_job(
    client: Any, rita: Any, job: Any, other_job: Any
) -> None:
    client.force_login(rita)
    url = reverse("job_stage_rename", args=[job.pk, other_job.first_stage().pk])
    assert client.post(url, {}).status_code == 404
