"""Parallel posts of the application form cannot overrun the per-address
limit: each thread is a separate request on its own database connection."""

from __future__ import annotations

import secrets
import threading
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from conftest import make_job
from rekryt.applications.models import Application

PARALLEL = 25


def post_all_at_once(slug: str, count: int) -> list[int]:
    barrier = threading.Barrier(count)
    statuses: list[int] = []

    def one(n: int) -> None:
        try:
            data = {
                "first_name": "Anna",
                "last_name": "Andersson",
                "email": f"anna{n}@example.org",
                "about": "x",
                "consent": "on",
                "submission_key": secrets.token_hex(16),
            }
            client = Client()
            barrier.wait()
            statuses.append(client.post(f"/jobs/{slug}/apply/", data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=one, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.mark.parametrize("limit", [3, 10])
def test_parallel_posts_get_exactly_the_limit_through(
    seeded: Any, settings: Any, limit: int
) -> None:
    settings.APPLY_RATE_LIMIT = limit
    job = make_job()
    statuses = post_all_at_once(job.slug, PARALLEL)
    assert sorted(statuses) == [302] * limit + [429] * (PARALLEL - limit)
    assert Application.objects.count() == limit
