"""The registerutdrag ZIP: structure, JSON contents, documents byte for
byte, and nobody else's data."""

import io
import json
import zipfile

import pytest

from conftest import make_application
from rekryt.applications.actions import add_note, move_to_stage
from rekryt.applications.models import BulkRejection, RejectionReason
from rekryt.audit.models import Action, AuditEntry
from rekryt.candidates.models import Candidate, Document
from rekryt.lib.tests.files import make_pdf, upload
from rekryt.portal.actions import write_to_recruiter
from rekryt.privacy.consent import record_consent
from rekryt.privacy.export import write_zip

pytestmark = pytest.mark.django_db


def apply(client, job, **fields):
    data = {
        "first_name": "Cecilia",
        "last_name": "Exportsson",
        "email": "cecilia@example.org",
        "about": "Ten years of Python.",
        "consent": "on",
        "cv": upload("My CV (final).pdf", make_pdf("Cecilia Exportsson")),
    }
    data.update(fields)
    assert client.post(f"/jobs/{job.slug}/apply/", data).status_code == 302


def unzip(candidate):
    buffer = io.BytesIO()
    write_zip(candidate, buffer)
    buffer.seek(0)
    return zipfile.ZipFile(buffer)


@pytest.fixture
def cecilia(client, job, rita):
    apply(client, job)
    candidate = Candidate.objects.get(email_normalised="cecilia@example.org")
    application = candidate.applications.get()
    add_note(application, rita, "Great portfolio.")
    rita.last_name = "Rekryterare"
    rita.save()
    add_note(application, rita, "Ask rita rekryterare about salary.")
    move_to_stage(application, list(job.stages.order_by("order", "pk"))[1], rita)
    write_to_recruiter(application, "When will I hear back?")
    record_consent(
        candidate,
        purpose="talent_pool",
        given=True,
        text="Keep me in mind",
        method="portal",
        language="en",
    )
    return candidate


def test_the_zip_has_readme_data_and_documents(cecilia):
    archive = unzip(cecilia)
    names = archive.namelist()
    document = Document.objects.get(candidate=cecilia)
    assert names[:2] == ["README.txt", "data.json"]
    assert f"documents/{document.pk}-cv.pdf" in names
    assert archive.read(f"documents/{document.pk}-cv.pdf") == make_pdf("Cecilia Exportsson")
    # Generated names only: nothing the uploader chose.
    assert not any("final" in name for name in names)
    assert "data.json" in archive.read("README.txt").decode()


def test_the_json_holds_everything_about_them_with_roles_not_staff_names(cecilia, job):
    data = json.loads(unzip(cecilia).read("data.json"))
    assert data["format"] == "rekryt-personal-data"
    assert data["candidate"]["email"] == "cecilia@example.org"
    (application,) = data["applications"]
    assert application["job"] == job.title
    assert application["about"] == "Ten years of Python."
    assert [n["text"] for n in application["notes"]] == [
        "Great portfolio.",
        "Ask [Recruiter] about salary.",
    ]
    assert application["notes"][0]["by_staff_role"] == "Recruiter"
    assert len(application["stage_history"]) == 1
    assert "stage_moved" in [e["kind"] for e in application["timeline"]]
    assert [m["body"] for m in data["portal_messages"]] == ["When will I hear back?"]
    assert data["consents"][0]["text"] == "Keep me in mind"
    assert data["emails_to_you"], "the receipt email is theirs too"
    assert data["documents"][0]["original_name"] == "My CV (final).pdf"
    # ISO dates
    assert application["applied_at"][4] == "-" and "T" in application["applied_at"]
    # Staff are named by role in notes and the timeline (the emails they
    # signed are as the candidate received them).
    dumped = json.dumps(data["applications"])
    assert "Rita" not in dumped and "rita" not in dumped


def test_another_candidate_in_the_same_bulk_rejection_is_absent(cecilia, job, rita):
    other = make_application(
        job, first_name="Olle", last_name="Annansson", email="olle@example.org"
    )
    add_note(other, rita, "Olle's private note")
    reason = RejectionReason.objects.filter(kind="declined").first()
    BulkRejection.objects.create(
        job=job,
        reason=reason,
        actor=rita,
        application_ids=[cecilia.applications.get().pk, other.pk],
    )
    archive = unzip(cecilia)
    everything = b"".join(archive.read(name) for name in archive.namelist())
    for text in ("Olle", "Annansson", "olle@example.org", "private note"):
        assert text.encode() not in everything


def test_the_readme_is_in_the_candidates_language(client, job):
    apply(client, job, email="sv@example.org", first_name="Svea")
    candidate = Candidate.objects.get(email_normalised="sv@example.org")
    Candidate.objects.filter(pk=candidate.pk).update(language="sv")
    candidate.refresh_from_db()
    readme = unzip(candidate).read("README.txt").decode()
    assert "data.json" in readme


def test_staff_export_is_audited_and_not_stored(client, cecilia, rita, settings):
    from pathlib import Path

    before = {p for p in Path(settings.DATA_DIR).rglob("*")}
    client.force_login(rita)
    response = client.post(f"/staff/privacy/candidates/{cecilia.pk}/export/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    assert "Cecilia" not in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert "data.json" in zipfile.ZipFile(io.BytesIO(body)).namelist()
    entry = AuditEntry.objects.get(action=Action.EXPORT)
    assert entry.target_id == str(cecilia.pk)
    after = {p for p in Path(settings.DATA_DIR).rglob("*")}
    assert not [p for p in after - before if p.suffix == ".zip"]


def test_only_admins_and_recruiters_may_export(client, cecilia, hanna, ivan):
    for user in (hanna, ivan):
        client.force_login(user)
        assert client.post(f"/staff/privacy/candidates/{cecilia.pk}/export/").status_code == 404
        assert client.get(f"/staff/privacy/candidates/{cecilia.pk}/erase/").status_code == 404
