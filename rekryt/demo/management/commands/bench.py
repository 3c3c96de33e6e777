"""`manage.py bench`: time the busiest pages on a large fixture (`make bench`)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from rekryt.demo.bench import BenchError, run_bench, table
from rekryt.demo.bench_delivery import busiest_job, measure_delivery
from rekryt.demo.bench_fixture import has_data


class Command(BaseCommand):
    help = (
        "Benchmark the pipeline board, dashboard, career site and apply form on a "
        "large generated fixture. Run it on an empty, throw-away database."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--applications", type=int, default=5000)
        parser.add_argument("--jobs", type=int, default=1000)
        parser.add_argument("--requests", type=int, default=50)
        parser.add_argument("--warmup", type=int, default=5)
        parser.add_argument(
            "--emails",
            type=int,
            default=5000,
            help="Receipts delivered to a local SMTP server after the pages (0: skip).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though the database has data (the fixture is added to it).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if has_data() and not options["force"]:
            raise CommandError(
                "This database already has jobs or candidates. The benchmark adds thousands "
                "of rows: run it on an empty database (make bench uses var/bench), or pass "
                "--force."
            )
        if min(options["applications"], options["jobs"], options["requests"]) < 1:
            raise CommandError("--applications, --jobs and --requests must be at least 1")
        try:
            figures = run_bench(
                options["applications"],
                options["jobs"],
                options["requests"],
                options["warmup"],
                out=self.stdout.write,
            )
        except BenchError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write("")
        for line in table(figures):
            self.stdout.write(line)
        if options["emails"] > 0:
            self.stdout.write(measure_delivery(busiest_job(), options["emails"]).line())
