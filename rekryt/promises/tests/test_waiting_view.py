"""The waiting-candidates page: who is close to or past the promise."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_application, make_job
from rekryt.applications.models import record
from rekryt.messaging.models import TemplateKind
from rekryt.promises.tests.conftest import contact

STOCKHOLM = ZoneInfo("Europe/Stockholm")
WAITING = "/staff/waiting/"
FIGURES = "/staff/waiting/figures/"
NOW = datetime(2026, 11, 24, 10, tzinfo=STOCKHOLM)


def applied(job, day: datetime, **fields):
    with time_machine.travel(day, tick=False):
        return make_application(job, **fields)


def shown(response):
    return [application.pk for _item, application in response.context["rows"]]


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(NOW, tick=False):
        yield


def test_the_url_names_resolve():
    assert reverse("waiting") == WAITING
    assert reverse("waiting_figures") == FIGURES


@pytest.mark.parametrize("url", [WAITING, FIGURES])
def test_anonymous_visitors_are_sent_to_login(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("url", [WAITING, FIGURES])
def test_an_interviewer_gets_404(client, ivan, job, url):
    applied(job, datetime(2026, 11, 2, tzinfo=STOCKHOLM))
    client.force_login(ivan)
    assert client.get(url).status_code == 404


def test_a_hiring_manager_sees_only_their_teams_jobs(client, otto, hanna, rita, job, other_job):
    mine = applied(other_job, datetime(2026, 11, 2, tzinfo=STOCKHOLM))
    theirs = applied(job, datetime(2026, 11, 2, tzinfo=STOCKHOLM))
    client.force_login(otto)
    response = client.get(WAITING)
    assert shown(response) == [mine.pk]
    assert job.title not in response.content.decode()
    # Asking for a job they cannot see is ignored, not obeyed.
    assert shown(client.get(WAITING, {"job": job.pk})) == [mine.pk]
    client.force_login(hanna)
    assert shown(client.get(WAITING)) == [theirs.pk]
    client.force_login(rita)
    assert sorted(shown(client.get(WAITING))) == sorted([mine.pk, theirs.pk])


def test_it_lists_only_soon_or_overdue_most_overdue_first(client, rita, job):
    fresh = applied(job, datetime(2026, 11, 23, 9, tzinfo=STOCKHOLM))  # due 30 Nov: ok
    soon = applied(job, datetime(2026, 11, 19, 9, tzinfo=STOCKHOLM))  # due 26 Nov
    late = applied(job, datetime(2026, 11, 10, 9, tzinfo=STOCKHOLM))  # due 17 Nov
    later = applied(job, datetime(2026, 11, 3, 9, tzinfo=STOCKHOLM))  # due 10 Nov
    client.force_login(rita)
    response = client.get(WAITING)
    assert shown(response) == [later.pk, late.pk, soon.pk]
    assert fresh.pk not in shown(response)
    page = response.content.decode()
    assert reverse("application_detail", args=[later.pk]) in page
    assert "14 days overdue" in page
    assert "2 days left" in page
    assert shown(client.get(WAITING, {"state": "soon"})) == [soon.pk]
    assert shown(client.get(WAITING, {"state": "overdue"})) == [later.pk, late.pk]


def test_a_personal_reply_takes_an_application_off_the_list(client, rita, job):
    answered = applied(job, datetime(2026, 11, 10, 9, tzinfo=STOCKHOLM))
    contact(answered, TemplateKind.INTERVIEW_INVITATION, datetime(2026, 11, 20, tzinfo=STOCKHOLM))
    receipt_only = applied(job, datetime(2026, 11, 10, 9, tzinfo=STOCKHOLM))
    contact(
        receipt_only, TemplateKind.APPLICATION_RECEIVED, datetime(2026, 11, 10, tzinfo=STOCKHOLM)
    )
    client.force_login(rita)
    assert shown(client.get(WAITING)) == [receipt_only.pk]


def test_it_filters_per_job_and_per_recruiter(client, alice, rita, job):
    other = make_job(recruiter=alice, title="Warehouse")
    on_job = applied(job, datetime(2026, 11, 3, tzinfo=STOCKHOLM))
    on_other = applied(other, datetime(2026, 11, 3, tzinfo=STOCKHOLM))
    client.force_login(alice)
    assert shown(client.get(WAITING, {"job": other.pk})) == [on_other.pk]
    assert shown(client.get(WAITING, {"recruiter": rita.pk})) == [on_job.pk]
    assert len(shown(client.get(WAITING, {"recruiter": "nonsense", "state": "x"}))) == 2
    summary = {row["pk"]: row["overdue"] for row in client.get(WAITING).context["jobs"]}
    assert summary == {job.pk: 1, other.pk: 1}


def test_it_tracks_a_promised_date(client, rita, job):
    application = applied(job, datetime(2026, 10, 1, tzinfo=STOCKHOLM))
    contact(application, TemplateKind.INTERVIEW_INVITATION, datetime(2026, 10, 2, tzinfo=STOCKHOLM))
    with time_machine.travel(datetime(2026, 10, 30, tzinfo=STOCKHOLM), tick=False):
        record(application, "promise_set", hear_by="2026-11-25")
    contact(application, TemplateKind.STATUS_UPDATE, datetime(2026, 10, 30, tzinfo=STOCKHOLM))
    client.force_login(rita)
    ((item, _application),) = client.get(WAITING).context["rows"]
    assert (item.standing.reason, item.standing.days_left) == ("promise", 1)


def test_it_uses_a_constant_number_of_queries(
    client, rita, job, other_job, django_assert_num_queries
):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(WAITING).status_code == 200
        return len(queries)

    client.force_login(rita)
    applied(job, datetime(2026, 11, 3, tzinfo=STOCKHOLM))
    client.get(WAITING)  # warm the organisation cache
    few = count()
    for n in range(6):
        application = applied(
            other_job if n % 2 else job, datetime(2026, 11, 3 + n, tzinfo=STOCKHOLM)
        )
        contact(application, TemplateKind.APPLICATION_RECEIVED, application.created_at)
        record(application, "promise_set", hear_by="2026-11-20")
    assert len(shown(client.get(WAITING))) == 7
    with django_assert_num_queries(few):
        client.get(WAITING)


def test_the_figures_page_uses_a_constant_number_of_queries(
    client, rita, job, django_assert_num_queries
):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(FIGURES).status_code == 200
        return len(queries)

    client.force_login(rita)
    applied(job, datetime(2026, 11, 3, tzinfo=STOCKHOLM))
    client.get(FIGURES)
    few = count()
    for n in range(5):
        application = applied(job, datetime(2026, 11, 3 + n, tzinfo=STOCKHOLM))
        contact(application, TemplateKind.APPLICATION_RECEIVED, application.created_at)
    with django_assert_num_queries(few):
        client.get(FIGURES)


def test_the_figures_page_shows_the_measures_and_their_definitions(client, hanna, job, other_job):
    applied(job, datetime(2026, 11, 2, tzinfo=STOCKHOLM))
    applied(other_job, datetime(2026, 11, 2, tzinfo=STOCKHOLM))
    client.force_login(hanna)
    response = client.get(FIGURES)
    assert response.context["figures"].applications == 1  # only her team's job
    page = response.content.decode()
    assert "Applications that got a receipt" in page
    assert "How these are measured" in page
    assert "nearest-rank" in page


def test_an_empty_list_says_so(client, hanna, job):
    client.force_login(hanna)
    response = client.get(WAITING)
    assert "Nobody is waiting longer than we promised" in response.content.decode()
