"""Cursor pages: opaque, stable under inserts, incremental by
updated_since, and a constant number of queries per page as data grows."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import make_application
from rekryt.api.tests.helpers import assert_problem, get, ids, token_for
from rekryt.applications.actions import add_note
from rekryt.applications.models import Application

pytestmark = pytest.mark.django_db


def walk(client, url, raw, inserting=None):
    seen, cursor, pages = [], None, 0
    while True:
        page = get(client, url + (f"&cursor={cursor}" if cursor else ""), raw).json()
        seen += [item["id"] for item in page["items"]]
        pages += 1
        if inserting and pages == 1:
            inserting()
        cursor = page["next_cursor"]
        if cursor is None:
            return seen, pages


def test_pages_list_every_row_once_while_rows_are_added(client, alice, job):
    before = [make_application(job).pk for _ in range(7)]
    raw = token_for(alice)
    added = []
    seen, pages = walk(
        client, "/api/v1/applications?limit=3", raw, lambda: added.append(make_application(job).pk)
    )
    assert pages == 3  # 8 rows, 3 a page
    assert seen == before + added  # nothing skipped or twice, the new one last


def test_a_row_changed_during_the_walk_comes_again_at_the_end(client, alice, job):
    rows = [make_application(job) for _ in range(4)]
    raw = token_for(alice)

    def change_first() -> None:
        Application.objects.get(pk=rows[0].pk).save()

    seen, _pages = walk(client, "/api/v1/applications?limit=2", raw, change_first)
    assert seen == [r.pk for r in rows] + [rows[0].pk]


def test_updated_since_lists_what_changed_at_or_after_the_time(client, alice, job):
    old = make_application(job)
    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        since = timezone.now()
        new = make_application(job)
    raw = token_for(alice)
    q = since.isoformat().replace("+00:00", "Z")
    assert ids(get(client, f"/api/v1/applications?updated_since={q}", raw)) == [new.pk]
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        Application.objects.get(pk=old.pk).save()
    assert set(ids(get(client, f"/api/v1/applications?updated_since={q}", raw))) == {
        old.pk,
        new.pk,
    }
    # Append-only rows: their creation time.
    events = ids(get(client, f"/api/v1/events?updated_since={q}", raw))
    assert events and not set(events) & set(old.events.values_list("pk", flat=True))


def test_bad_cursors_and_times_are_422_problems(client, alice, job):
    raw = token_for(alice)
    for query in (
        "cursor=%%%",
        "cursor=eyJ4IjogMX0",  # {"x": 1}
        "cursor=bm90IGpzb24",
        "updated_since=yesterday",
        "limit=0",
        "limit=201",
        "limit=ten",
    ):
        assert_problem(get(client, f"/api/v1/applications?{query}", raw), 422)


LIST_URLS = [
    "/api/v1/applications?limit=50",
    "/api/v1/candidates?limit=50",
    "/api/v1/events?limit=50",
    "/api/v1/notes?limit=50",
    "/api/v1/messages?limit=50",
    "/api/v1/jobs?limit=50",
]


@pytest.mark.parametrize("url", LIST_URLS)
def test_a_list_page_takes_the_same_queries_at_two_sizes(
    client, alice, hanna, job, url, django_assert_num_queries
):
    def grow(n: int) -> None:
        for _ in range(n):
            add_note(make_application(job), alice, "Looks good")

    grow(2)
    counts = {}
    for user in (alice, hanna):
        raw = token_for(user)
        get(client, url, raw)  # the first use stamps last_used_at
        with CaptureQueriesContext(connection) as small:
            assert get(client, url, raw).status_code == 200
        counts[user.pk] = len(small.captured_queries)
    grow(8)
    for user in (alice, hanna):
        raw = token_for(user)
        get(client, url, raw)
        with django_assert_num_queries(counts[user.pk]):
            assert get(client, url, raw).status_code == 200
