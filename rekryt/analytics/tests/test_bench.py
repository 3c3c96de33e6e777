"""The benchmark command runs end to end at a tiny size (its figures are
for `make bench`, never checked here)."""

from __future__ import annotations

from io import StringIO
from typing import Any

from django.core.management import call_command

from rekryt.analytics import rollup
from rekryt.analytics.models import Figure, Kind
from rekryt.applications.models import Application


def test_bench_analytics_generates_rolls_up_and_times_every_page(db: Any, settings: Any) -> None:
    settings.ALLOWED_HOSTS = ["testserver"]
    out = StringIO()
    call_command("bench_analytics", "--applications", "60", "--repeat", "1", stdout=out)
    text = out.getvalue()
    assert "catch-up of one day" in text
    assert text.count("queries") == 12
    applied = sum(Figure.objects.filter(kind=Kind.APPLIED).values_list("n", flat=True))
    assert applied == Application.objects.count() > 60
    assert rollup.stored() == rollup.recount()
