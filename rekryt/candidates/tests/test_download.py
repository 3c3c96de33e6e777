"""Document download: permission-checked, always an attachment, never sniffed."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from conftest import make_application
from rekryt.applications.actions import Upload
from rekryt.candidates.models import Document, DocumentKind

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def upload(name="Mitt CV.pdf", kind=DocumentKind.CV, content_type="application/pdf") -> Upload:
    return Upload(
        kind=kind,
        file=ContentFile(PDF, name="upload"),
        original_name=name,
        content_type=content_type,
        size=len(PDF),
        sha256=hashlib.sha256(PDF).hexdigest(),
    )


def url(document):
    return reverse("document_download", args=[document.pk])


@pytest.fixture
def cv(job):
    return make_application(job, uploads=[upload()]).documents.get()


@pytest.fixture
def other_cv(other_job):
    return make_application(other_job, uploads=[upload()]).documents.get()


def body(response):
    return b"".join(response.streaming_content)


def fetch(client, document):
    """GET the download and read it to the end, which closes the file (the test
    client closes a streaming response only once its content is consumed)."""
    response = client.get(url(document))
    if response.streaming:
        body(response)
    return response


def status(client, document):
    return fetch(client, document).status_code


def test_it_serves_the_file_as_a_private_unsniffable_attachment(client, rita, cv):
    client.force_login(rita)
    response = client.get(url(cv))
    assert response.status_code == 200
    assert body(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Mitt CV.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["Cache-Control"] == "private, no-store"


def test_it_sanitises_the_original_name(client, rita, job):
    document = make_application(
        job, uploads=[upload(name="../../cv\u202efdp.exe\r\nX-Evil: 1")]
    ).documents.get()
    client.force_login(rita)
    disposition = fetch(client, document)["Content-Disposition"]
    assert "\u202e" not in disposition
    assert "/" not in disposition.split("filename")[1]
    assert "\r" not in disposition and "\n" not in disposition


def test_a_non_ascii_name_is_encoded(client, rita, job):
    document = make_application(job, uploads=[upload(name="Åsa Öberg CV.pdf")]).documents.get()
    client.force_login(rita)
    disposition = fetch(client, document)["Content-Disposition"]
    assert "filename*=utf-8''%C3%85sa%20%C3%96berg%20CV.pdf" in disposition


def test_an_unexpected_stored_type_is_served_as_bytes(client, rita, cv):
    Document.objects.filter(pk=cv.pk).update(content_type="text/html")
    client.force_login(rita)
    assert fetch(client, cv)["Content-Type"] == "application/octet-stream"


def test_anonymous_visitors_are_sent_to_login(client, cv):
    response = fetch(client, cv)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_an_outsider_gets_404(client, ivan, cv, other_cv):
    client.force_login(ivan)
    assert status(client, cv) == 404
    assert status(client, other_cv) == 404


def test_a_hiring_manager_gets_only_their_teams_documents(client, otto, hanna, cv, other_cv):
    client.force_login(otto)
    assert status(client, cv) == 404
    assert status(client, other_cv) == 200
    client.force_login(hanna)
    assert status(client, cv) == 200
    assert status(client, other_cv) == 404


def test_a_document_sent_for_another_job_stays_with_that_job(client, otto, job, other_job):
    """otto may see the candidate (they applied to his job too) but not the
    cover letter they wrote for a job he is not on."""
    letter = make_application(
        job, email="twice@example.org", uploads=[upload("letter.pdf", DocumentKind.COVER_LETTER)]
    ).documents.get()
    make_application(other_job, email="twice@example.org")
    client.force_login(otto)
    assert status(client, letter) == 404


@pytest.mark.parametrize("persona", ["alice", "rita"])
def test_admins_and_recruiters_may_download_any(client, request, persona, cv, other_cv):
    client.force_login(request.getfixturevalue(persona))
    assert status(client, cv) == 200
    assert status(client, other_cv) == 200


def test_a_missing_file_is_404_not_500(client, rita, cv):
    cv.file.storage.delete(cv.file.name)
    client.force_login(rita)
    assert status(client, cv) == 404


def test_a_document_without_a_file_is_404(client, rita, cv):
    Document.objects.filter(pk=cv.pk).update(file="")
    client.force_login(rita)
    assert status(client, cv) == 404


def test_it_refuses_post(client, rita, cv):
    client.force_login(rita)
    assert client.post(url(cv)).status_code == 405
