"""The file cache's add and incr hold across parallel callers, so
django-allauth's cache-locked rate limits cannot be overrun."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from allauth.core.internal import ratelimit
from django.core.cache import cache
from django.test import RequestFactory

PARALLEL = 25


def all_at_once(work: Callable[[], Any]) -> list[Any]:
    barrier = threading.Barrier(PARALLEL)
    results: list[Any] = []

    def one() -> None:
        barrier.wait()
        results.append(work())

    threads = [threading.Thread(target=one) for _ in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.fixture
def file_cache(settings: Any, tmp_path: Any) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "rekryt.lib.filecache.LockingFileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }


def test_only_one_parallel_add_of_a_key_wins(file_cache: None) -> None:
    for round in range(5):
        results = all_at_once(lambda round=round: cache.add(f"key-{round}", True))
        assert results.count(True) == 1


def test_parallel_increments_are_each_counted(file_cache: None) -> None:
    cache.set("count", 0)
    assert sorted(all_at_once(lambda: cache.incr("count"))) == list(range(1, PARALLEL + 1))


def test_allauths_limits_let_exactly_the_limit_through(file_cache: None) -> None:
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    config = {"login_failed": "5/15m/key"}

    def attempt() -> bool:
        return bool(
            ratelimit.consume(
                request, app="allauth.account", action="login_failed", key="k", config=config
            )
        )

    assert all_at_once(attempt).count(True) == 5
