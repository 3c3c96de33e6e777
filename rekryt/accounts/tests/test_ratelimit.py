"""Rate limits counted in the database: fixed windows per scope and client."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection

from rekryt.accounts.duties import PurgeEndedCounters
from rekryt.accounts.models import RateCounter
from rekryt.accounts.ratelimit import Limit, count, counter_key
from rekryt.ops.duties import run_until_idle

pytestmark = pytest.mark.django_db

START = datetime(2030, 1, 1, 10, 0, 5, tzinfo=UTC)
PARALLEL = 25


def test_it_allows_hits_up_to_the_limit_then_refuses():
    limit = Limit("test", 3)
    with time_machine.travel(START, tick=False):
        assert [limit.hit("a") for _ in range(4)] == [True, True, True, False]


def test_it_keeps_separate_counts_per_client_and_scope():
    with time_machine.travel(START, tick=False):
        assert Limit("test", 1).hit("a")
        assert Limit("test", 1).hit("b")
        assert Limit("other", 1).hit("a")
        assert not Limit("test", 1).hit("a")


def test_it_reports_exceeded_without_counting():
    limit = Limit("test", 2)
    with time_machine.travel(START, tick=False):
        limit.hit("a")
        assert not limit.exceeded("a")
        assert not limit.exceeded("a")
        limit.hit("a")
        assert limit.exceeded("a")


def test_it_starts_a_new_count_in_the_next_window():
    limit = Limit("test", 1)
    with time_machine.travel(START, tick=False):
        assert limit.hit("a")
        assert not limit.hit("a")
    with time_machine.travel(START + timedelta(hours=1), tick=False):
        assert limit.hit("a")


def test_it_says_how_long_until_the_window_ends():
    with time_machine.travel(START, tick=False):
        assert Limit("test", 1).retry_after() == 3600 - 5 + 1


def test_it_gives_back_a_hit():
    limit = Limit("test", 1)
    with time_machine.travel(START, tick=False):
        assert limit.hit("a")
        limit.unhit("a")
        assert limit.hit("a")
        assert not limit.hit("a")


def test_it_stores_no_address_in_the_table():
    Limit("test", 1).hit("203.0.113.7")
    row = RateCounter.objects.get()
    assert "203.0.113.7" not in row.key
    assert len(row.key) == 64


@pytest.mark.django_db(transaction=True)
def test_parallel_hits_are_each_counted_once():
    key = counter_key("test", "parallel")
    barrier = threading.Barrier(PARALLEL)
    seen: list[int] = []

    def one() -> None:
        try:
            barrier.wait()
            seen.append(count(key, 60))
        finally:
            connection.close()

    threads = [threading.Thread(target=one) for _ in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(seen) == list(range(1, PARALLEL + 1))
    assert RateCounter.objects.get(key=key).hits == PARALLEL


def test_a_window_starts_again_once_it_has_ended():
    key = counter_key("test", "window")
    assert [count(key, 60, now=1000) for _ in range(3)] == [1, 2, 3]
    assert count(key, 60, now=1059) == 4
    assert count(key, 60, now=1060) == 1


def test_the_worker_deletes_ended_windows_and_keeps_running_ones():
    with time_machine.travel(START, tick=False):
        Limit("short", 1, window=60).hit("a")
        Limit("long", 1, window=3600).hit("a")
    with time_machine.travel(START + timedelta(minutes=10), tick=False):
        run_until_idle([PurgeEndedCounters()])
        assert RateCounter.objects.count() == 1
        assert Limit("long", 1, window=3600).exceeded("a")


def test_the_upsert_names_the_counters_table():
    from rekryt.accounts.models import RateCounter
    from rekryt.accounts.ratelimit import _UPSERT

    assert f"INSERT INTO {RateCounter._meta.db_table} " in _UPSERT
