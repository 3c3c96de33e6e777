"""An imported JSON Resume is found by candidate search: its summary, work,
education and skills, for those who see every candidate (an admin, a
recruiter), never for a hiring manager who may not see the person; the
profile goes with the import (a failed import leaves none) and with the
person (erasure)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import make_application
from rekryt.candidates.models import Candidate
from rekryt.imports import actions, duties
from rekryt.imports.models import ImportJob, ProfileEntry, Status
from rekryt.privacy.erasure import erase_candidate

pytestmark = pytest.mark.django_db

RESUME = {
    "basics": {
        "name": "Karin Lund",
        "email": "karin@example.com",
        "label": "Systemutvecklare",
        "summary": "Bygger betalsystem med låg latens.",
    },
    "work": [
        {
            "name": "Acme AB",
            "position": "Developer",
            "summary": "Ansvarade för kortinlösen.",
            "highlights": ["Flyttade driften till Nomad"],
        }
    ],
    "education": [{"institution": "Chalmers", "area": "Datateknik", "studyType": "Civilingenjör"}],
    "skills": [{"name": "Erlang", "keywords": ["Zanzibar-modellen", "OTP"]}],
}


@pytest.fixture
def imported(client: Any, rita: Any, org: Any, settings: Any, tmp_path: Any) -> Candidate:
    settings.MEDIA_ROOT = tmp_path
    client.force_login(rita)
    upload = SimpleUploadedFile("karin.json", json.dumps(RESUME).encode())
    client.post(reverse("import_upload"), {"file": upload})
    job = ImportJob.objects.get()
    data = {f"column_{i}": f for i, f in enumerate(job.mapping)}
    data |= {"legal_basis": "legitimate_interest", "basis_note": "CV by email", "confirm": "1"}
    client.post(reverse("import_mapping", args=[job.token]), data | {"duplicates": "skip"})
    duty = duties.RunImports()
    while duty.handle_one():
        pass
    client.logout()
    return Candidate.objects.get(email="karin@example.com")


def found(client: Any, user: Any, words: str) -> list[str]:
    client.force_login(user)
    response = client.get("/staff/candidates/", {"q": words})
    assert response.status_code == 200
    return [c.email for c in response.context["page"].object_list]


@pytest.mark.parametrize(
    "words", ["erlang", "Zanzibar-modellen", "nomad", "kortinlösen", "chalmers", "betalsystem"]
)
def test_an_admin_finds_the_imported_person_by_their_resume(client, imported, alice, words):
    assert not imported.applications.exists()
    assert found(client, alice, words) == ["karin@example.com"]


def test_the_snippet_shows_the_matched_words(client, imported, rita):
    client.force_login(rita)
    page = client.get("/staff/candidates/", {"q": "erlang"}).content.decode()
    assert "<mark>Erlang</mark>" in page


def test_a_hiring_manager_who_may_not_see_them_does_not(client, imported, alice, hanna, job):
    assert found(client, hanna, "erlang") == []
    # Even once the person applies to the manager's job, the import's text
    # is not the application's: it is not searched for them.
    make_application(job, first_name="Karin", email="karin@example.com")
    assert found(client, hanna, "erlang") == []
    assert found(client, hanna, "karin") == ["karin@example.com"]
    assert found(client, alice, "erlang") == ["karin@example.com"]


def test_a_word_that_is_nowhere_finds_nobody(client, imported, alice):
    assert found(client, alice, "cobol") == []


def test_a_failed_import_leaves_no_profile(client, rita, org, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(rita)
    upload = SimpleUploadedFile("karin.json", json.dumps(RESUME).encode())
    client.post(reverse("import_upload"), {"file": upload})
    job = ImportJob.objects.get()
    job.status = Status.QUEUED
    job.save()

    def broken(ids: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(actions, "index_profiles", broken)
    duties.RunImports().handle_one()
    job.refresh_from_db()
    assert job.status == Status.FAILED
    assert not Candidate.objects.exists() and not ProfileEntry.objects.exists()


def test_erasure_takes_the_profile_with_the_person(client, imported, alice):
    erase_candidate(imported, reason="request", actor=alice)
    assert not ProfileEntry.objects.exists()
    assert found(client, alice, "erlang") == []


def test_the_persons_export_holds_what_the_import_said(imported):
    from rekryt.privacy.export import collect

    (row,) = collect(imported)["imported"]
    assert row["source"] == "JSON Resume" and "Erlang: Zanzibar-modellen, OTP" in row["note"]
    assert row["legal_basis"] == "legitimate_interest" and row["basis_note"] == "CV by email"
