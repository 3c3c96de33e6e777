"""Per-source figures add up to the totals, and cost comes from the
campaigns' channels."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from conftest import make_application
from rekryt.analytics.models import Figure, Kind
from rekryt.analytics.tests.helpers import deliver_and_roll_up, random_history
from rekryt.applications.actions import set_outcome
from rekryt.applications.models import Outcome
from rekryt.campaigns.tests.helpers import campaign, channel

FIELDS = ("visits", "applicants", "qualified", "hired", "cost")


def test_per_source_figures_add_up_to_the_totals(
    client: Any, rita: Any, job: Any, other_job: Any
) -> None:
    random_history([job, other_job], 30, seed=11, actor=rita)
    deliver_and_roll_up(days=1)
    client.force_login(rita)
    page = client.get(reverse("analytics_sources")).context["page"]
    assert len(page.rows) >= 3
    for name in FIELDS:
        assert sum(getattr(r, name) for r in page.rows) == getattr(page.total, name), name
    applied = sum(Figure.objects.filter(kind=Kind.APPLIED).values_list("n", flat=True))
    assert page.total.applicants == applied == 30
    funnel = client.get(reverse("analytics_funnel")).context["page"]
    assert funnel.headlines[0].value == page.total.applicants
    hired = next(h for h in funnel.headlines if h.label == "Hired")
    assert hired.value == page.total.hired


def test_cost_per_hire_comes_from_the_channel(client: Any, rita: Any, job: Any) -> None:
    channel(campaign([job]), "mässa-2026", cost=12000, name="Mässan")
    for _n in range(3):
        make_application(job, source="mässa-2026")
    set_outcome(make_application(job, source="mässa-2026"), Outcome.HIRED, rita)
    deliver_and_roll_up(days=0)
    client.force_login(rita)
    page = client.get(reverse("analytics_sources")).context["page"]
    (row,) = [r for r in page.rows if r.source == "mässa-2026"]
    assert (row.label, row.applicants, row.hired, row.cost) == ("Mässan", 4, 1, 12000)
    assert (row.per_applicant, row.per_hire) == (3000, 12000)
