"""`manage.py bench`: how fast the busiest pages are at a realistic size.

The fixture is one popular job with thousands of applications and a career
site with a thousand published jobs. Rows are bulk-inserted (a benchmark
fixture, not demo data). Pages are requested in-process with Django's test
client, so the figures are server time without network or a web server.
Query counts come from CaptureQueriesContext on one extra request."""

from __future__ import annotations

import secrets
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from rekryt.accounts.models import Role, User
from rekryt.applications.apply_forms import HONEYPOT, new_submission_key
from rekryt.demo import bench_workspace
from rekryt.demo.bench_fixture import build_fixture
from rekryt.jobs.models import Job
from rekryt.lib.pdfgen import text_pdf

TARGETS = {  # page: (p95 ms, queries); None where there is no target
    "board": (50.0, 10),
    "career_list": (20.0, None),
    "career_job": (20.0, None),
    "search": (50.0, 10),
    "search (team)": (50.0, 10),
    # rekryt.demo.bench_screening
    "board-score": (50.0, 10),
    "apply-screening": (30.0, None),
    **bench_workspace.TARGETS,
    # rekryt.demo.bench_interviews
    "compare (200×3)": (100.0, 12),
    # rekryt.demo.bench_campaigns (feeds over every open job, at least 1,000)
    "feed indeed.xml": (200.0, 3),
    "feed linkedin.xml": (200.0, 3),
    "campaign page": (100.0, 20),
    "career_job (tagged)": (20.0, None),
}


@dataclass
class Figure:
    name: str
    path: str
    p50: float
    p95: float
    queries: int
    per_second: float = 0.0

    def verdict(self) -> str:
        target = TARGETS.get(self.name)
        if target is None:
            return ""
        p95, queries = target
        ok = self.p95 <= p95 and (queries is None or self.queries <= queries)
        limit = f"p95 ≤ {p95:g} ms" + (f", ≤ {queries} queries" if queries else "")
        return f"{'ok' if ok else 'OVER'} ({limit})"


# --- Measuring -------------------------------------------------------------------


def host() -> str:
    allowed = settings.ALLOWED_HOSTS
    if "testserver" in allowed or "*" in allowed or not allowed:
        return "testserver"
    return allowed[0].lstrip(".")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


BenchError = bench_workspace.BenchError


def _time(request: Callable[[], HttpResponse], count: int, expect: int, path: str) -> list[float]:
    times = []
    for _n in range(count):
        started = time.perf_counter()
        response = request()
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != expect:
            raise BenchError(f"{path} answered HTTP {response.status_code}, not {expect}")
    return times


def measure_page(client: Client, name: str, path: str, requests: int, warmup: int) -> Figure:
    secure = settings.SECURE_SSL_REDIRECT

    def get() -> HttpResponse:
        return client.get(path, secure=secure)  # type: ignore[return-value]

    _time(get, warmup, 200, path)
    times = _time(get, requests, 200, path)
    with CaptureQueriesContext(connection) as queries:
        get()
    return Figure(name, path, statistics.median(times), percentile(times, 0.95), len(queries))


def measure_apply(client: Client, job: Job, requests: int, warmup: int) -> Figure:
    path = reverse("apply", args=[job.slug])
    pdf = text_pdf("Bench Candidate\nLagermedarbetare\nTruckkort A och B")
    secure = settings.SECURE_SSL_REDIRECT
    run = secrets.token_hex(3)

    def post(n: int) -> HttpResponse:
        # The fields of rekryt.applications.apply_forms.ApplyForm; a fresh
        # address and submission key each time, the honeypot left empty.
        data: dict[str, Any] = {
            "first_name": "Bench",
            "last_name": f"Candidate {n}",
            "email": f"apply-{run}-{n}@example.org",
            "about": "Benchmark application.",
            "consent": "on",
            HONEYPOT: "",
            "submission_key": new_submission_key(),
            "cv": SimpleUploadedFile("cv.pdf", pdf, "application/pdf"),
        }
        return client.post(path, data, secure=secure)  # type: ignore[return-value]

    counter = iter(range(10**9))
    _time(lambda: post(next(counter)), warmup, 302, path)
    started = time.perf_counter()
    times = _time(lambda: post(next(counter)), requests, 302, path)
    elapsed = time.perf_counter() - started
    with CaptureQueriesContext(connection) as queries:
        post(next(counter))
    return Figure(
        "apply (POST)",
        path,
        statistics.median(times),
        percentile(times, 0.95),
        len(queries),
        per_second=requests / elapsed,
    )


def screening_figures(*args: Any) -> list[Figure]:
    from rekryt.demo.bench_screening import screening_figures as measure

    return measure(*args)


def interviews_figures(*args: Any) -> list[Figure]:
    from rekryt.demo.bench_interviews import interviews_figures as measure

    return measure(*args)


def campaigns_figures(*args: Any) -> list[Figure]:
    from rekryt.demo.bench_campaigns import campaigns_figures as measure

    return measure(*args)


def run_bench(
    applications: int, jobs: int, requests: int, warmup: int, out: Callable[[str], None]
) -> list[Figure]:
    started = time.perf_counter()
    recruiter, big = build_fixture(applications, jobs)
    out(
        f"Fixture: 1 job with {applications} applications, {jobs} more published jobs "
        f"({time.perf_counter() - started:.1f} s)."
    )
    # WhiteNoise warns about a missing STATIC_ROOT on a fresh DATA_DIR.
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    sample = Job.objects.published().exclude(pk=big.pk).order_by("-published_at").first() or big
    staff = Client(HTTP_HOST=host())
    staff.force_login(recruiter)
    # A hiring manager on the big job only: search is scoped to their jobs.
    manager = User.objects.create_user(
        username=f"bench-hm-{secrets.token_hex(3)}", role=Role.HIRING_MANAGER
    )
    big.team.add(manager)
    team = Client(HTTP_HOST=host())
    team.force_login(manager)
    search = reverse("candidate_list") + "?q=truckkort+lager"
    public = Client(HTTP_HOST=host())
    # Static files by name (no collectstatic manifest needed) and no rate limit:
    # the benchmark measures the views, not those.
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages, APPLY_RATE_LIMIT=10**9):
        cache.clear()
        pages = [
            ("board", staff, reverse("board", args=[big.pk])),
            ("dashboard", staff, reverse("dashboard")),
            ("search", staff, search),
            ("search (team)", team, search),
            ("career_list", public, reverse("career_list")),
            ("career_job", public, reverse("career_job", args=[sample.slug])),
        ]
        workspace, first_render = bench_workspace.workspace_pages(big, recruiter, staff)
        pages += workspace
        figures = [measure_page(c, name, path, requests, warmup) for name, c, path in pages]
        figures.append(measure_apply(public, sample, requests, warmup))
        figures.extend(screening_figures(staff, public, recruiter, applications, requests, warmup))
        figures.extend(interviews_figures(staff, recruiter, requests, warmup))
        figures.extend(campaigns_figures(staff, recruiter, big, requests, warmup))
        figures.append(Figure("cv page (first)", "", first_render, first_render, 0))
    return figures


def table(figures: list[Figure]) -> list[str]:
    lines = [f"{'page':<24} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}  {'target'}"]
    for fig in figures:
        extra = f"  {fig.per_second:.1f} applies/s" if fig.per_second else ""
        lines.append(
            f"{fig.name:<24} {fig.p50:>8.1f} {fig.p95:>8.1f} {fig.queries:>8}  "
            f"{fig.verdict()}{extra}"
        )
    return lines
