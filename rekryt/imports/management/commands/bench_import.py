"""`manage.py bench_import`: 10,000 generated CSV rows through the whole
import (read, preview, the worker's import); the target is at most 60 s.
Run it on an empty bench database (`make bench` does)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from rekryt.accounts.models import Role, User
from rekryt.candidates.models import Candidate
from rekryt.imports import actions, duties
from rekryt.imports.models import ImportJob, Status

TARGET_SECONDS = 60.0


def generated_csv(rows: int) -> bytes:
    lines = ["Förnamn;Efternamn;E-post;Telefon;Taggar;Anteckning"]
    for n in range(rows):
        tag = ("java", "python", "sales", "design")[n % 4]
        lines.append(f"Person{n};Efternamn{n};bench{n}@example.com;+46 70 {n:07d};{tag};Row {n}")
    return ("\n".join(lines) + "\n").encode("utf-8")


class Command(BaseCommand):
    help = "Import 10,000 generated CSV rows end to end and report the time."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--rows", type=int, default=10_000)

    def handle(self, *args: Any, rows: int, **options: Any) -> None:
        user, _created = User.objects.get_or_create(
            username="bench-importer", defaults={"role": Role.RECRUITER}
        )
        before = Candidate.objects.count()
        data = generated_csv(rows)
        started = time.perf_counter()
        job = actions.upload(data, "bench.csv", user=user, request=None)
        header, body = actions.table(job)
        plans = actions.plan(job, header, body)
        parsed = time.perf_counter()
        job.legal_basis = "legitimate_interest"
        job.basis_note = "bench"
        with transaction.atomic():
            job.status = Status.QUEUED
            job.save()
        duty = duties.RunImports()
        while duty.handle_one():
            pass
        finished = time.perf_counter()
        job = ImportJob.objects.get(pk=job.pk)
        created = Candidate.objects.count() - before
        total = finished - started
        verdict = "met" if total <= TARGET_SECONDS and created == rows else "NOT met"
        self.stdout.write(
            f"bench_import: {rows} rows, {len(plans)} planned, {created} created, "
            f"{len(job.refused)} refused, status {job.status}; "
            f"read+preview {parsed - started:.1f} s, total {total:.1f} s "
            f"(target ≤ {TARGET_SECONDS:.0f} s: {verdict})"
        )
