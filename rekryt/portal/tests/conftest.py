"""Portal fixtures: a candidate's raw link and a browser signed in with it."""

from __future__ import annotations

from typing import Any

import pytest

from rekryt.applications.models import Application
from rekryt.portal.tokens import mint


def link_for(application: Application) -> str:
    return f"/portal/t/{mint(application.candidate)}/"


def sign_in(client: Any, application: Application) -> Any:
    response = client.post(link_for(application))
    assert response.status_code == 302
    return client


@pytest.fixture
def portal(client: Any, application: Application) -> Any:
    """A test client signed in to the portal as `application`'s candidate."""
    return sign_in(client, application)
