"""The job-board feeds: well-formed, every open job once, closed jobs gone,
hostile titles escaped, and cached."""

from datetime import timedelta

import pytest
from defusedxml import ElementTree
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import make_job
from rekryt.jobs.actions import close_job, update_job

pytestmark = pytest.mark.django_db

HOSTILE = 'Säljare </title><script>alert("x")</script> & <![CDATA[ ]]> \x0b\x1f ✓'
FEEDS = {"feed_indeed": ("referencenumber", "url"), "feed_linkedin": ("partnerJobId", "applyUrl")}


def read(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)


@pytest.mark.parametrize("name", FEEDS)
def test_every_open_job_once_and_closed_jobs_gone(client, rita, name):
    open_jobs = [make_job(recruiter=rita) for _ in range(3)]
    closed = make_job(recruiter=rita)
    close_job(closed)
    expired = make_job(recruiter=rita)
    update_job(expired, deadline=timezone.localdate() - timedelta(days=1))
    make_job(recruiter=rita, publish=False)

    id_tag, url_tag = FEEDS[name]
    root = read(client, name)
    ids = [job.findtext(id_tag) for job in root.iter("job")]
    assert sorted(ids) == sorted(str(j.pk) for j in open_jobs)
    source = "indeed" if "indeed" in name else "linkedin"
    assert all(job.findtext(url_tag).endswith(f"?source={source}") for job in root.iter("job"))


@pytest.mark.parametrize("name", FEEDS)
def test_hostile_titles_are_escaped(client, rita, name):
    job = make_job(recruiter=rita, title=HOSTILE[:120])
    response = client.get(reverse(name))
    assert b"<script>" not in response.content
    root = ElementTree.fromstring(response.content)
    (item,) = root.iter("job")
    title = item.findtext("title")
    assert title == HOSTILE.replace("\x0b", "").replace("\x1f", "")[:120]
    assert job.pk


def test_a_feed_is_built_once_and_rebuilt_when_a_job_changes(client, rita):
    job = make_job(recruiter=rita, title="Lagerarbetare")
    client.get(reverse("feed_indeed"))
    with CaptureQueriesContext(connection) as cached:
        body = client.get(reverse("feed_indeed")).content
    assert len(cached.captured_queries) <= 2
    assert b"Lagerarbetare" in body
    update_job(job, title="Truckförare")
    assert "Truckförare" in client.get(reverse("feed_indeed")).content.decode()
    close_job(job)
    assert not list(read(client, "feed_indeed").iter("job"))


@pytest.mark.parametrize("name", FEEDS)
def test_a_rebuild_after_one_change_renders_only_that_job(client, rita, monkeypatch, name):
    from rekryt.campaigns import feeds

    jobs = [make_job(recruiter=rita, title=f"Lagerjobb {n}") for n in range(4)]
    first = client.get(reverse(name)).content
    rendered = []
    real = feeds._fragment
    monkeypatch.setattr(feeds, "_fragment", lambda *a: rendered.append(a[1].pk) or real(*a))
    update_job(jobs[2], title="Truckförare & <natt>")
    body = client.get(reverse(name)).content
    assert rendered == [jobs[2].pk]
    root = ElementTree.fromstring(body)
    titles = [job.findtext("title") for job in root.iter("job")]
    assert sorted(titles) == sorted(
        ["Lagerjobb 0", "Lagerjobb 1", "Truckförare & <natt>", "Lagerjobb 3"]
    )
    assert body.count(b"<job>") == first.count(b"<job>") == 4
    assert body.startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<source>")


def test_a_new_process_reuses_the_jobs_other_processes_rendered(client, rita, monkeypatch):
    """After a restart (or on another machine) the process's memory is empty;
    the shared cache still has every job rendered, so a change renders one."""
    from rekryt.campaigns import feeds

    jobs = [make_job(recruiter=rita, title=f"Lagerjobb {n}") for n in range(3)]
    client.get(reverse("feed_linkedin"))
    feeds.forget_fragments()
    rendered = []
    real = feeds._fragment
    monkeypatch.setattr(feeds, "_fragment", lambda *a: rendered.append(a[1].pk) or real(*a))
    update_job(jobs[0], title="Truckförare")
    titles = sorted(j.findtext("title") for j in read(client, "feed_linkedin").iter("job"))
    assert rendered == [jobs[0].pk]
    assert titles == ["Lagerjobb 1", "Lagerjobb 2", "Truckförare"]


def test_a_broken_shared_entry_is_rendered_anew(client, rita):
    from django.core.cache import cache

    from rekryt.accounts.models import Organisation
    from rekryt.campaigns import feeds

    make_job(recruiter=rita, title="Lagerjobb")
    for bucket in range(feeds.SHARED_BUCKETS):
        cache.set(feeds._shared_key("indeed", Organisation.get(), bucket), ["not", "a", "dict"])
    assert [j.findtext("title") for j in read(client, "feed_indeed").iter("job")] == ["Lagerjobb"]


def test_the_worker_builds_the_feeds_before_a_job_board_asks(client, rita, time_machine):
    from rekryt.campaigns.duties import WARM_EVERY, WarmFeeds

    time_machine.move_to(timezone.now(), tick=False)
    duty = WarmFeeds()
    job = make_job(recruiter=rita, title="Lagerarbetare")
    assert duty.handle_one() == 0  # no board has read a feed: nothing built
    for name in FEEDS:
        client.get(reverse(name))
    time_machine.shift(WARM_EVERY)
    update_job(job, title="Lagerarbetare, natt")
    assert duty.handle_one() == 2  # both feeds built
    assert duty.handle_one() == 0  # not looked at again before WARM_EVERY
    with CaptureQueriesContext(connection) as served:
        body = client.get(reverse("feed_indeed")).content
    assert b"Lagerarbetare, natt" in body
    assert len(served.captured_queries) <= 2  # the feed's key, nothing built
    time_machine.shift(WARM_EVERY)
    assert duty.handle_one() == 0  # nothing changed: both still cached
    update_job(job, title="Truckförare")
    time_machine.shift(WARM_EVERY)
    assert duty.handle_one() == 2
    with CaptureQueriesContext(connection) as served:
        body = client.get(reverse("feed_linkedin")).content
    assert "Truckförare" in body.decode() and len(served.captured_queries) <= 2


def test_the_worker_stops_building_a_feed_nobody_read_for_a_week(client, rita, time_machine):
    from rekryt.campaigns.duties import WarmFeeds
    from rekryt.campaigns.feeds import READ_MARK_SECONDS

    time_machine.move_to(timezone.now(), tick=False)
    job = make_job(recruiter=rita, title="Lagerarbetare")
    client.get(reverse("feed_indeed"))
    time_machine.shift(timedelta(seconds=5))
    update_job(job, title="Truckförare")
    assert WarmFeeds().handle_one() == 1  # the Indeed feed only: LinkedIn was never read
    time_machine.shift(timedelta(seconds=READ_MARK_SECONDS + 60))
    update_job(job, title="Chaufför")
    assert WarmFeeds().handle_one() == 0
