"""Hostile input at the application form: lying files, archive tricks, XXE,
floods of fields and files, script in names, bots and double clicks."""

import secrets

import pytest

from rekryt.applications.models import Application
from rekryt.candidates.models import Candidate, Document, PendingUpload
from rekryt.lib.tests.files import (
    DOCX_CONTENT_TYPES,
    docx_document_xml,
    make_docx,
    make_encrypted_pdf,
    make_pdf,
    make_zip,
    upload,
)
from rekryt.messaging.models import Message

pytestmark = pytest.mark.django_db

XXE = (
    '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


def form(**overrides):
    data = {
        "first_name": "Anna",
        "last_name": "Andersson",
        "email": "anna@example.org",
        "consent": "on",
        "submission_key": secrets.token_hex(16),
    }
    data.update(overrides)
    return data


def post(client, job, **overrides):
    return client.post(f"/jobs/{job.slug}/apply/", form(**overrides))


def cv_error(response) -> str:
    html = response.content.decode()
    assert response.status_code == 200
    return html.split('id="id_cv_error"')[1].split("</div>")[0]


def assert_nothing_created():
    assert not Candidate.objects.exists()
    assert not Application.objects.exists()
    assert not Document.objects.exists()
    assert not Message.objects.exists()
    assert not PendingUpload.objects.exists()


def test_an_oversized_file_is_refused_beside_its_field(client, job, settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    big = make_pdf("x") + b"%" + b"0" * (1024 * 1024)
    response = post(client, job, cv=upload("CV.pdf", big), about="Keep me")
    assert "larger than 1 MB" in cv_error(response)
    assert "Keep me</textarea>" in response.content.decode()
    assert_nothing_created()


def test_an_oversized_cover_letter_file_is_refused_beside_its_field(client, job, settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    big = b"%PDF-" + b"0" * (1024 * 1024 + 1)
    response = post(client, job, about="x", cover_letter_file=upload("letter.pdf", big))
    html = response.content.decode()
    assert "larger than 1 MB" in html.split('id="id_cover_letter_file_error"')[1]
    assert not Application.objects.exists()


def test_a_request_over_the_total_cap_gets_413(client, job, settings):
    settings.REQUEST_MAX_BYTES = 10_000
    response = post(client, job, cv=upload("CV.pdf", b"%PDF-" + b"0" * 20_000))
    assert response.status_code == 413
    assert_nothing_created()


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
        b"MZ\x90\x00" + b"\x00" * 64,
        b"<html><script>alert(1)</script></html>",
    ],
    ids=["png", "exe", "html"],
)
def test_a_pdf_name_with_other_content_is_refused(client, job, content):
    response = post(client, job, cv=upload("CV.pdf", content, "application/pdf"))
    assert "not a PDF, Word (.docx) or OpenDocument (.odt) document" in cv_error(response)
    assert_nothing_created()


def test_a_pdf_with_garbage_after_the_header_is_refused(client, job):
    response = post(client, job, cv=upload("CV.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 20))
    assert "cannot be read" in cv_error(response)
    assert_nothing_created()


def test_an_encrypted_pdf_is_refused_with_a_clear_message(client, job):
    response = post(client, job, cv=upload("CV.pdf", make_encrypted_pdf()))
    assert "password protected" in cv_error(response)
    assert_nothing_created()


def test_a_docx_zip_bomb_is_refused(client, job):
    bomb = make_docx(document_xml=b"<a>" + b"0" * (16 * 1024 * 1024) + b"</a>")
    assert len(bomb) < 100_000
    response = post(client, job, cv=upload("CV.docx", bomb))
    assert "unsafe" in cv_error(response)
    assert_nothing_created()


def test_a_zip_with_a_parent_directory_path_is_refused(client, job):
    data = make_zip(
        {
            "[Content_Types].xml": DOCX_CONTENT_TYPES,
            "word/document.xml": docx_document_xml("x"),
            "../evil": b"owned",
        }
    )
    response = post(client, job, cv=upload("CV.docx", data))
    assert "unsafe" in cv_error(response)
    assert_nothing_created()


def test_a_docx_with_an_external_entity_is_refused(client, job):
    response = post(client, job, cv=upload("CV.docx", make_docx(document_xml=XXE)))
    assert "unsafe" in cv_error(response)
    assert "root:" not in response.content.decode()
    assert_nothing_created()


def test_too_many_fields_are_refused_before_anything_is_read(client, job, settings):
    data = form(about="x")
    data.update({f"field{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)})
    response = client.post(f"/jobs/{job.slug}/apply/", data)
    assert response.status_code == 400
    assert_nothing_created()


def test_too_many_files_are_refused(client, job, settings):
    files = {
        f"file{n}": upload(f"{n}.pdf", make_pdf("x"))
        for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FILES + 1)
    }
    response = client.post(f"/jobs/{job.slug}/apply/", {**form(about="x"), **files})
    assert response.status_code == 400
    assert_nothing_created()


def test_script_in_the_name_is_shown_escaped_on_the_confirmation_page(client, job):
    response = post(client, job, about="x", first_name="<script>alert(1)</script>")
    html = client.get(response["Location"]).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "Thank you, &lt;script&gt;alert(1)&lt;/script&gt;!" in html


def test_script_in_the_cover_letter_is_shown_escaped_when_the_form_comes_back(client, job):
    evil = "</textarea><script>alert(1)</script>"
    response = post(client, job, cover_letter=evil)  # no CV and no about: shown again
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>" in html


def test_a_filled_honeypot_pretends_success_and_stores_nothing(client, job):
    response = post(
        client, job, about="x", website="http://spam.example", cv=upload("CV.pdf", make_pdf("spam"))
    )
    assert response.status_code == 302
    assert "Thank you, Anna!" in client.get(response["Location"]).content.decode()
    assert_nothing_created()


def test_a_double_submit_makes_one_application_and_one_email(client, job):
    data = form(about="x")
    first = client.post(f"/jobs/{job.slug}/apply/", data)
    second = client.post(f"/jobs/{job.slug}/apply/", data)
    assert first.status_code == second.status_code == 302
    for response in (first, second):
        assert "Thank you, Anna!" in client.get(response["Location"]).content.decode()
    assert Application.objects.count() == 1
    assert Message.objects.count() == 1


def test_a_double_submit_with_a_file_stores_the_file_once(client, job):
    data = form(about="x")
    client.post(f"/jobs/{job.slug}/apply/", {**data, "cv": upload("CV.pdf", make_pdf("x"))})
    client.post(f"/jobs/{job.slug}/apply/", {**data, "cv": upload("CV.pdf", make_pdf("x"))})
    assert Document.objects.count() == 1


def test_a_reused_key_with_another_email_does_not_show_someone_elses_application(client, job):
    key = secrets.token_hex(16)
    first = post(client, job, about="x", submission_key=key)
    second = post(
        client, job, about="y", submission_key=key, first_name="Bo", email="bo@example.org"
    )
    assert first["Location"] != second["Location"]
    assert Application.objects.count() == 2
    assert "Thank you, Bo!" in client.get(second["Location"]).content.decode()


@pytest.mark.parametrize("key", ["", "not-hex", "A" * 32, "0" * 31, "0" * 64, "0" * 32 + "\n"])
def test_a_missing_or_malformed_key_is_replaced_and_the_application_goes_through(client, job, key):
    response = post(client, job, about="x", submission_key=key)
    assert response.status_code == 302
    key_stored = Application.objects.get().submission_key
    assert len(key_stored) == 32
    assert key_stored != key


def test_nul_bytes_are_refused_or_removed_before_the_database(client, job):
    response = post(client, job, about="x", email="anna\x00@example.org")
    assert response.status_code == 200
    assert not Application.objects.exists()
    post(client, job, about="a\x00b", first_name="An\x00na", cover_letter="c\x00d", source="x\x00y")
    application = Application.objects.get()
    assert application.candidate.first_name == "Anna"
    assert (application.about, application.cover_letter, application.source) == ("ab", "cd", "xy")
