"""`manage.py bench_api`: the REST API's list endpoints over many candidates
(`make bench`): a page of 50 from the first and from a later page, with an
admin's token and with a hiring manager's who sees 1 % of them."""

from __future__ import annotations

import statistics
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from rekryt.api.models import SCOPES
from rekryt.api.tokens import create_token
from rekryt.demo.bench import host, percentile
from rekryt.talentpool import bench_data

ENDPOINTS = ["/api/v1/candidates", "/api/v1/applications", "/api/v1/events", "/api/v1/jobs"]
TARGET_MS = 50.0


class Command(BaseCommand):
    help = "Time the REST API's list endpoints over generated candidates (default 100,000)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--candidates", type=int, default=100_000)
        parser.add_argument("--requests", type=int, default=30)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["candidates"] < 1 or options["requests"] < 1:
            raise CommandError("--candidates and --requests must be at least 1")
        started = time.perf_counter()
        admin, manager = bench_data.build(options["candidates"], self.stdout.write)
        self.stdout.write(
            f"{options['candidates']:,} candidates in {time.perf_counter() - started:,.0f} s"
        )
        for who, user in (("admin", admin), ("hiring manager (1 %)", manager)):
            token = create_token(user, "bench", list(SCOPES), 30, admin).raw
            client = Client(HTTP_HOST=host(), HTTP_AUTHORIZATION=f"Bearer {token}")
            for url in ENDPOINTS:
                self.stdout.write(self._line(client, f"{url}?limit=50", who, options["requests"]))
                later = client.get(f"{url}?limit=50").json().get("next_cursor")
                if later:
                    self.stdout.write(self._line(client, f"{url}?limit=50&cursor={later}", who, 10))

    def _line(self, client: Client, url: str, who: str, repeat: int) -> str:
        client.get(url)
        times = []
        for _n in range(repeat):
            begun = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - begun) * 1000)
            if response.status_code != 200:
                raise CommandError(f"{url}: {response.status_code} {response.content[:200]!r}")
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        p95 = percentile(times, 0.95)
        verdict = "ok" if p95 <= TARGET_MS else "OVER"
        shown = url if len(url) < 60 else url[:57] + "…"
        return (
            f"{shown:<60} [{who}] p50 {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms  "
            f"{len(queries)} queries  {verdict} (p95 ≤ {TARGET_MS:g} ms)"
        )
