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


def test_bench_analytics_again_reuses_the_history_and_adds_a_day(db: Any, settings: Any) -> None:
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("bench_analytics", "--applications", "40", "--repeat", "1", stdout=StringIO())
    before = Application.objects.count()
    out = StringIO()
    call_command("bench_analytics", "--again", "--repeat", "1", stdout=out)
    text = out.getvalue()
    assert f"{before:,} applications" in text
    assert "catch-up of one day" in text and text.count("queries") == 12
    assert Application.objects.count() > before
    assert rollup.stored() == rollup.recount()


def test_bench_analytics_again_needs_a_history(db: Any) -> None:
    import pytest
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="run without --again first"):
        call_command("bench_analytics", "--again", stdout=StringIO())
