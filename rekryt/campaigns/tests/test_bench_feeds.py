"""`manage.py bench_feeds` runs end to end on a small size and reports
every state of both feeds."""

from io import StringIO

import pytest
from django.core.management import call_command

from rekryt.campaigns.feeds import open_jobs

pytestmark = pytest.mark.django_db


def test_it_adds_open_jobs_and_reports_each_feed_in_every_state(org):
    out = StringIO()
    call_command("bench_feeds", "--jobs", "5", "--requests", "2", stdout=out)
    text = out.getvalue()
    assert open_jobs().count() == 5
    assert "Feeds over 5 open jobs (5 added)" in text
    for feed in ("indeed", "linkedin"):
        for state in (
            "cached",
            "one job changed",
            "changed, warmed by the worker",
            "changed, new process",
            "cold",
        ):
            line = next(li for li in text.splitlines() if f"{feed}.xml ({state})" in li)
            assert "p95 ≤ 200 ms" in line
    call_command("bench_feeds", "--jobs", "3", "--requests", "1", stdout=StringIO())
    assert open_jobs().count() == 5, "it never adds jobs when there are enough"
