"""The staff retention page: the preview of the next week, holds in force and
the last runs, with a constant number of queries however much is due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import make_application
from rekryt.applications.models import Application, Outcome
from rekryt.candidates.models import Candidate
from rekryt.lib.months import add_months
from rekryt.privacy.models import LegalHold, RetentionRun
from rekryt.privacy.retention import PREVIEW_DAYS

pytestmark = pytest.mark.django_db


def make_due(job, in_days: int) -> Application:
    application = make_application(job)
    ended = add_months(timezone.now() + timedelta(days=in_days - 7), -24)
    Application.objects.filter(pk=application.pk).update(outcome=Outcome.REJECTED, ended_at=ended)
    Candidate.objects.filter(pk=application.candidate_id).update(created_at=ended)
    return application


def test_the_page_previews_the_next_week(client, rita, job):
    soon, later = make_due(job, 3), make_due(job, 12)
    RetentionRun.objects.create(day=timezone.localdate(), counts={"anonymise_applications": 4})
    client.force_login(rita)
    page = client.get("/staff/privacy/retention/").content.decode()
    assert soon.candidate.full_name in page
    assert later.candidate.full_name not in page
    assert "Anonymise applications that did not lead to a hire (1)" in page
    assert "Erase candidates with no application and no consent left (1)" in page
    assert "anonymise_applications: 4" in page
    assert "Only admins can change these settings." in page


def test_a_held_job_leaves_the_preview_and_shows_among_holds(client, alice, job):
    due = make_due(job, 1)
    LegalHold.objects.create(job=job, reason="Appeal 7", created_by=alice)
    client.force_login(alice)
    page = client.get("/staff/privacy/retention/").content.decode()
    assert due.candidate.full_name not in page
    assert "Appeal 7" in page


def test_the_preview_has_a_constant_number_of_queries(client, alice, job):
    client.force_login(alice)
    make_due(job, 2)
    client.get("/staff/privacy/retention/")
    with CaptureQueriesContext(connection) as few:
        client.get("/staff/privacy/retention/")
    for days in (1, 3, 4, 5):
        make_due(job, days)
    with CaptureQueriesContext(connection) as many:
        page = client.get("/staff/privacy/retention/").content.decode()
    assert "(5)" in page
    assert len(many) == len(few)


@pytest.mark.parametrize(("minutes", "listed"), [(-1, True), (1, False)])
def test_the_preview_reaches_exactly_a_week_ahead(client, rita, job, minutes, listed):
    now = datetime(2026, 6, 10, 12, 0, tzinfo=UTC)  # no month end within reach
    with time_machine.travel(now, tick=False):
        application = make_application(job)
        # Due (24 months + 7 days grace after the decision) a week from now, ± a minute.
        due = now + timedelta(days=PREVIEW_DAYS, minutes=minutes)
        ended = add_months(due - timedelta(days=7), -24)
        Application.objects.filter(pk=application.pk).update(
            outcome=Outcome.REJECTED, ended_at=ended
        )
        client.force_login(rita)
        page = client.get("/staff/privacy/retention/").content.decode()
    assert (application.candidate.full_name in page) is listed
