"""The NinjaAPI of version 1: token auth on every operation, problem details
for every error, and the documentation page served from our own static
files (nothing is loaded from the internet)."""

from __future__ import annotations

from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationError

from rekryt.api.v1.auth import TokenAuth
from rekryt.api.v1.problems import CONTENT_TYPE, ProblemError, plain_errors, problem


class RekrytAPI(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        """Error answers are documented as application/problem+json, which
        is what they are."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for item in schema.get("paths", {}).values():
            for operation in item.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        content[CONTENT_TYPE] = content.pop("application/json")
        return schema


api = RekrytAPI(
    title="Rekryt API",
    version="1",
    description="The hiring data of this Rekryt, for integrations. See docs/api.md.",
    auth=TokenAuth(),
    urls_namespace="api_v1",
    # No badge from the online validator: the page must work offline.
    docs=Swagger(settings={"validatorUrl": None}),
)


@api.exception_handler(ProblemError)
def _problem(request: HttpRequest, exc: ProblemError) -> HttpResponse:
    return problem(exc.status, exc.detail, exc.kind, exc.headers)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem(
        401,
        _("Send a valid, unexpired API token as: Authorization: Bearer <token>."),
        headers={"WWW-Authenticate": 'Bearer realm="rekryt"'},
    )


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return problem(
        422, _("The request is not valid."), "validation", errors=plain_errors(exc.errors)
    )


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem(404, _("Not found, or not visible to this token's user."))


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return problem(exc.status_code, str(exc))


def add_routers() -> None:
    # writes adds its operations to the applications router.
    from rekryt.api.v1 import (  # noqa: F401
        applications,
        catalogue,
        handovers,
        hiring,
        people,
        writes,
    )

    api.add_router("/", catalogue.router)
    api.add_router("/", people.router)
    api.add_router("/", applications.router)
    api.add_router("/", hiring.router)
    api.add_router("/", handovers.router)


add_routers()


def _method_problems(view: Any) -> Any:
    """ninja answers a method a path lacks in plain text; answer a problem."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and response.get("Content-Type") != CONTENT_TYPE:
            allowed = response.get("Allow", "")
            return problem(
                405,
                _("This endpoint takes %(methods)s.") % {"methods": allowed},
                headers={"Allow": allowed},
            )
        return response

    return wrapped


def urls() -> Any:
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback = _method_problems(pattern.callback)
    return patterns, app_name, namespace


def unknown(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Any other path under /api/v1/ answers as the API does."""
    return problem(404, _("There is no such endpoint."))
