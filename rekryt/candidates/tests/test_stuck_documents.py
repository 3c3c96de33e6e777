"""A document another worker holds, one that fails to parse, or a stale
upload whose file cannot be deleted never holds up the work behind it; the
failing one is tried again after its backoff, not in a tight loop."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.core.files.storage import FileSystemStorage, default_storage
from django.utils import timezone

from rekryt.candidates.duties import ExtractDocumentText, PurgePendingUploads, retry_delay
from rekryt.candidates.models import Candidate, Document, PendingUpload, TextStatus
from rekryt.candidates.tests.test_duties import make_document, make_pending_upload, refresh
from rekryt.lib.pdfgen import text_pdf


def run(duty: Any) -> int:
    done = 0
    while duty.handle_one():
        done += 1
    return done


@pytest.fixture
def candidate(db: Any) -> Candidate:
    return Candidate.objects.create(first_name="Lina", last_name="Ek", email="lina@example.org")


def in_order(*documents: Document) -> None:
    """Make the documents pending oldest first, in the order given."""
    start = timezone.now() - timedelta(hours=len(documents))
    for n, document in enumerate(documents):
        Document.objects.filter(pk=document.pk).update(created_at=start + timedelta(hours=n))


def test_claimed_and_failing_documents_do_not_hold_up_the_one_behind_them(
    candidate: Candidate,
) -> None:
    held = make_document(candidate, text_pdf("held"))
    broken = make_document(candidate, text_pdf("broken")[:150])
    good = make_document(candidate, text_pdf("good"))
    in_order(held, broken, good)
    until = timezone.now() + timedelta(minutes=1)
    Document.objects.filter(pk=held.pk).update(claimed_until=until)

    assert run(ExtractDocumentText()) == 2

    assert refresh(good).text_status == TextStatus.DONE
    assert refresh(held).text_status == TextStatus.PENDING
    assert refresh(held).claimed_until == until
    assert (refresh(broken).text_status, refresh(broken).attempts) == (TextStatus.PENDING, 1)


def test_a_failed_document_comes_back_exactly_after_its_backoff(candidate: Candidate) -> None:
    document = make_document(candidate, text_pdf("broken")[:150])
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert run(ExtractDocumentText()) == 1
    retry_at = refresh(document).claimed_until
    assert retry_at == start + retry_delay(1) == start + timedelta(minutes=2)

    with time_machine.travel(retry_at, tick=False):
        assert run(ExtractDocumentText()) == 0
    with time_machine.travel(retry_at + timedelta(microseconds=1), tick=False):
        assert run(ExtractDocumentText()) == 1
    assert refresh(document).attempts == 2
    assert retry_delay(2) == timedelta(minutes=8)


def stale_upload(token: str) -> PendingUpload:
    with time_machine.travel(timezone.now() - timedelta(hours=25)):
        return make_pending_upload(token)


def test_a_stale_upload_whose_file_cannot_be_deleted_keeps_its_row_and_lets_the_rest_go(
    db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    stuck, other = stale_upload("stuck"), stale_upload("other")
    real = FileSystemStorage.delete

    def delete(storage: FileSystemStorage, name: str) -> None:
        if name == stuck.file.name:
            raise PermissionError("read-only")
        real(storage, name)

    monkeypatch.setattr(FileSystemStorage, "delete", delete)
    duty = PurgePendingUploads()

    assert duty.handle_one() is False  # nothing escapes, and it is not retried at once
    assert duty.handle_one() is False

    assert list(PendingUpload.objects.values_list("token", flat=True)) == ["stuck"]
    assert not default_storage.exists(other.file.name)
    assert default_storage.exists(stuck.file.name)  # the row says the CV is still there

    monkeypatch.setattr(FileSystemStorage, "delete", real)
    with time_machine.travel(
        timezone.now() + PurgePendingUploads.RETRY_AFTER - timedelta(seconds=5)
    ):
        duty.handle_one()
    assert PendingUpload.objects.filter(pk=stuck.pk).exists()
    with time_machine.travel(
        timezone.now() + PurgePendingUploads.RETRY_AFTER + timedelta(seconds=5)
    ):
        duty.handle_one()
    assert not PendingUpload.objects.exists()
    assert not default_storage.exists(stuck.file.name)
