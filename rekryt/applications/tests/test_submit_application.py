"""submit_application: what a submission becomes, and what it never changes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_application, make_job
from rekryt.applications.actions import Submission
from rekryt.applications.apply_forms import HONEYPOT, new_submission_key
from rekryt.applications.models import Application, EventKind, Resubmission, ResubmissionStatus
from rekryt.applications.submissions import submit_application
from rekryt.candidates.models import Candidate
from rekryt.messaging.models import Message
from rekryt.privacy.models import Consent
from rekryt.privacy.notice import current_notice

pytestmark = pytest.mark.django_db


def test_a_repeated_application_renames_no_one_and_is_kept_beside_it(job):
    first = make_application(job, first_name="Sara", last_name="Berg", email="sara@example.org")
    again = submit_application(
        job,
        Submission(first_name="Mallory", last_name="X", email="SARA@example.org", about="new text"),
    )
    assert (again.application, again.created) == (first, False)
    candidate = Candidate.objects.get(email_normalised="sara@example.org")
    assert candidate.full_name == "Sara Berg"
    first.refresh_from_db()
    assert (first.full_name, first.about) == ("Sara Berg", "I like building things.")
    kept = Resubmission.objects.get()
    assert (kept.full_name, kept.about, kept.status) == (
        "Mallory X",
        "new text",
        ResubmissionStatus.PENDING,
    )
    assert first.events.filter(kind=EventKind.RESUBMITTED).count() == 1


def test_the_address_is_told_about_a_repeated_application(job):
    make_application(job, first_name="Sara", email="sara@example.org")
    submit_application(
        job, Submission(first_name="Mallory", last_name="X", email="sara@example.org")
    )
    told = Message.objects.get(kind="application_repeated")
    assert told.to_email == "sara@example.org"
    assert "Sara" in told.body_text and "Mallory" not in told.body_text
    assert "/portal/t/" in told.body_text


def test_an_application_to_another_job_keeps_its_own_details(job, rita):
    make_application(
        job, first_name="Sara", last_name="Berg", email="sara@example.org", phone="0701"
    )
    other = make_job(recruiter=rita, title="Another job")
    second = make_application(
        other,
        first_name="Mallory",
        last_name="Lund",
        email="Sara@Example.org",
        phone="0999",
        link="https://evil.example",
    )
    candidate = Candidate.objects.get()
    assert (candidate.full_name, candidate.phone, candidate.link) == ("Sara Berg", "0701", "")
    assert candidate.applications.count() == 2
    assert (second.full_name, second.phone, second.link) == (
        "Mallory Lund",
        "0999",
        "https://evil.example",
    )
    differs = [d.field for d in second.differing_details()]
    assert differs == ["first_name", "last_name", "phone", "link"]


def test_the_first_application_of_an_address_sets_the_candidates_details(job):
    application = make_application(job, first_name="Sara", last_name="Berg", phone="0701")
    candidate = application.candidate
    assert (candidate.full_name, candidate.phone) == ("Sara Berg", "0701")
    assert candidate.details_confirmed_at is None
    assert application.differing_details() == []


def test_leaving_out_an_optional_detail_is_no_difference(job, rita):
    make_application(job, first_name="Sara", last_name="Berg", email="s@example.org", phone="07")
    second = make_application(
        make_job(recruiter=rita), first_name="sara", last_name="Berg", email="S@example.org"
    )
    # A missing phone is not a different one; case in a name is.
    assert [d.field for d in second.differing_details()] == ["first_name"]


def test_the_address_hears_of_forms_sent_again_once_a_day(job):
    import time_machine
    from django.utils import timezone

    make_application(job, email="sara@example.org")
    again = Submission(first_name="M", last_name="X", email="sara@example.org")
    for _n in range(3):
        submit_application(job, again)
    assert Resubmission.objects.count() == 3
    assert Message.objects.filter(kind="application_repeated").count() == 1
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        submit_application(job, again)
    assert Message.objects.filter(kind="application_repeated").count() == 2


def test_a_double_submit_that_raced_past_the_key_check_is_the_same_application(job):
    """The form's view checks the key before submitting (`key_checked`); a
    second post of the same form that got past that check before the first
    committed finds the first application with its own key: no resubmission,
    no "you applied again" email."""
    sent = Submission(
        first_name="Sara", last_name="Berg", email="sara@example.org", submission_key="k" * 32
    )
    first = submit_application(job, sent)
    sent.key_checked = True
    again = submit_application(job, sent)
    assert first.created and not again.created and not again.resubmitted
    assert again.application == first.application
    assert not Resubmission.objects.exists()
    assert not Message.objects.filter(kind="application_repeated").exists()
    # A different form from the same address is a repeated application.
    other = Submission(
        first_name="Sara", last_name="Berg", email="sara@example.org", submission_key="m" * 32
    )
    other.key_checked = True
    assert submit_application(job, other).resubmitted


@pytest.mark.django_db(transaction=True)
def test_the_form_keeps_the_shown_notice_and_the_consent_in_one_commit(client, job):
    data = {
        "first_name": "Sara",
        "last_name": "Berg",
        "email": "sara@example.org",
        "about": "I drive trucks.",
        "consent": "on",
        "future_contact": "on",
        HONEYPOT: "",
        "submission_key": new_submission_key(),
        "notice_version": current_notice().version,
    }
    with CaptureQueriesContext(connection) as queries:
        assert client.post(reverse("apply", args=[job.slug]), data).status_code == 302
    application = Application.objects.get()
    assert application.notice == current_notice()
    assert Consent.objects.filter(candidate=application.candidate, given=True).count() == 1
    if connection.vendor == "sqlite":
        # rekryt.lib.sqlite opens each write transaction as SQL: one for the
        # application, its notice and the consent (the notice was a second).
        opened = [q for q in queries.captured_queries if q["sql"].startswith("BEGIN IMMEDIATE")]
        assert len(opened) == 1
