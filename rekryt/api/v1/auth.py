"""Who is asking: a personal token as `Authorization: Bearer rk_…`, then
its rate limit and, per operation, its scopes.

The limit is counted per token in the database (rekryt.accounts.ratelimit),
so it holds across every web process and machine."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from rekryt.accounts.ratelimit import Limit
from rekryt.api.models import Token
from rekryt.api.tokens import find_token
from rekryt.api.v1.problems import ProblemError

# Requests per token per minute.
RATE_PER_MINUTE = 600


def token_limit() -> Limit:
    return Limit("api-token", RATE_PER_MINUTE, window=60)


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Token | None:
        found = find_token(token)
        if found is None:
            return None
        limit = token_limit()
        if not limit.hit(str(found.pk)):
            retry = limit.retry_after()
            raise ProblemError(
                429,
                _("Too many requests with this token. Try again in %(n)s seconds.") % {"n": retry},
                kind="rate-limited",
                headers={"Retry-After": str(retry)},
            )
        # The token acts as its user: every scoped getter reads request.user.
        request.user = found.user
        return found


def need(request: HttpRequest, resource: str, write: bool = False) -> Any:
    """The token's user, when the token's scopes reach `resource`."""
    token: Token = request.auth  # type: ignore[attr-defined]
    if not token.allows(resource, write):
        scope = f"{resource}:{'write' if write else 'read'}"
        raise ProblemError(
            403, _("This token lacks the scope %(scope)s.") % {"scope": scope}, "scope"
        )
    return token.user
