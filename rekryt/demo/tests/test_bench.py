"""`manage.py bench` runs end to end on a tiny fixture."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from conftest import make_job
from rekryt.applications.models import Application
from rekryt.jobs.models import Job
from rekryt.screening.models import Screening

TINY = ["--applications", "30", "--jobs", "20", "--requests", "3", "--warmup", "1"]


def bench(*args: str) -> str:
    out = StringIO()
    call_command("bench", *TINY, *args, stdout=out)
    return out.getvalue()


def test_it_measures_every_page_and_the_apply_form(db: Any) -> None:
    output = bench()
    rows = {line.split()[0]: line.split() for line in output.splitlines() if line.strip()}
    for page in (
        "board",
        "dashboard",
        "career_list",
        "career_job",
        "apply",
        "board-score",
        "apply-screening",
        "compare",
    ):
        assert page in rows, output
    assert int(rows["board"][3]) > 0  # a query count was captured
    assert "applies/s" in rows["apply"]
    # The recruiter's workspace: a filtered board, a 20-event application
    # page and a CV page, first rendered and then cached.
    for label in (
        "filtered board (2)",
        "application (20 events)",
        "cv page (cached)",
        "cv page (first)",
    ):
        assert label in output, output
    # The screening section adds a screened job and one that asks questions.
    assert Job.objects.count() == 21 + 2 + 1  # and the interviews' job
    # 30 fixture applications plus every apply POST (warm-up, timed, counted),
    # for each of the two fixtures and the two apply forms.
    assert Application.objects.count() == 2 * 30 + 2 * (1 + 3 + 1) + 200
    assert "compare (200×3)" in output
    assert Screening.objects.count() == 30 + 1 + 3 + 1


def test_it_refuses_a_database_that_has_data(db: Any) -> None:
    make_job()
    with pytest.raises(CommandError, match="empty database"):
        bench()
    assert Application.objects.count() == 0


def test_it_runs_on_a_database_with_data_when_forced(db: Any) -> None:
    make_job()
    assert "board" in bench("--force")
