"""A CV on the registration form: stored with the apply form's checks,
hostile files refused with a clear message and nothing typed lost, a good
file kept across a failed submit, the text searchable after the extraction
lane has run — without JavaScript (plain multipart posts)."""

from __future__ import annotations

import re

import pytest

from rekryt.candidates.duties import ExtractDocumentText
from rekryt.candidates.models import Document, PendingUpload
from rekryt.lib.tests.files import make_docx, make_encrypted_pdf, make_pdf, upload
from rekryt.talentpool.cv import IndexPoolCVs
from rekryt.talentpool.index import ranked_members
from rekryt.talentpool.models import Member, MemberDocument, Pool, PoolKind


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def pool(org, rita):
    return Pool.objects.create(
        kind=PoolKind.AREA,
        name_sv="Utveckling",
        name_en="Engineering",
        slug="engineering",
        owner=rita,
        public=True,
    )


def join(client, **fields):
    data = {
        "first_name": "Lina",
        "last_name": "Berg",
        "email": "lina@example.org",
        "intent": "future",
        "about": "Backend developer",
        "consent": "on",
        "website": "",
        **fields,
    }
    return client.post("/talent/engineering/", data)


def test_the_form_takes_a_file_without_javascript(client, pool):
    page = client.get("/talent/engineering/").content.decode()
    assert 'enctype="multipart/form-data"' in page and 'type="file"' in page


def test_a_cv_is_stored_and_its_text_becomes_searchable(client, pool):
    join(client, cv=upload("CV.pdf", make_pdf("Kubernetes specialist")))
    member = Member.objects.get()
    document = Document.objects.get()
    assert document.candidate == member.candidate and document.application is None
    assert not ranked_members("kubernetes", Member.objects.all()).candidate_ids
    assert ExtractDocumentText().handle_one() is True
    assert IndexPoolCVs().handle_one() is True
    assert MemberDocument.objects.get().indexed
    assert ranked_members("kubernetes", Member.objects.all()).candidate_ids == [member.candidate_id]
    assert IndexPoolCVs().handle_one() is False


def test_the_cv_text_survives_a_later_review(client, pool, rita):
    from rekryt.talentpool import actions

    join(client, cv=upload("CV.docx", make_docx("Terraform expert")))
    ExtractDocumentText().handle_one()
    IndexPoolCVs().handle_one()
    actions.mark_reviewed(Member.objects.get(), rita, "called")
    assert ranked_members("terraform", Member.objects.all()).candidate_ids


def assert_nothing_created():
    assert not Member.objects.exists()
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"MZ\x90\x00" + b"\x00" * 200, "not a PDF, Word (.docx) or OpenDocument (.odt)"),
        (b"<html><script>alert(1)</script></html>", "not a PDF, Word"),
        (make_encrypted_pdf(), "password protected"),
        (make_docx(document_xml=b"<a>" + b"0" * (16 * 1024 * 1024) + b"</a>"), "unsafe"),
    ],
    ids=["exe", "html", "encrypted", "zip-bomb"],
)
def test_a_hostile_file_is_refused_and_what_was_typed_is_kept(client, pool, content, says):
    page = join(client, about="Kept words here", cv=upload("CV.pdf", content)).content.decode()
    assert says in page
    assert "Kept words here" in page and 'value="Berg"' in page
    assert_nothing_created()


def test_a_file_over_the_cap_is_refused_and_the_rest_kept(client, pool, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    page = join(client, cv=upload("CV.pdf", make_pdf("x" * 5000))).content.decode()
    assert 'value="Berg"' in page
    assert "larger" in page or "too large" in page or "MB" in page
    assert_nothing_created()


def test_a_good_cv_is_kept_when_another_field_fails(client, pool):
    page = join(client, email="not-an-address", cv=upload("CV.pdf", make_pdf("Go"))).content
    assert b"CV.pdf is attached" in page
    assert PendingUpload.objects.count() == 1
    token = re.search(rb'name="cv_token" value="([^"]+)"', page).group(1).decode()
    again = join(client, cv_token=token)
    assert again.status_code == 200
    assert Document.objects.get().original_name == "CV.pdf"
    assert not PendingUpload.objects.exists()
