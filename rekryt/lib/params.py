"""Numbers and return addresses from request data, without surprises.

Anything a browser sends may be malformed or out of range: "1e9", "²" (a
digit to `str.isdigit`, not to `int`), or a number too large for the
database, which SQLite refuses with an error instead of an empty result.
These helpers turn such values into the default, so a page answers
normally instead of with a 500."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

# The largest value every integer column takes on SQLite and PostgreSQL.
DB_INT_MAX = 2**31 - 1


def bounded_int(value: Any, default: int, minimum: int = 0, maximum: int = DB_INT_MAX) -> int:
    """`value` as an integer between `minimum` and `maximum` (clamped), or
    `default` when it is not a plain decimal integer."""
    text = str(value if value is not None else "").strip()
    negative = text.startswith("-")
    digits = text[1:] if text[:1] in "+-" else text
    if not digits or not (digits.isascii() and digits.isdigit()):
        return default
    if len(digits) > 18:  # past any limit; int() of thousands of digits is refused anyway
        return minimum if negative else maximum
    return min(max(int(text), minimum), maximum)


def id_or_none(value: Any) -> int | None:
    """A database id (a positive integer in range) from request data, or None."""
    number = bounded_int(value, default=0, minimum=0, maximum=DB_INT_MAX + 1)
    return number if 0 < number <= DB_INT_MAX else None


def ids(values: list[Any], limit: int) -> list[int]:
    """The valid ids among `values`, at most `limit` of them."""
    found = [pk for pk in map(id_or_none, values) if pk is not None]
    return found[:limit]


def local_url(request: HttpRequest, target: Any, default: str) -> str:
    """`target` when it is a path on this site (a form's "next"), else `default`.
    A bare word would be taken for a view name by `redirect()`, so only paths
    starting with "/" count."""
    target = str(target or "")
    safe = target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else default
