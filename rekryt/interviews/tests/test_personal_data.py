"""Scorecards and interview notes are the candidate's personal data: in
their export, erased with them, and removed when their application is
anonymised under retention."""

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import make_application
from rekryt.applications.anonymise import anonymise_application
from rekryt.interviews import scheduling
from rekryt.interviews.actions import save_scorecard
from rekryt.interviews.models import AttributeRating, CalendarPart, Interview, Reminder, Scorecard
from rekryt.interviews.tests.helpers import plan
from rekryt.privacy.erasure import erase_candidate
from rekryt.privacy.export import collect

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(job, rita, ivan):
    job.team.add(ivan)
    step = plan(job)
    application = make_application(job)
    interview = scheduling.book_directly(
        application, step, timezone.now() + timedelta(days=1), [ivan], rita
    )
    focus = step.focus.first()
    save_scorecard(
        interview, ivan, {focus.pk: (3, "NOTE-ON-ATTR")}, "yes", "NOTES-MARKER", submit=True
    )
    return interview


def test_the_export_holds_interviews_and_scorecards(scored):
    data = collect(scored.application.candidate)
    assert data["interviews"][0]["status"] == "booked"
    card = data["scorecards"][0]
    assert card["notes"] == "NOTES-MARKER" and card["recommendation"] == "yes"
    assert card["ratings"][0]["note"] == "NOTE-ON-ATTR"


def test_erasure_removes_them(scored):
    erase_candidate(scored.application.candidate, reason="test")
    assert not Interview.objects.exists() and not Scorecard.objects.exists()
    assert not AttributeRating.objects.exists() and not Reminder.objects.exists()
    assert not CalendarPart.objects.exists()


def test_anonymising_the_application_removes_them(scored):
    anonymise_application(scored.application)
    assert not Scorecard.objects.exists() and not Interview.objects.exists()
