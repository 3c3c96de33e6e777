"""The candidate-search benchmark (`make bench-search`, part of `make bench`):
the top 20 for a one-word, a very common word, a two-word boolean and a
phrase query, as the candidates page asks for them (rank in the index, the
page of candidates, the snippets), by an admin and by a hiring manager who
sees 1 % of the candidates; then the suggestions for a new job."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection

from rekryt.accounts.models import User
from rekryt.applications.models import Application
from rekryt.candidates.search import ranked, snippets

QUERIES = [
    ("one word", "utvecklare"),
    ("common word", "erfarenhet"),
    ("boolean", "python AND kubernetes"),
    ("boolean (sv)", "truckkort ELLER svetsning"),
    ("phrase", '"project manager"'),
]
TARGET_MS = {"sqlite": 100.0, "postgresql": 300.0}
TOP = 20


@dataclass
class Timing:
    name: str
    p50: float
    p95: float
    found: int
    target: float

    def line(self) -> str:
        verdict = "ok" if self.p95 <= self.target else "OVER"
        return (
            f"{self.name:<38} p50 {self.p50:7.1f} ms  p95 {self.p95:7.1f} ms  "
            f"top {self.found:>2}  {verdict} (p95 ≤ {self.target:g} ms)"
        )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def top(query: str, scope: Any) -> int:
    """What the candidates page does for a query: the ranked window, the
    first TOP candidates and their snippets."""
    best = ranked(query, scope)
    shown = best.candidate_ids[:TOP]
    snippets(query, {pk: best.best_entry[pk] for pk in shown})
    return len(shown)


def timed(name: str, run: Callable[[], int], repeat: int, target: float) -> Timing:
    run()
    times, found = [], 0
    for _n in range(repeat):
        started = time.perf_counter()
        found = run()
        times.append((time.perf_counter() - started) * 1000)
    return Timing(name, statistics.median(times), percentile(times, 0.95), found, target)


def measure(admin: User, manager: User, repeat: int) -> list[Timing]:
    target = TARGET_MS.get(connection.vendor, 100.0)
    scopes = {"admin": None, "hiring manager (1 %)": Application.objects.visible_to(manager)}
    figures = []
    for who, scope in scopes.items():
        for label, text in QUERIES:
            name = f"{label} [{who}]"
            figures.append(timed(name, _runner(text, scope), repeat, target))
    return figures


def _runner(text: str, scope: Any) -> Callable[[], int]:
    return lambda: top(text, scope)


def measure_suggestions(repeat: int) -> Timing:
    """Suggestions for a newly published job: pool members with consent in
    force matching its title and department, with reasons."""
    from rekryt.jobs.actions import create_job
    from rekryt.talentpool.actions import suggestions

    job = create_job(title="Python-utvecklare", department="Engineering", city="Malmö")
    return timed("suggestions for a new job", lambda: len(suggestions(job)), repeat, 1000.0)


def measure_earlier(repeat: int) -> Timing:
    """Earlier applicants for a new job: those with a future-contact consent
    (one in ten), in no pool, matching its title and requirements."""
    from rekryt.jobs.actions import create_job
    from rekryt.talentpool.matching import earlier_applicants

    job = create_job(
        title="Lagerarbetare",
        department="Lager",
        city="Malmö",
        requirements="Truckkort, erfarenhet av plock och WMS",
    )
    return timed(
        "earlier applicants for a new job", lambda: len(earlier_applicants(job)), repeat, 1000.0
    )


def index_size() -> str:
    """The search index on disk (FTS5 shadow tables, or the GIN index and
    the tsvector column's table), and the entries table itself."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT pg_relation_size('candidates_search_gin'), "
                "pg_total_relation_size('candidates_searchentry')"
            )
            gin, table = cursor.fetchone()
            return (
                f"GIN index {gin / 2**20:,.0f} MiB; entries with tsvector {table / 2**20:,.0f} MiB"
            )
        try:
            cursor.execute(
                "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'candidates_search_fts%'"
            )
            fts = cursor.fetchone()[0] or 0
            cursor.execute("SELECT SUM(pgsize) FROM dbstat WHERE name = 'candidates_searchentry'")
            table = cursor.fetchone()[0] or 0
        except Exception:
            return "index size: dbstat is not available in this SQLite build"
        return f"FTS5 index {fts / 2**20:,.0f} MiB; entries (text + stems) {table / 2**20:,.0f} MiB"
