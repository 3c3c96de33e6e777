"""Closing a job offers to reject every remaining applicant: no one is forgotten."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import make_application
from rekryt.applications.actions import set_outcome
from rekryt.applications.models import Application, Outcome, RejectionReason
from rekryt.jobs.models import JobStatus
from rekryt.messaging.models import Message, MessageStatus
from rekryt.ops.duties import run_until_idle


@pytest.fixture(autouse=True)
def english(client, settings):
    settings.LANGUAGE_CODE = "en"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def filled(db):
    return RejectionReason.objects.get(name_en="The position has been filled")


def confirm_url(job):
    return reverse("job_close_confirm", args=[job.pk])


def test_closing_with_active_applicants_goes_to_the_confirmation(client, rita, job):
    make_application(job)
    client.force_login(rita)
    response = client.post(reverse("job_close", args=[job.pk]))
    assert response["Location"] == confirm_url(job)
    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED


def test_the_confirmation_lists_the_count(client, rita, job, filled):
    for _ in range(3):
        make_application(job)
    client.force_login(rita)
    page = client.get(confirm_url(job)).content.decode()
    assert "3 applicants are still active." in page
    assert f'<option value="{filled.pk}" selected>' in page


def test_closing_a_job_with_300_active_applicants_leaves_none_without_a_final_message(
    client, rita, job, filled
):
    applications = [make_application(job) for _ in range(300)]
    set_outcome(applications[0], Outcome.HIRED, rita)
    client.force_login(rita)
    response = client.post(confirm_url(job), {"remaining": "reject", "reason": filled.pk})
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == JobStatus.CLOSED
    run_until_idle()
    ended = Application.objects.filter(job=job)
    assert not ended.filter(outcome=Outcome.ACTIVE).exists()
    rejected = ended.filter(outcome=Outcome.REJECTED)
    assert rejected.count() == 299
    final = Message.objects.filter(
        application__in=rejected,
        kind="position_filled",
        status__in=[MessageStatus.SCHEDULED, MessageStatus.SENT],
    )
    assert final.values("application").distinct().count() == 299


def test_it_can_close_and_keep_the_applicants_active(client, rita, job):
    application = make_application(job)
    client.force_login(rita)
    client.post(confirm_url(job), {"remaining": "keep"})
    job.refresh_from_db()
    application.refresh_from_db()
    assert job.status == JobStatus.CLOSED
    assert application.is_active


def test_it_needs_a_reason_to_reject_the_remaining(client, rita, job):
    make_application(job)
    client.force_login(rita)
    response = client.post(confirm_url(job), {"remaining": "reject", "reason": ""})
    assert response.status_code == 400
    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED


def test_hiring_managers_and_outsiders_get_404(client, hanna, ivan, job):
    for persona in (hanna, ivan):
        client.force_login(persona)
        assert client.get(confirm_url(job)).status_code == 404


def test_anonymous_users_go_to_login(client, job):
    response = client.get(confirm_url(job))
    assert response.status_code == 302 and "login" in response["Location"]
