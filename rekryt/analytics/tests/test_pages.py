"""The analytics pages through the test client: what they show, who sees
which jobs, malformed filters, and constant queries as the data grows."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from conftest import make_application
from rekryt.analytics.tests.helpers import deliver_and_roll_up, random_history
from rekryt.applications.actions import set_outcome
from rekryt.applications.models import Outcome

PAGES = ["analytics_funnel", "analytics_sources", "analytics_experience"]
EXPORTS = [
    f"analytics_{page}_{fmt}"
    for page in ("funnel", "sources", "experience")
    for fmt in ("csv", "xlsx")
]


@pytest.mark.parametrize("name", PAGES)
def test_each_page_shows_the_rolled_up_figures(client: Any, rita: Any, job: Any, name: str) -> None:
    for _n in range(6):
        set_outcome(make_application(job, source="linkedin"), Outcome.HIRED, rita)
    deliver_and_roll_up(days=0)
    client.force_login(rita)
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "<caption" in html
    if name == "analytics_sources":
        assert "LinkedIn" in html


def test_the_funnel_counts_hires_and_compares_with_the_period_before(
    client: Any, rita: Any, job: Any
) -> None:
    for _n in range(6):
        set_outcome(make_application(job), Outcome.HIRED, rita)
    deliver_and_roll_up(days=0)
    client.force_login(rita)
    page = client.get(reverse("analytics_funnel")).context["page"]
    hired = next(h for h in page.headlines if h.label == "Hired")
    assert (hired.value, hired.previous, hired.change) == (6, 0, 6)


def test_a_hiring_manager_sees_only_the_jobs_of_their_team(
    client: Any, rita: Any, hanna: Any, job: Any, other_job: Any
) -> None:
    make_application(job)
    for _n in range(3):
        make_application(other_job)
    deliver_and_roll_up(days=0)
    client.force_login(hanna)
    page = client.get(reverse("analytics_funnel")).context["page"]
    assert page.headlines[0].value == 1
    # Asking for another team's job is an invalid choice, not its figures.
    response = client.get(reverse("analytics_funnel"), {"job": other_job.pk})
    assert response.context["page"].headlines[0].value == 1
    assert "Select a valid choice" in response.content.decode()
    client.force_login(rita)
    assert client.get(reverse("analytics_funnel")).context["page"].headlines[0].value == 4


def test_an_interviewer_gets_404(client: Any, ivan: Any) -> None:
    client.force_login(ivan)
    for name in PAGES + EXPORTS:
        assert client.get(reverse(name)).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "since=2026-13-45",
        "since=2026-05-01&until=2026-01-01",
        "since=1900-01-01&until=2026-01-01",
        "since=1900-01&until=2026-01",
        "since=2026-02&until=2026-01",
        "job=abc",
        "job=99999999999999999999",
        "recruiter=-1",
        "department=%00",
        "source=%3Cscript%3E",
        "source=" + "a" * 500,
        "since[]=x&since=1&until=",
    ],
)
def test_malformed_filters_get_a_message_and_the_defaults(
    client: Any, rita: Any, query: str
) -> None:
    client.force_login(rita)
    for name in PAGES + EXPORTS:
        response = client.get(reverse(name) + "?" + query)
        assert response.status_code == 200, (name, query)
    page = client.get(reverse("analytics_funnel") + "?" + query)
    assert 'role="alert"' in page.content.decode()


@pytest.mark.parametrize("name", PAGES)
def test_pages_take_the_same_queries_at_two_sizes(
    client: Any, rita: Any, job: Any, other_job: Any, django_assert_num_queries: Any, name: str
) -> None:
    client.force_login(rita)
    random_history([job], 3, seed=1, actor=rita)
    deliver_and_roll_up(days=0)
    client.get(reverse(name))  # warm the session and organisation caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(reverse(name), {"job": job.pk, "source": "linkedin"})
    random_history([job, other_job], 25, seed=2, actor=rita)
    deliver_and_roll_up(days=3)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse(name), {"job": job.pk, "source": "linkedin"})


def test_the_all_jobs_summary_gives_what_the_jobs_add_up_to(
    client: Any, rita: Any, job: Any, other_job: Any
) -> None:
    random_history([job, other_job], 30, seed=5, actor=rita)
    deliver_and_roll_up(days=1)
    client.force_login(rita)
    for name in PAGES:
        everything = client.get(reverse(name)).context["page"]
        # Every job is rita's: the same jobs, read from the per-job rows.
        per_job = client.get(reverse(name), {"recruiter": rita.pk}).context["page"]
        assert (
            client.get(reverse(name), {"recruiter": rita.pk}).context["scope"].everything is False
        )
        assert repr(everything) == repr(per_job), name


def test_the_period_is_whole_months_and_the_previous_one_as_long(client: Any, rita: Any) -> None:
    from datetime import date

    client.force_login(rita)
    response = client.get(reverse("analytics_funnel"), {"since": "2026-01", "until": "2026-03"})
    scope = response.context["scope"]
    assert (scope.since, scope.until, scope.end) == (
        date(2026, 1, 1),
        date(2026, 3, 1),
        date(2026, 3, 31),
    )
    assert scope.previous == (date(2025, 10, 1), date(2025, 12, 1))
    assert not response.context["form"].errors
