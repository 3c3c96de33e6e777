"""The role decorators other apps use on their views."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest, HttpResponse
from django.test import RequestFactory

from rekryt.accounts.roles import admin_required, recruiter_required, staff_required

# Declared so pytest-django runs these with the other database tests (before the
# transactional ones that flush the rows data migrations seed).
pytestmark = pytest.mark.django_db


def view(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


DECORATORS = {"staff": staff_required, "recruiter": recruiter_required, "admin": admin_required}
ALLOWED = {
    "staff": {"alice", "rita", "hanna", "otto", "ivan"},
    "recruiter": {"alice", "rita"},
    "admin": {"alice"},
}


def call(decorator: Any, user: Any) -> HttpResponse:
    request = RequestFactory().get("/staff/somewhere/")
    request.user = user
    return decorator(view)(request)


@pytest.mark.parametrize("level", DECORATORS)
def test_it_redirects_anonymous_visitors_to_login(level: str) -> None:
    response = call(DECORATORS[level], AnonymousUser())

    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/?next=/staff/somewhere/")


@pytest.mark.parametrize("level", DECORATORS)
@pytest.mark.parametrize("persona", ["alice", "rita", "hanna", "otto", "ivan"])
def test_it_answers_404_to_staff_without_the_role(request: Any, level: str, persona: str) -> None:
    user = request.getfixturevalue(persona)
    if persona in ALLOWED[level]:
        assert call(DECORATORS[level], user).status_code == 200
    else:
        with pytest.raises(Http404):
            call(DECORATORS[level], user)


@pytest.mark.parametrize("level", ["recruiter", "admin"])
def test_it_refuses_a_deactivated_admin(alice: Any, level: str) -> None:
    alice.is_active = False

    with pytest.raises(Http404):
        call(DECORATORS[level], alice)


def test_it_keeps_the_view_name() -> None:
    assert admin_required(view).__name__ == "view"
