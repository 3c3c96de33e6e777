"""`manage.py bench_feeds`: the job-board feeds over 1,000 open jobs (`make bench`)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from rekryt.campaigns.bench_feeds import run
from rekryt.campaigns.feeds import open_jobs


class Command(BaseCommand):
    help = (
        "Time /feeds/indeed.xml and /feeds/linkedin.xml, cached and built afresh, over at "
        "least --jobs open jobs (published jobs are added until there are that many). "
        "Run it on a throw-away database."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--jobs", type=int, default=1000)
        parser.add_argument("--requests", type=int, default=30)

    def handle(self, *args: Any, jobs: int, requests: int, **options: Any) -> None:
        if jobs < 1 or requests < 1:
            raise CommandError("--jobs and --requests must be at least 1")
        added, figures = run(jobs, requests)
        self.stdout.write(
            f"Feeds over {open_jobs().count()} open jobs ({added} added), {requests} requests each."
        )
        self.stdout.write(f"{'feed':<40} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}  target")
        for figure in figures:
            self.stdout.write(figure.line())
