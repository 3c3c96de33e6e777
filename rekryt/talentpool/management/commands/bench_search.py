"""`manage.py bench_search`: candidate search over generated candidates."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from rekryt.candidates.models import Candidate
from rekryt.talentpool import bench_data, bench_search


class Command(BaseCommand):
    help = (
        "Generate CANDIDATES candidates with CV text (default 1,000,000) and time "
        "candidate search by an admin and a hiring manager. Run it on an empty, "
        "throw-away database."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--candidates", type=int, default=1_000_000)
        parser.add_argument("--repeat", type=int, default=30)
        parser.add_argument("--force", action="store_true", help="Add to a database with data.")

    def handle(self, *args: Any, **options: Any) -> None:
        if Candidate.objects.exists() and not options["force"]:
            raise CommandError("This database has candidates: use an empty one or --force.")
        if options["candidates"] < 1 or options["repeat"] < 1:
            raise CommandError("--candidates and --repeat must be at least 1")
        started = time.perf_counter()
        self.stdout.write(f"Generating {options['candidates']:,} candidates …")
        admin, manager = bench_data.build(options["candidates"], self.stdout.write)
        self.stdout.write(f"  generated and indexed in {time.perf_counter() - started:,.0f} s")
        self.stdout.write(bench_search.index_size())
        for figure in bench_search.measure(admin, manager, options["repeat"]):
            self.stdout.write(figure.line())
        self.stdout.write(bench_search.measure_suggestions(options["repeat"]).line())
        self.stdout.write(bench_search.measure_earlier(options["repeat"]).line())
