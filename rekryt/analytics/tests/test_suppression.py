"""Figures about fewer than five people are hidden where they could point
at someone: 4 is hidden, 5 is shown, on the pages and in the exports."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from conftest import make_application
from rekryt.analytics.suppress import MIN_GROUP, Cell, hide_complements
from rekryt.analytics.tests.helpers import deliver_and_roll_up
from rekryt.applications.actions import set_outcome
from rekryt.applications.models import Outcome, ReasonKind, RejectionReason
from rekryt.surveys.tests.helpers import make_answer


def test_the_threshold_is_five() -> None:
    assert MIN_GROUP == 5
    assert Cell(4, 4).hidden and str(Cell(4, 4)) == "fewer than 5"
    assert not Cell(5, 5).hidden and str(Cell(5, 5)) == "5"
    assert not Cell(0, 0).hidden  # nobody: nothing to point at


def test_one_hidden_cell_takes_the_next_smallest_with_it() -> None:
    cells = hide_complements([Cell(20, 20), Cell(7, 7), Cell(2, 2)])
    assert [c.hidden for c in cells] == [False, True, True]
    two = hide_complements([Cell(20, 20), Cell(3, 3), Cell(2, 2)])
    assert [c.hidden for c in two] == [False, True, True]


def reject(job: Any, rita: Any, reason: Any, count: int) -> None:
    for _n in range(count):
        set_outcome(make_application(job), Outcome.REJECTED, rita, reason)


@pytest.mark.parametrize(("count", "hidden"), [(4, True), (5, False)])
def test_a_rejection_reason_on_a_small_job(
    client: Any, rita: Any, job: Any, count: int, hidden: bool
) -> None:
    common, rare = RejectionReason.objects.filter(kind=ReasonKind.DECLINED)[:2]
    reject(job, rita, common, 12)
    reject(job, rita, rare, count)
    deliver_and_roll_up(days=0)
    client.force_login(rita)
    page = client.get(reverse("analytics_funnel"), {"job": job.pk}).context["page"]
    found = {r.label: r.count for r in page.reasons}
    assert found[rare.name_en].hidden is hidden
    assert found[common.name_en].hidden is hidden  # the complement goes with it
    csv = client.get(reverse("analytics_funnel_csv"), {"job": job.pk}).content.decode()
    assert (f"{rare.name_en},We declined,fewer than 5" in csv) is hidden
    assert (f"{rare.name_en},We declined,{count}" in csv) is not hidden


@pytest.mark.parametrize(("answers", "hidden"), [(4, True), (5, False)])
def test_cnps_of_a_step(client: Any, rita: Any, job: Any, answers: int, hidden: bool) -> None:
    for _n in range(answers):
        make_answer(10, job=job)
    client.force_login(rita)
    page = client.get(reverse("analytics_experience")).context["page"]
    (step,) = page.steps
    assert step.cnps.hidden is hidden
    assert step.answers == answers
    assert (step.cnps.shown == 100) is not hidden


@pytest.mark.parametrize(("hires", "hidden"), [(4, True), (5, False)])
def test_the_average_time_to_hire(
    client: Any, rita: Any, job: Any, hires: int, hidden: bool
) -> None:
    for _n in range(hires):
        set_outcome(make_application(job), Outcome.HIRED, rita)
    deliver_and_roll_up(days=0)
    client.force_login(rita)
    page = client.get(reverse("analytics_funnel")).context["page"]
    days = page.headlines[-1].value
    assert days.hidden is hidden
