"""Nothing typed is lost: a form with errors comes back with every value, and
a file that passed its checks stays attached until the resubmit uses it."""

import hashlib
import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from rekryt.applications.models import Application
from rekryt.candidates.models import Document, PendingUpload
from rekryt.lib.tests.files import make_docx, make_pdf, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


def form(**overrides):
    data = {
        "first_name": "Anna",
        "last_name": "Andersson",
        "email": "anna@example.org",
        "phone": "070-123 45 67",
        "link": "https://example.org/anna",
        "about": "Ten years of Python.",
        "cover_letter": "Dear team,\nI would love to join.",
        "heard_from": "friend",
        "source": "newsletter",
        "submission_key": "ab" * 16,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def apply(client, job, data):
    return client.post(f"/jobs/{job.slug}/apply/", data)


def token_in(html, field="cv"):
    return re.search(rf'name="{field}_token" value="([^"]+)"', html).group(1)


def test_every_typed_value_comes_back(client, job):
    html = apply(client, job, form()).content.decode()  # consent missing
    for expected in (
        'value="Anna"',
        'value="Andersson"',
        'value="anna@example.org"',
        'value="070-123 45 67"',
        'value="https://example.org/anna"',
        "Ten years of Python.</textarea>",
        "Dear team,\nI would love to join.</textarea>",
        '<option value="friend" selected>',
        'name="source" value="newsletter"',
        'name="submission_key" value="' + "ab" * 16,
    ):
        assert expected in html, expected


def test_the_consent_tick_comes_back(client, job):
    html = apply(client, job, form(consent="on", email="bad")).content.decode()
    assert re.search(r'<input type="checkbox" name="consent"[^>]*checked', html)


def test_an_accepted_file_is_kept_and_said_to_be_attached(client, job):
    html = apply(client, job, form(cv=upload("CV.pdf", make_pdf("Anna")))).content.decode()
    assert "CV.pdf is attached — choose a new file to replace it." in html
    assert PendingUpload.objects.count() == 1
    assert len(token_in(html)) >= 22  # at least 128 bits


def test_the_pending_row_stores_a_hash_of_the_token_not_the_token(client, job):
    html = apply(client, job, form(cv=upload("CV.pdf", make_pdf("Anna")))).content.decode()
    token = token_in(html)
    stored = PendingUpload.objects.get()
    assert stored.token == hashlib.sha256(token.encode()).hexdigest()
    assert stored.original_name == "CV.pdf"
    assert stored.sha256 == hashlib.sha256(make_pdf("Anna")).hexdigest()


def test_a_resubmit_without_choosing_again_uses_the_kept_file(
    client, job, django_capture_on_commit_callbacks
):
    html = apply(client, job, form(cv=upload("CV.pdf", make_pdf("Anna")))).content.decode()
    pending = PendingUpload.objects.get()
    storage, name = pending.file.storage, pending.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = apply(client, job, form(consent="on", cv_token=token_in(html)))
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.original_name == "CV.pdf"
    assert document.file.read() == make_pdf("Anna")
    assert document.file.name != name
    assert not PendingUpload.objects.exists()
    assert not storage.exists(name)


def test_a_new_file_replaces_the_kept_one(client, job, django_capture_on_commit_callbacks):
    html = apply(client, job, form(cv=upload("old.pdf", make_pdf("old")))).content.decode()
    old = PendingUpload.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        html = apply(
            client, job, form(cv=upload("new.docx", make_docx("new")), cv_token=token_in(html))
        ).content.decode()
    assert "new.docx is attached" in html
    assert list(PendingUpload.objects.values_list("original_name", flat=True)) == ["new.docx"]
    assert not old.file.storage.exists(old.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        apply(client, job, form(consent="on", cv_token=token_in(html)))
    assert Document.objects.get().original_name == "new.docx"
    assert not PendingUpload.objects.exists()


def test_a_rejected_new_file_keeps_the_earlier_one_attached(client, job):
    html = apply(client, job, form(cv=upload("CV.pdf", make_pdf("Anna")))).content.decode()
    html = apply(
        client,
        job,
        form(consent="on", cv=upload("evil.pdf", b"MZ\x90\x00"), cv_token=token_in(html)),
    ).content.decode()
    assert "not a PDF, Word" in html
    assert "CV.pdf is attached" in html
    assert not Application.objects.exists()


def test_a_rejected_file_is_not_kept(client, job):
    apply(client, job, form(cv=upload("evil.pdf", b"MZ\x90\x00")))
    assert not PendingUpload.objects.exists()


def test_the_cover_letter_file_is_kept_too(client, job):
    html = apply(
        client, job, form(cover_letter_file=upload("Letter.odt", make_docx("x")))
    ).content.decode()
    assert "Letter.odt.docx is attached" in html
    assert token_in(html, "cover_letter_file")


def test_an_expired_token_asks_for_the_file_again(client, job):
    html = apply(client, job, form(cv=upload("CV.pdf", make_pdf("Anna")))).content.decode()
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        response = apply(client, job, form(consent="on", about="", cv_token=token_in(html)))
    assert "The file you attached earlier has expired" in response.content.decode()
    assert not Application.objects.exists()


@pytest.mark.parametrize("token", ["x" * 32, "'; DROP TABLE x; --", "a" * 5000])
def test_a_forged_token_attaches_nothing(client, job, token):
    apply(client, job, form(cv=upload("CV.pdf", make_pdf("Anna"))))
    response = apply(client, job, form(consent="on", about="", cv_token=token))
    assert response.status_code == 200
    assert "The file you attached earlier has expired" in response.content.decode()
    assert not Document.objects.exists()


def test_errors_sit_beside_their_fields_for_assistive_technology(client, job):
    html = apply(client, job, form(email="not-an-email", first_name="")).content.decode()
    email = re.search(r'<input[^>]*name="email"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in email
    assert 'aria-describedby="id_email_helptext id_email_error"' in email
    assert '<div class="error" id="id_email_error">' in html
    first_name = re.search(r'<input[^>]*name="first_name"[^>]*>', html).group(0)
    assert 'aria-describedby="id_first_name_error"' in first_name


def test_an_error_summary_at_the_top_links_to_each_field(client, job):
    html = apply(client, job, form(email="not-an-email", first_name="")).content.decode()
    summary = html.split('class="error-summary"')[1].split("</div>")[0]
    assert 'role="alert" tabindex="-1"' in summary
    assert 'href="#id_first_name"' in summary
    assert 'href="#id_email"' in summary
    assert 'href="#id_consent"' in summary
    assert html.index("error-summary") < html.index('<form class="apply-form"')


def test_an_attached_file_is_described_to_assistive_technology(client, job):
    html = apply(client, job, form(cv=upload("CV.pdf", make_pdf("x")))).content.decode()
    cv = re.search(r'<input[^>]*name="cv"[^>]*>', html).group(0)
    assert 'aria-describedby="id_cv_helptext id_cv_attached"' in cv
    assert 'id="id_cv_attached"' in html


def test_the_key_stays_the_same_so_the_resubmit_is_still_one_application(client, job):
    data = form()
    apply(client, job, data)
    apply(client, job, {**data, "consent": "on"})
    apply(client, job, {**data, "consent": "on"})
    assert Application.objects.get().submission_key == "ab" * 16
