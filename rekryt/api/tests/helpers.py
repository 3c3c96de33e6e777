"""Tokens and requests for the API tests."""

from __future__ import annotations

import json
from typing import Any

from rekryt.accounts.models import User
from rekryt.api.models import SCOPES
from rekryt.api.tokens import create_token


def token_for(user: User, scopes: list[str] | None = None, days: int = 30) -> str:
    return create_token(user, "test", scopes or list(SCOPES), days, user).raw


def auth(raw: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def get(client: Any, url: str, raw: str, **extra: Any) -> Any:
    return client.get(url, **auth(raw), **extra)


def post(client: Any, url: str, raw: str, body: Any, **extra: Any) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json", **auth(raw), **extra)


def ids(response: Any) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert {"type", "title", "detail"} <= set(body)
    return body
