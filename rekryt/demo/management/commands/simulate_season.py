"""`manage.py simulate_season`: a synthetic hiring season through the real code."""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from rekryt.demo.bench_fixture import has_data
from rekryt.demo.season import SeasonError, report, simulate


class Command(BaseCommand):
    help = (
        "Play a synthetic hiring season through the real actions, worker duties and "
        "survey form with travelling time, then print the no-silence figures and the "
        "CNPS. Needs time-machine (requirements-dev) and an empty, throw-away database: "
        "DATA_DIR=var/season DEBUG=true .venv/bin/python manage.py migrate && "
        "DATA_DIR=var/season DEBUG=true .venv/bin/python manage.py simulate_season"
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--jobs", type=int, default=30)
        parser.add_argument("--days", type=int, default=90)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--survey-cooldown-days",
            type=int,
            default=None,
            help="At most one survey per candidate per this many days (default: the "
            "organisation's setting, 30); 0 surveys every step.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though the database has data (the season is added to it).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self._handle(**options)

    def _handle(self, **options: Any) -> None:
        if has_data() and not options["force"]:
            raise CommandError(
                "This database already has jobs or candidates. The season adds thousands "
                "of rows and emails: run it on an empty database (DATA_DIR=var/season), "
                "or pass --force."
            )
        if options["jobs"] < 1 or options["days"] < 7:
            raise CommandError("--jobs must be at least 1 and --days at least 7")
        started = time.monotonic()
        # Thousands of routine "cancelled"/"sent" lines would bury the progress.
        quiet = logging.getLogger("rekryt")
        level = quiet.level
        quiet.setLevel(logging.WARNING)
        try:
            result = simulate(
                options["jobs"],
                options["days"],
                options["seed"],
                out=self.stdout.write,
                survey_cooldown_days=options["survey_cooldown_days"],
            )
        except SeasonError as exc:
            raise CommandError(str(exc)) from None
        finally:
            quiet.setLevel(level)
        self.stdout.write(f"Simulated in {time.monotonic() - started:.0f} s.")
        self.stdout.write("")
        # The report is an English console table, and the figures' labels
        # come from the translated UI strings: pin them to English. (Survey
        # answers posted during the season leave the candidate's language
        # active in this thread, as a request does.)
        with translation.override("en"):
            for line in report(result):
                self.stdout.write(line)
