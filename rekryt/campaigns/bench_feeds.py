"""`manage.py bench_feeds`: the Indeed and LinkedIn feeds over at least
1,000 open jobs, served from the cache (the normal case: nothing changed
since the last request), rebuilt after one job changed (the first request
after an edit), after a change the worker's `warm_feeds` has already built,
after a change in a new process (the shared cache still has the other
jobs), and built cold (a fresh process with an empty cache).
Jobs are bulk-inserted until there are enough open ones, with ads of a
realistic length and formatting, so it runs on an empty database or after
`manage.py bench` (which leaves 1,000 published jobs)."""

from __future__ import annotations

import secrets
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from rekryt.campaigns.feeds import FORMATS, forget_fragments, open_jobs, warm
from rekryt.jobs.models import Job, JobStatus, Workplace

TARGET_P95_MS = 200.0
AD = (
    "## Om jobbet\n\nDu plockar, packar och tar emot gods på vår terminal. "
    "Vi arbetar i lag om åtta med en teamledare, och du lär dig truck, skanner och WMS.\n\n"
    "## Vem du är\n\n- Gymnasieexamen\n- Truckkort A och B är ett plus\n"
    "- Du gillar tempo och ordning\n\n**Dagtid**, måndag–fredag 07–16. "
) * 4


def add_open_jobs(wanted: int) -> int:
    """Bulk-insert published jobs until `wanted` are open; returns how many
    were added. A few titles carry characters XML must escape."""
    missing = wanted - open_jobs().count()
    if missing <= 0:
        return 0
    now, prefix = timezone.now(), secrets.token_hex(3)
    cities = ["Stockholm", "Göteborg", "Malmö", "Jönköping", "Umeå", "Luleå"]
    Job.objects.bulk_create(
        [
            Job(
                title=f"Lagermedarbetare {n} <natt> & helg"
                if n % 50 == 0
                else f"Chaufför C/CE {n}",
                slug=f"feed-{prefix}-{n}",
                department="Lager",
                city=cities[n % len(cities)],
                region="Västra Götaland",
                workplace=[Workplace.ONSITE, Workplace.HYBRID, Workplace.REMOTE][n % 3],
                description=AD,
                requirements="- Truckkort\n- B-körkort",
                benefits="Kollektivavtal och friskvårdsbidrag",
                salary_min=28000,
                salary_max=34000,
                deadline=timezone.localdate() + timedelta(days=30 + n % 60),
                status=JobStatus.PUBLISHED,
                published_at=now - timedelta(minutes=n),
            )
            for n in range(missing)
        ],
        batch_size=500,
    )
    return missing


@dataclass
class Figure:
    name: str
    p50: float
    p95: float
    queries: int

    def line(self) -> str:
        verdict = "ok" if self.p95 <= TARGET_P95_MS else "OVER"
        return (
            f"{self.name:<40} {self.p50:>8.1f} {self.p95:>8.1f} {self.queries:>8}  "
            f"{verdict} (p95 ≤ {TARGET_P95_MS:g} ms)"
        )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(client: Client, path: str, requests: int, before: Callable[[], None]) -> Figure:
    times = []
    for _n in range(requests):
        before()
        started = time.perf_counter()
        response = client.get(path, secure=settings.SECURE_SSL_REDIRECT)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered HTTP {response.status_code}")
    before()
    with CaptureQueriesContext(connection) as queries:
        client.get(path, secure=settings.SECURE_SSL_REDIRECT)
    return Figure(path, statistics.median(times), percentile(times, 0.95), len(queries))


def host() -> str:
    allowed = settings.ALLOWED_HOSTS
    if "testserver" in allowed or "*" in allowed or not allowed:
        return "testserver"
    return str(allowed[0]).lstrip(".")


def touch_one_job() -> None:
    """What a recruiter's edit does to the feeds: one job's updated_at moves,
    so the cached feed no longer matches and the next request rebuilds it."""
    job = open_jobs().order_by("?").first()
    if job is not None:
        job.save(update_fields=["updated_at"])


def new_process() -> None:
    """A restarted process, or another machine: its own memory of rendered
    jobs is empty, the shared cache is not; one job changed meanwhile."""
    forget_fragments()
    touch_one_job()


def cold() -> None:
    cache.clear()
    forget_fragments()


def warmed_after_change() -> None:
    """An edit, then the worker's warm_feeds turn before the board asks."""
    touch_one_job()
    with translation.override(settings.LANGUAGE_CODE):
        for kind in FORMATS:
            warm(kind)


def run(jobs: int, requests: int) -> tuple[int, list[Figure]]:
    # WhiteNoise warns about a missing STATIC_ROOT on a fresh DATA_DIR.
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    added = add_open_jobs(jobs)
    client = Client(HTTP_HOST=host())
    figures = []
    for name in ("feed_indeed", "feed_linkedin"):
        path = reverse(name)
        client.get(path, secure=settings.SECURE_SSL_REDIRECT)  # warm: organisation, cache
        for label, before in (
            ("cached", lambda: None),  # nothing changed since the last request
            ("one job changed", touch_one_job),  # the first request after an edit
            ("changed, warmed by the worker", warmed_after_change),
            ("changed, new process", new_process),
            ("cold", cold),  # a fresh process after the cache was emptied
        ):
            figure = measure(client, path, requests, before)
            figure.name = f"{path} ({label})"
            figures.append(figure)
    return added, figures
