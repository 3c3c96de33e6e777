"""The worker duties of the candidates app, through their own handle_one()."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from conftest import make_application
from rekryt.candidates import extract
from rekryt.candidates.duties import ExtractDocumentText, PurgePendingUploads
from rekryt.candidates.models import Candidate, Document, PendingUpload, TextStatus
from rekryt.candidates.search import search
from rekryt.candidates.tests.test_extract import (
    DOCX_TYPE,
    ODT_TYPE,
    XXE_DOCUMENT,
    docx_bytes,
    docx_paragraphs,
    odt_bytes,
    zip_bytes,
)
from rekryt.lib.pdfgen import text_pdf
from rekryt.ops.duties import load_duties

PDF_TYPE = "application/pdf"


@pytest.fixture
def candidate(job: Any) -> Candidate:
    application = make_application(
        job, first_name="Lina", last_name="Ek", email="lina.ek@example.org"
    )
    return application.candidate


def make_document(candidate: Candidate, data: bytes, content_type: str = PDF_TYPE) -> Document:
    document = Document(
        candidate=candidate,
        application=candidate.applications.first(),
        original_name="cv",
        content_type=content_type,
        size=len(data),
        sha256="0" * 64,
    )
    document.file.save("upload", ContentFile(data), save=False)
    document.save()
    return document


def refresh(document: Document) -> Document:
    document.refresh_from_db()
    return document


def test_it_is_registered_with_the_worker() -> None:
    names = {duty.name for duty in load_duties()}
    assert {"extract_document_text", "purge_pending_uploads"} <= names


def test_it_makes_a_word_only_in_the_cv_searchable(candidate: Candidate) -> None:
    document = make_document(candidate, text_pdf("Lina Ek\nCertifierad svetsare, Kalmar"))
    assert not search(Candidate.objects.all(), "svetsare", None).exists()

    assert ExtractDocumentText().handle_one() is True

    document = refresh(document)
    assert document.text_status == TextStatus.DONE
    assert "Certifierad svetsare, Kalmar" in document.text
    assert document.claimed_until is None
    assert list(search(Candidate.objects.all(), "svetsare", None)) == [candidate]


@pytest.mark.parametrize(
    ("data", "content_type", "word"),
    [
        (docx_paragraphs("Kranförare med YKB"), DOCX_TYPE, "kranförare"),
        (odt_bytes("<text:p>Fjärrkyla och drift</text:p>"), ODT_TYPE, "fjärrkyla"),
    ],
)
def test_it_extracts_office_documents(
    candidate: Candidate, data: bytes, content_type: str, word: str
) -> None:
    document = make_document(candidate, data, content_type)
    ExtractDocumentText().handle_one()
    assert refresh(document).text_status == TextStatus.DONE
    assert list(search(Candidate.objects.all(), word, None)) == [candidate]


def test_it_says_when_there_is_nothing_to_do(db: Any) -> None:
    assert ExtractDocumentText().handle_one() is False


def test_it_takes_the_oldest_pending_document_first(candidate: Candidate) -> None:
    newer = make_document(candidate, text_pdf("newer"))
    older = make_document(candidate, text_pdf("older"))
    Document.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(hours=1))
    ExtractDocumentText().handle_one()
    assert refresh(older).text_status == TextStatus.DONE
    assert refresh(newer).text_status == TextStatus.PENDING


def test_it_leaves_a_document_claimed_by_another_worker(candidate: Candidate) -> None:
    document = make_document(candidate, text_pdf("busy"))
    Document.objects.filter(pk=document.pk).update(
        claimed_until=timezone.now() + timedelta(minutes=1)
    )
    assert ExtractDocumentText().handle_one() is False
    with time_machine.travel(timezone.now() + timedelta(minutes=2), tick=True):
        # The other worker died: its lease ran out and the file is taken up.
        assert ExtractDocumentText().handle_one() is True
    assert refresh(document).text_status == TextStatus.DONE


def test_it_refuses_an_xxe_docx_without_reading_the_file_it_names(candidate: Candidate) -> None:
    document = make_document(candidate, docx_bytes(document_xml=XXE_DOCUMENT), DOCX_TYPE)
    ExtractDocumentText().handle_one()
    document = refresh(document)
    assert document.text_status == TextStatus.FAILED  # refused at once, no retries
    assert document.attempts == 1
    assert "DTD" in document.text_error
    assert "root:" not in document.text
    assert not search(Candidate.objects.all(), "root", None).exists()


def test_it_refuses_a_zip_bomb(candidate: Candidate) -> None:
    bomb = zip_bytes({"word/document.xml": b"<a>" + b"0" * (20 * 1024 * 1024) + b"</a>"})
    document = make_document(candidate, bomb, DOCX_TYPE)
    ExtractDocumentText().handle_one()
    document = refresh(document)
    assert document.text_status == TextStatus.FAILED
    assert "zip bomb" in document.text_error


def test_it_refuses_a_file_of_an_unsupported_type(candidate: Candidate) -> None:
    document = make_document(candidate, b"GIF89a", "image/gif")
    ExtractDocumentText().handle_one()
    assert refresh(document).text_status == TextStatus.FAILED


def test_it_retries_a_corrupted_pdf_with_backoff_then_gives_up(candidate: Candidate) -> None:
    document = make_document(candidate, text_pdf("Hello")[:150])
    duty = ExtractDocumentText()
    with time_machine.travel(timezone.now(), tick=True) as traveller:
        assert duty.handle_one() is True
        document = refresh(document)
        assert (document.text_status, document.attempts) == (TextStatus.PENDING, 1)
        assert document.text_error
        # Not again before its backoff has passed.
        assert duty.handle_one() is False

        traveller.shift(timedelta(minutes=3))
        assert duty.handle_one() is True
        assert refresh(document).attempts == 2
        traveller.shift(timedelta(minutes=3))
        assert duty.handle_one() is False  # the second backoff is longer

        traveller.shift(timedelta(minutes=10))
        assert duty.handle_one() is True
        document = refresh(document)
        assert (document.text_status, document.attempts) == (TextStatus.FAILED, 3)
        assert document.claimed_until is None
        traveller.shift(timedelta(days=1))
        assert duty.handle_one() is False


def test_it_counts_a_timeout_as_a_failed_attempt(
    candidate: Candidate, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extract, "TIMEOUT_SECONDS", 0.001)
    document = make_document(candidate, text_pdf("Slow"))
    ExtractDocumentText().handle_one()
    document = refresh(document)
    assert document.attempts == 1
    assert "timed out" in document.text_error
    for hours in (1, 2):
        with time_machine.travel(timezone.now() + timedelta(hours=hours), tick=True):
            ExtractDocumentText().handle_one()
    assert refresh(document).text_status == TextStatus.FAILED


def test_it_records_a_missing_file_instead_of_crashing(candidate: Candidate) -> None:
    document = make_document(candidate, text_pdf("Gone"))
    default_storage.delete(document.file.name)
    assert ExtractDocumentText().handle_one() is True
    document = refresh(document)
    assert document.attempts == 1
    assert "FileNotFoundError" in document.text_error


def make_pending_upload(token: str) -> PendingUpload:
    upload = PendingUpload(
        token=token, original_name="cv.pdf", content_type=PDF_TYPE, size=5, sha256="0" * 64
    )
    upload.file.save("upload", ContentFile(b"%PDF-"), save=False)
    upload.save()
    return upload


def test_it_purges_pending_uploads_after_a_day(db: Any) -> None:
    with time_machine.travel(timezone.now() - timedelta(hours=25)):
        stale = make_pending_upload("stale")
    fresh = make_pending_upload("fresh")

    assert PurgePendingUploads().handle_one() is False

    assert list(PendingUpload.objects.values_list("token", flat=True)) == ["fresh"]
    assert not default_storage.exists(stale.file.name)
    assert default_storage.exists(fresh.file.name)


def test_it_keeps_a_pending_upload_until_the_day_has_passed(db: Any) -> None:
    upload = make_pending_upload("young")
    with time_machine.travel(timezone.now() + timedelta(hours=23)):
        PurgePendingUploads().handle_one()
    assert PendingUpload.objects.filter(pk=upload.pk).exists()
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        PurgePendingUploads().handle_one()
    assert not PendingUpload.objects.filter(pk=upload.pk).exists()


def test_it_does_not_index_a_document_erased_while_it_was_parsed(
    candidate: Candidate, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_document(candidate, text_pdf("Erased"))

    def erase_then_extract(data: bytes, kind: str) -> str:
        Candidate.objects.filter(pk=candidate.pk).delete()
        return "Erased"

    monkeypatch.setattr(extract, "extract_limited", erase_then_extract)
    assert ExtractDocumentText().handle_one() is True
    assert not Document.objects.exists()
    assert not Candidate.objects.exists()
