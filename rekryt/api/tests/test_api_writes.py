"""The API's writes go through the UI's actions: the same events, emails
with the organisation's delay (and undo), and blind review holds."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import make_application
from rekryt.api.tests.helpers import assert_problem, get, ids, post, token_for
from rekryt.applications.models import Application, EventKind, RejectionReason
from rekryt.candidates.models import Candidate, Tag
from rekryt.jobs.actions import close_job
from rekryt.messaging.models import Message, MessageStatus
from rekryt.privacy.notice import current_notice
from rekryt.screening.actions import set_blind_review

pytestmark = pytest.mark.django_db


def test_adding_a_candidate_makes_the_application_the_form_would(client, rita, job):
    body = {"job_id": job.pk, "first_name": "Sara", "last_name": "Ek", "email": "Sara@Example.net"}
    response = post(client, "/api/v1/applications", token_for(rita), body)
    assert response.status_code == 201
    application = Application.objects.get(pk=response.json()["id"])
    assert application.stage == job.first_stage() and application.source == "api"
    assert application.notice == current_notice()  # what the data is kept under
    assert application.events.filter(kind=EventKind.CREATED).exists()
    assert Message.objects.filter(application=application, kind="application_received").exists()
    assert Candidate.objects.get().email_normalised == "sara@example.net"


def test_an_address_that_applied_already_is_a_409_and_changes_nothing(client, rita, job):
    existing = make_application(job, email="known@example.net", first_name="Known")
    body = {"job_id": job.pk, "first_name": "Impostor", "email": "KNOWN@example.net"}
    response = post(client, "/api/v1/applications", token_for(rita), body)
    assert_problem(response, 409)
    assert response["Location"] == f"/api/v1/applications/{existing.pk}"
    assert Candidate.objects.get().first_name == "Known"


def test_an_existing_candidates_details_are_not_overwritten(client, rita, job, other_job):
    make_application(other_job, email="p@example.net", first_name="Real")
    body = {"job_id": job.pk, "first_name": "Typed", "email": "p@example.net"}
    response = post(client, "/api/v1/applications", token_for(rita), body)
    assert response.status_code == 201 and response.json()["first_name"] == "Typed"
    assert Candidate.objects.get().first_name == "Real"


def test_a_closed_job_takes_no_candidates(client, rita, job):
    close_job(job, actor=rita)
    body = {"job_id": job.pk, "first_name": "Sara", "email": "sara@example.net"}
    assert_problem(post(client, "/api/v1/applications", token_for(rita), body), 422)
    assert not Application.objects.exists()


def test_a_bad_address_is_refused(client, rita, job):
    body = {"job_id": job.pk, "first_name": "Sara", "email": "not an address"}
    assert_problem(post(client, "/api/v1/applications", token_for(rita), body), 422)


def test_moving_records_the_event_and_delays_the_stage_email(client, hanna, job):
    application = make_application(job)
    interview = job.stages.get(kind="interview")
    response = post(
        client,
        f"/api/v1/applications/{application.pk}/move",
        token_for(hanna),
        {"stage_id": interview.pk},
    )
    assert response.status_code == 200 and response.json()["stage_id"] == interview.pk
    moved = application.events.get(kind=EventKind.STAGE_MOVED)
    assert moved.actor == hanna
    email = Message.objects.get(application=application, kind="interview_invitation")
    assert email.status == MessageStatus.SCHEDULED and email.send_after > timezone.now()


def test_a_stage_of_another_job_is_refused(client, hanna, job, other_job):
    application = make_application(job)
    stage = other_job.stages.last()
    url = f"/api/v1/applications/{application.pk}/move"
    assert_problem(post(client, url, token_for(hanna), {"stage_id": stage.pk}), 422)
    assert Application.objects.get(pk=application.pk).stage_id == application.stage_id


def test_rejecting_queues_the_email_after_the_organisations_delay(client, org, rita, job):
    application = make_application(job)
    reason = RejectionReason.objects.filter(kind="declined").first()
    response = post(
        client,
        f"/api/v1/applications/{application.pk}/outcome",
        token_for(rita),
        {"outcome": "rejected", "reason_id": reason.pk, "personal_note": "Thank you."},
    )
    assert response.status_code == 200 and response.json()["outcome"] == "rejected"
    email = Message.objects.get(idempotency_key__startswith=f"reject:{application.pk}:")
    delay = timedelta(hours=org.rejection_delay_hours)
    assert email.send_after > timezone.now() + delay - timedelta(minutes=1)
    assert email.status == MessageStatus.SCHEDULED
    again = post(
        client,
        f"/api/v1/applications/{application.pk}/outcome",
        token_for(rita),
        {"outcome": "hired"},
    )
    assert_problem(again, 409)


def test_a_rejection_needs_a_reason_of_its_kind(client, rita, job):
    application = make_application(job)
    withdrew = RejectionReason.objects.filter(kind="withdrew").first()
    url = f"/api/v1/applications/{application.pk}/outcome"
    raw = token_for(rita)
    assert_problem(post(client, url, raw, {"outcome": "rejected"}), 422)
    assert_problem(post(client, url, raw, {"outcome": "rejected", "reason_id": withdrew.pk}), 422)
    assert (
        post(client, url, raw, {"outcome": "withdrawn", "reason_id": withdrew.pk}).json()["outcome"]
        == "withdrawn"
    )


def test_hiring_sets_the_outcome(client, hanna, job):
    application = make_application(job)
    url = f"/api/v1/applications/{application.pk}/outcome"
    assert post(client, url, token_for(hanna), {"outcome": "hired"}).json()["outcome"] == "hired"
    assert application.events.get(kind=EventKind.OUTCOME_SET).data["outcome"] == "hired"


def test_a_note_is_added_with_its_event(client, hanna, job):
    application = make_application(job)
    url = f"/api/v1/applications/{application.pk}/notes"
    response = post(client, url, token_for(hanna), {"body": "Great call"})
    assert response.status_code == 201 and response.json()["author_id"] == hanna.pk
    assert application.events.filter(kind=EventKind.NOTE_ADDED, actor=hanna).exists()
    assert_problem(post(client, url, token_for(hanna), {"body": "   "}), 422)


def test_tags_are_added_and_removed_on_the_candidate(client, hanna, job):
    application = make_application(job)
    raw = token_for(hanna)
    url = f"/api/v1/applications/{application.pk}/tags"
    tag = post(client, url, raw, {"name": "  Java  "}).json()
    assert tag["name"] == "Java"
    assert post(client, url, raw, {"name": "java"}).json()["id"] == tag["id"]
    assert list(application.candidate.tags.values_list("name", flat=True)) == ["Java"]
    response = client.delete(f"{url}/{tag['id']}", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 204
    assert not application.candidate.tags.exists() and Tag.objects.filter(pk=tag["id"]).exists()


def test_blind_review_holds_in_the_api(client, rita, hanna, job):
    set_blind_review(job, job.stages.get(kind="interview"))
    application = make_application(job, first_name="Hemlig", email="hemlig@example.net")
    post(
        client,
        f"/api/v1/applications/{application.pk}/notes",
        token_for(rita),
        {"body": "Hemlig is sharp"},
    )
    for user in (rita, hanna):
        raw = token_for(user)
        shown = get(client, f"/api/v1/applications/{application.pk}", raw).json()
        assert shown["blind"] and shown["email"] is None and shown["candidate_id"] is None
        assert "Hemlig" not in shown["name"]
        listed = get(client, "/api/v1/applications", raw).content.decode()
        assert "hemlig" not in listed.lower()
        assert application.candidate_id not in ids(get(client, "/api/v1/candidates", raw))
        assert_problem(get(client, f"/api/v1/candidates/{application.candidate_id}", raw), 404)
        for url in ("/api/v1/notes", "/api/v1/messages", "/api/v1/events"):
            assert "hemlig" not in get(client, url, raw).content.decode().lower(), url
