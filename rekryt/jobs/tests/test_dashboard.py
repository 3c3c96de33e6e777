"""The staff dashboard: visible jobs with per-stage counts of active applications."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import make_application, make_job
from rekryt.applications.models import Application, Outcome
from rekryt.jobs.actions import close_job
from rekryt.jobs.staff_views import JOBS_PER_PAGE

# Declared so pytest-django runs these with the other database tests (before the
# transactional ones that flush the rows data migrations seed).
pytestmark = pytest.mark.django_db


def rows_by_title(response: Any) -> dict[str, Any]:
    return {row.job.title: row for row in response.context["rows"]}


def test_it_counts_active_applications_per_stage(client: Any, rita: Any, job: Any) -> None:
    first, second = list(job.stages.order_by("order"))[:2]
    make_application(job)
    make_application(job)
    moved = make_application(job)
    Application.objects.filter(pk=moved.pk).update(stage=second)
    ended = make_application(job)
    Application.objects.filter(pk=ended.pk).update(outcome=Outcome.REJECTED)
    client.force_login(rita)

    row = rows_by_title(client.get(reverse("dashboard")))[job.title]

    counts = {stage.name: stage.active for stage in row.stages}
    assert counts[first.name] == 2
    assert counts[second.name] == 1
    assert row.active == 3


def test_it_counts_applications_received_in_the_last_seven_days(
    client: Any, rita: Any, job: Any
) -> None:
    with time_machine.travel(timezone.now() - timedelta(days=10)):
        make_application(job)
    make_application(job)
    client.force_login(rita)

    row = rows_by_title(client.get(reverse("dashboard")))[job.title]

    assert row.new_this_week == 1


def test_it_shows_the_counts_on_the_page(client: Any, rita: Any, job: Any) -> None:
    make_application(job)
    client.force_login(rita)

    html = client.get(reverse("dashboard")).content.decode()

    assert job.title in html
    assert reverse("board", args=[job.pk]) in html
    assert reverse("job_edit", args=[job.pk]) in html
    assert "Applied <strong>1</strong>" in html


def test_it_shows_published_jobs_and_drafts_by_default(client: Any, rita: Any, org: Any) -> None:
    published = make_job(recruiter=rita)
    draft = make_job(recruiter=rita, publish=False)
    closed = make_job(recruiter=rita)
    close_job(closed)
    client.force_login(rita)

    titles = rows_by_title(client.get(reverse("dashboard")))

    assert published.title in titles
    assert draft.title in titles
    assert closed.title not in titles


@pytest.mark.parametrize(
    ("status", "expected"),
    [("draft", {"draft"}), ("published", {"published"}), ("closed", {"closed"})],
)
def test_it_filters_by_status(
    client: Any, rita: Any, org: Any, status: str, expected: set[str]
) -> None:
    make_job(recruiter=rita)
    make_job(recruiter=rita, publish=False)
    close_job(make_job(recruiter=rita))
    client.force_login(rita)

    response = client.get(reverse("dashboard"), {"status": status})

    assert {row.job.status for row in response.context["rows"]} == expected


def test_it_ignores_an_unknown_status_filter(client: Any, rita: Any, job: Any) -> None:
    client.force_login(rita)

    response = client.get(reverse("dashboard"), {"status": "'; DROP TABLE jobs_job; --"})

    assert response.status_code == 200
    assert response.context["status"] == "open"
    assert job.title in rows_by_title(response)


def test_it_shows_hiring_managers_only_their_jobs(
    client: Any, hanna: Any, job: Any, other_job: Any
) -> None:
    client.force_login(hanna)

    response = client.get(reverse("dashboard"))

    assert set(rows_by_title(response)) == {job.title}
    assert reverse("job_edit", args=[job.pk]) not in response.content.decode()


def test_it_shows_an_empty_state_to_staff_on_no_team(client: Any, ivan: Any, job: Any) -> None:
    client.force_login(ivan)

    response = client.get(reverse("dashboard"))

    assert response.status_code == 200
    assert response.context["rows"] == []
    assert "when a recruiter adds you to its hiring team" in response.content.decode()


def test_it_invites_a_recruiter_to_create_the_first_job(client: Any, rita: Any, org: Any) -> None:
    client.force_login(rita)

    html = client.get(reverse("dashboard")).content.decode()

    assert "No jobs yet" in html
    assert reverse("job_create") in html


def test_it_paginates(client: Any, rita: Any, org: Any) -> None:
    for _ in range(JOBS_PER_PAGE + 2):
        make_job(recruiter=rita, publish=False)
    client.force_login(rita)

    first = client.get(reverse("dashboard"))
    second = client.get(reverse("dashboard"), {"page": 2})

    assert len(first.context["rows"]) == JOBS_PER_PAGE
    assert len(second.context["rows"]) == 2
    assert "page=2" in first.content.decode()


def test_it_uses_the_same_number_of_queries_however_much_data(
    client: Any, rita: Any, org: Any, django_assert_num_queries: Any
) -> None:
    def fill(jobs: list[Any], applications: int) -> None:
        for job in jobs:
            for _ in range(applications - job.applications.count()):
                make_application(job)

    # The clock stands still: filling takes long enough on a busy machine for
    # the session's last-seen time to be rewritten, three queries more.
    with time_machine.travel(timezone.now(), tick=False):
        client.force_login(rita)
        jobs = [make_job(recruiter=rita) for _ in range(2)]
        fill(jobs, 3)
        client.get(reverse("dashboard"))  # fill the organisation cache first
        with CaptureQueriesContext(connection) as small:
            client.get(reverse("dashboard"))

        jobs += [make_job(recruiter=rita, publish=n % 2 == 0) for n in range(10)]
        fill(jobs, 20)
        with django_assert_num_queries(len(small.captured_queries)):
            response = client.get(reverse("dashboard"))
    assert len(response.context["rows"]) == 12
    assert {row.active for row in response.context["rows"]} == {20}
