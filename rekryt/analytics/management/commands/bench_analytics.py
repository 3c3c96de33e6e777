"""`manage.py bench_analytics`: generate applications with their events,
roll them up, then time every analytics page (p95 ≤ 300 ms, and the same
number of queries whatever the size) and the roll-up catching up one day
of 10,000 events (≤ 10 s). Run on an empty database (`make bench` does)."""

from __future__ import annotations

import statistics
import time
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone

from rekryt.analytics import bench_data, rollup
from rekryt.analytics.models import Figure, Progress, Summary
from rekryt.applications.models import Application

PAGE_TARGET_MS = 300.0
CATCH_UP_TARGET_S = 10.0
DAY_OF_EVENTS = 10_000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def vacuum(out: Any) -> None:
    """After the first roll-up, what PostgreSQL's autovacuum does after such
    a load (done here because a server may run with it off, as the
    development machine's does): without it every row the upserts rewrote is
    a dead version, and the pages' index-only scans fetch each from the heap.
    The day's catch-up after it is not vacuumed: the pages are timed on the
    dead versions it leaves, as in production between autovacuum runs."""
    if connection.vendor != "postgresql":
        return
    if connection.in_atomic_block:  # VACUUM cannot run in one (the tests' transaction)
        out("  VACUUM skipped: inside a transaction")
        return
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for table in (Figure._meta.db_table, Summary._meta.db_table, Progress._meta.db_table):
            cursor.execute(f"VACUUM (ANALYZE) {connection.ops.quote_name(table)}")
    out(f"  VACUUM (ANALYZE) of the roll-up tables in {time.perf_counter() - started:,.0f} s")


class Queries(list[str]):
    """Counts the statements a request runs (whatever DEBUG says)."""

    def __call__(self, execute: Any, sql: str, *rest: Any) -> Any:
        self.append(sql)
        return execute(sql, *rest)


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--applications", type=int, default=1_000_000)
        parser.add_argument("--repeat", type=int, default=20)
        parser.add_argument("--force", action="store_true", help="Add to a database with data.")
        parser.add_argument(
            "--again",
            action="store_true",
            help="Over the history an earlier run generated and rolled up: vacuum, "
            "add and catch up another day, and time the pages again.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["again"]:
            admin, manager, jobs = bench_data.find()
            self.stdout.write(
                f"Analytics bench again on {connection.vendor}: "
                f"{Application.objects.count():,} applications"
            )
            vacuum(self.stdout.write)
            self.day_of_events(jobs)
            self.timed_pages(admin, manager, jobs, options["repeat"])
            return
        if Application.objects.exists() and not options["force"]:
            raise CommandError("This database has applications: use an empty one or --force.")
        if options["applications"] < 1 or options["repeat"] < 1:
            raise CommandError("--applications and --repeat must be at least 1")
        out = self.stdout.write
        out(f"Analytics bench on {connection.vendor}: {options['applications']:,} applications")
        started = time.perf_counter()
        admin, manager, jobs = bench_data.build(options["applications"], out)
        out(f"  generated in {time.perf_counter() - started:,.0f} s")
        started = time.perf_counter()
        events = rollup.catch_up_all()
        spent = time.perf_counter() - started
        out(f"  rolled up {events:,} events in {spent:,.0f} s ({events / spent:,.0f} events/s)")
        out(f"  {Figure.objects.count():,} roll-up rows")
        vacuum(out)
        self.day_of_events(jobs)
        self.timed_pages(admin, manager, jobs, options["repeat"])

    def timed_pages(self, admin: Any, manager: Any, jobs: list[Any], repeat: int) -> None:
        # Static files by name: no collectstatic manifest needed.
        storages = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        with override_settings(STORAGES=storages):
            self.pages(admin, manager, jobs, repeat)

    def day_of_events(self, jobs: list[Any]) -> None:
        """A day's new applications and their events, then the catch-up."""
        import random

        rng = random.Random(9)  # noqa: S311
        world = bench_data.World.of(jobs)
        now = timezone.now()
        written = 0
        while written < DAY_OF_EVENTS:
            with transaction.atomic():
                written += bench_data.write_batch(rng, world, 500, now, days=1, tag="day")
        started = time.perf_counter()
        read = rollup.catch_up_all()
        spent = time.perf_counter() - started
        verdict = "ok" if spent <= CATCH_UP_TARGET_S else "OVER"
        self.stdout.write(
            f"  catch-up of one day ({read:,} events): {spent:.2f} s  "
            f"{verdict} (≤ {CATCH_UP_TARGET_S:g} s)"
        )

    def pages(self, admin: Any, manager: Any, jobs: list[Any], repeat: int) -> None:
        today = timezone.localdate()
        year_ago = (today - timedelta(days=330)).strftime("%Y-%m")
        pages = [
            ("funnel, all jobs, 3 months", admin, "analytics_funnel", {}),
            ("funnel, all jobs, 12 months", admin, "analytics_funnel", {"since": year_ago}),
            ("funnel, one job", admin, "analytics_funnel", {"job": jobs[1].pk}),
            ("funnel, one department", admin, "analytics_funnel", {"department": "IT"}),
            (
                "funnel, one recruiter",
                admin,
                "analytics_funnel",
                {"recruiter": jobs[0].recruiter_id},
            ),
            ("funnel, hiring manager", manager, "analytics_funnel", {}),
            ("sources, all jobs, 12 months", admin, "analytics_sources", {"since": year_ago}),
            ("sources, one source", admin, "analytics_sources", {"source": "linkedin"}),
            ("experience, all jobs, 12 months", admin, "analytics_experience", {"since": year_ago}),
            ("funnel CSV, 12 months", admin, "analytics_funnel_csv", {"since": year_ago}),
            ("sources XLSX, 12 months", admin, "analytics_sources_xlsx", {"since": year_ago}),
            ("experience CSV, 3 months", admin, "analytics_experience_csv", {}),
        ]
        secure = settings.SECURE_SSL_REDIRECT
        for name, user, url_name, query in pages:
            client = Client()
            client.force_login(user)
            url = reverse(url_name)
            client.get(url, query, secure=secure)
            queries = Queries()
            with connection.execute_wrapper(queries):
                response = client.get(url, query, secure=secure)
            if response.status_code != 200:
                raise CommandError(f"{name}: HTTP {response.status_code}")
            times = []
            for _n in range(repeat):
                started = time.perf_counter()
                client.get(url, query, secure=secure)
                times.append((time.perf_counter() - started) * 1000)
            p95 = percentile(times, 0.95)
            verdict = "ok" if p95 <= PAGE_TARGET_MS else "OVER"
            self.stdout.write(
                f"  {name:<34} p50 {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms  "
                f"{len(queries):>2} queries  "
                f"{verdict} (p95 ≤ {PAGE_TARGET_MS:g} ms)"
            )
