"""`manage.py seed_demo`: load the demo company (Norrsken Logistik AB)."""

from __future__ import annotations

import os
import secrets
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from rekryt.demo.seed import DEFAULT_SEED, seed_demo
from rekryt.jobs.models import Job


class Command(BaseCommand):
    help = (
        "Load a realistic demo company: staff in every role, a dozen jobs and a few "
        "hundred candidates spread over the last three months."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--password",
            default="",
            help="Password for every demo login (default: $DEMO_PASSWORD, else a random one).",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing (and print nothing) when the database already has a job.",
        )
        parser.add_argument("--candidates", type=int, default=300)
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and Job.objects.exists():
            return
        if options["candidates"] < 1:
            raise CommandError("--candidates must be at least 1")
        password = options["password"] or os.environ.get("DEMO_PASSWORD") or ""
        password = password or secrets.token_urlsafe(12)
        started = time.monotonic()
        seeded = seed_demo(options["candidates"], password, seed=options["seed"])
        seconds = time.monotonic() - started
        self.stdout.write(
            f"Demo company loaded in {seconds:.1f} s: {seeded.jobs} jobs, "
            f"{seeded.candidates} candidates, {seeded.applications} applications."
        )
        self.stdout.write("Staff logins (/staff/):")
        width = max(len(login[0]) for login in seeded.logins)
        for username, pw, role, title in seeded.logins:
            self.stdout.write(f"  {username.ljust(width)}  {pw}  {role} ({title})")
