"""Errors as RFC 9457 problem details: `application/problem+json` with
type, title, status and detail, for every error the API gives."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from django.http import HttpResponse
from ninja import Schema

CONTENT_TYPE = "application/problem+json"
# The statuses every operation may answer with besides its own.
COMMON = (400, 401, 403, 404, 422, 429)


class Problem(Schema):
    type: str
    title: str
    status: int
    detail: str
    errors: list[dict[str, Any]] | None = None


class ProblemError(Exception):
    """Raised anywhere in an operation; answered as a problem."""

    def __init__(
        self, status: int, detail: str, kind: str = "", headers: dict[str, str] | None = None
    ):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.kind = kind
        self.headers = headers or {}


def problem_type(kind: str) -> str:
    # A plain HTTP error is "about:blank" (RFC 9457, 4.2.1); our own kinds
    # are named under the API's path and described in docs/api.md.
    return f"/api/v1/problems/{kind}" if kind else "about:blank"


def problem(
    status: int,
    detail: str,
    kind: str = "",
    headers: dict[str, str] | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> HttpResponse:
    body: dict[str, Any] = {
        "type": problem_type(kind),
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if errors is not None:
        body["errors"] = errors
    response = HttpResponse(json.dumps(body), status=status, content_type=CONTENT_TYPE)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def plain_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pydantic's errors with what JSON can carry and nothing echoed back
    (the input could be a secret typed in the wrong field)."""
    return [
        {"loc": [str(part) for part in error.get("loc", ())], "msg": str(error.get("msg", ""))}
        for error in errors
    ]
