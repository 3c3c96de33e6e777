"""No URL answers 500 to a hostile query string or an out-of-range id, for
any persona: numbers too large for the database, negative pages, floats,
non-ASCII digits, NUL bytes. Built on the role × URL matrix, so a new URL is
covered as soon as it is classified there."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from rekryt.ops.tests.test_url_matrix import ACCESS, ALLOWED, PERSONAS, build_world, visit

HUGE = "99999999999999999999"
NAMES = [
    "offset", "page", "id", "pk", "job", "recruiter", "stage", "candidate", "score",
    "period", "status", "state", "sort", "ended", "q", "next", "actor", "target_id",
    "date_from", "date_to", "ip", "source", "action", "target_type",
]  # fmt: skip
HOSTILE = [
    "&".join(f"{name}={HUGE}" for name in NAMES),
    "&".join(f"{name}=-1" for name in NAMES),
    "&".join(f"{name}=1e9" for name in NAMES),
    "&".join(f"{name}=%C2%B2" for name in NAMES),  # "²": isdigit() but not int()
    "&".join(f"{name}=%00" for name in NAMES),
    "&".join(f"{name}=9999-99-99" for name in NAMES),
]


@pytest.fixture
def personas(alice: Any, rita: Any, hanna: Any, otto: Any, ivan: Any, other_job: Any) -> Any:
    return {"alice": alice, "rita": rita, "hanna": hanna, "otto": otto, "ivan": ivan}


def huge_ids(arguments: dict[str, Any]) -> dict[str, Any]:
    return {k: int(HUGE) if isinstance(v, int) else v for k, v in arguments.items()}


def everyone_who_may(who: str) -> list[str | None]:
    """The personas who get past the access check (None: anonymous)."""
    if who in ALLOWED:
        return [p for p in PERSONAS if p in ALLOWED[who]]
    return [None, "alice"]


@pytest.mark.parametrize("name", sorted(ACCESS))
def test_no_hostile_query_string_gets_a_500(
    client: Any, personas: Any, job: Any, name: str
) -> None:
    who, args = ACCESS[name]
    if "/" in name:  # allauth's unnamed redirects
        return
    arguments = args(build_world(job, personas["ivan"].pk))
    url = reverse(name, kwargs=arguments)
    huge_url = reverse(name, kwargs=huge_ids(arguments))
    may = everyone_who_may(who)
    for persona in [None, *PERSONAS]:
        client.logout()
        if persona is not None:
            client.force_login(personas[persona])
        # Those refused are refused before any parameter is read: one try each.
        tries = [f"{url}?{q}" for q in (HOSTILE if persona in may else HOSTILE[:1])]
        if huge_url != url:
            tries.append(f"{huge_url}?{HOSTILE[0]}")
        for attempt in tries:
            status = visit(client, attempt).status_code
            assert status < 500, (name, persona, attempt, status)
