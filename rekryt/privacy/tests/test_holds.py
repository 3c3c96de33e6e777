"""Legal holds: placed with a reason and released by admins and recruiters,
audited, listed, and seen by the helpers every retention rule uses."""

from __future__ import annotations

import pytest

from conftest import make_application
from rekryt.audit.models import Action, AuditEntry
from rekryt.privacy.holds import held_candidate_ids, held_job_ids, is_held
from rekryt.privacy.models import LegalHold

pytestmark = pytest.mark.django_db


def test_a_recruiter_places_and_releases_a_hold_on_a_candidate(client, rita, application):
    client.force_login(rita)
    candidate = application.candidate
    url = f"/staff/privacy/holds/candidate/{candidate.pk}/"
    response = client.post(url, {"reason": "  Discrimination claim, case 12  "})
    assert response.status_code == 302
    hold = LegalHold.objects.get()
    assert (hold.candidate, hold.reason, hold.created_by) == (
        candidate,
        "Discrimination claim, case 12",
        rita,
    )
    assert held_candidate_ids() == {candidate.pk} and is_held(candidate)
    page = client.get("/staff/privacy/holds/").content.decode()
    assert "Discrimination claim, case 12" in page and candidate.full_name in page

    response = client.post(f"/staff/privacy/holds/{hold.pk}/release/")
    assert response.status_code == 302
    hold.refresh_from_db()
    assert hold.released_at is not None and hold.released_by == rita
    assert not is_held(candidate)
    entries = AuditEntry.objects.filter(action=Action.EDIT, detail__startswith="legal_hold")
    assert sorted(entries.values_list("detail", "params")) == [
        ("legal_hold_placed", {"hold": hold.pk}),
        ("legal_hold_released", {"hold": hold.pk}),
    ]
    # Releasing twice changes nothing.
    client.post(f"/staff/privacy/holds/{hold.pk}/release/")
    assert entries.count() == 2


def test_a_reason_is_required(client, alice, application):
    client.force_login(alice)
    response = client.post(
        f"/staff/privacy/holds/candidate/{application.candidate_id}/", {"reason": "  "}
    )
    assert response.status_code == 400
    assert "Write why the data must be kept." in response.content.decode()
    assert not LegalHold.objects.exists()


def test_a_hold_on_a_job_covers_its_candidates(client, alice, job, other_job):
    mine, elsewhere = make_application(job), make_application(other_job)
    client.force_login(alice)
    url = f"/staff/privacy/holds/job/{job.pk}/"
    assert job.title in client.get(url).content.decode()
    client.post(url, {"reason": "Appeal"})
    assert held_job_ids() == {job.pk} and held_candidate_ids() == set()
    assert is_held(mine.candidate) and not is_held(elsewhere.candidate)
    entry = AuditEntry.objects.get(action=Action.EDIT, detail="legal_hold_placed")
    assert (entry.target_type, entry.target_id) == ("jobs.job", str(job.pk))


def test_the_release_returns_to_a_safe_next_address_only(client, rita, application):
    client.force_login(rita)
    hold = LegalHold.objects.create(candidate=application.candidate, reason="x", created_by=rita)
    response = client.post(
        f"/staff/privacy/holds/{hold.pk}/release/", {"next": "https://evil.example/"}
    )
    assert response["Location"] == "/staff/privacy/holds/"


@pytest.mark.parametrize("who", ["hanna", "ivan"])
def test_other_staff_get_404(client, who, request, application, job):
    client.force_login(request.getfixturevalue(who))
    hold = LegalHold.objects.create(job=job, reason="x")
    assert client.get("/staff/privacy/holds/").status_code == 404
    assert (
        client.post(
            f"/staff/privacy/holds/candidate/{application.candidate_id}/", {"reason": "r"}
        ).status_code
        == 404
    )
    assert client.post(f"/staff/privacy/holds/job/{job.pk}/", {"reason": "r"}).status_code == 404
    assert client.post(f"/staff/privacy/holds/{hold.pk}/release/").status_code == 404
    assert LegalHold.objects.active().count() == 1


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get("/staff/privacy/holds/").status_code == 302


def test_the_holds_list_has_a_constant_number_of_queries(client, rita, job):
    client.force_login(rita)
    client.get("/staff/privacy/holds/")
    for n in range(2):
        LegalHold.objects.create(
            candidate=make_application(job).candidate, reason=f"r{n}", created_by=rita
        )
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/staff/privacy/holds/")
    for n in range(4):
        hold = LegalHold.objects.create(job=job, reason=f"j{n}", created_by=rita)
        hold.released_by = rita
        hold.save()
    with CaptureQueriesContext(connection) as many:
        client.get("/staff/privacy/holds/")
    assert len(many) == len(few)


def test_the_job_page_links_to_a_hold_for_recruiters_only(client, rita, hanna, job):
    client.force_login(rita)
    assert (
        f"/staff/privacy/holds/job/{job.pk}/"
        in client.get(f"/staff/jobs/{job.pk}/edit/").content.decode()
    )
    client.force_login(hanna)
    response = client.get(f"/staff/jobs/{job.pk}/edit/")
    assert f"/staff/privacy/holds/job/{job.pk}/" not in response.content.decode()


@pytest.mark.parametrize("target", ["99999999999999999999", "privacy_holds", "//evil.example/"])
def test_a_next_address_that_is_not_a_path_falls_back_to_the_list(
    client, rita, application, target
):
    client.force_login(rita)
    hold = LegalHold.objects.create(candidate=application.candidate, reason="x", created_by=rita)
    response = client.post(f"/staff/privacy/holds/{hold.pk}/release/", {"next": target})
    assert response.status_code == 302
    assert response["Location"] == "/staff/privacy/holds/"


def test_a_next_path_on_this_site_is_followed(client, rita, application):
    client.force_login(rita)
    hold = LegalHold.objects.create(candidate=application.candidate, reason="x", created_by=rita)
    target = f"/staff/candidates/{application.candidate_id}/"
    response = client.post(f"/staff/privacy/holds/{hold.pk}/release/", {"next": target})
    assert response["Location"] == target
