"""Background work on candidates' documents (run by `manage.py worker`)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from rekryt.candidates import extract
from rekryt.candidates.models import Document, PendingUpload, TextStatus
from rekryt.candidates.pending import MAX_AGE as PENDING_UPLOAD_MAX_AGE
from rekryt.candidates.search import index_documents
from rekryt.candidates.semantic import EmbedSearchEntries
from rekryt.lib.claims import claim_next, release, unclaimed
from rekryt.lib.duty import EXTRACTION, Duty

log = logging.getLogger(__name__)

# Longer than the extraction timeout plus the child's start, so a claim never
# runs out while its worker is still busy with the file.
LEASE = timedelta(minutes=5)
MAX_ATTEMPTS = 3


def retry_delay(attempts: int) -> timedelta:
    """Backoff after a failed attempt: 2, 8, 32 minutes."""
    return timedelta(minutes=2 * 4 ** (attempts - 1))


def read_file(document: Document) -> bytes:
    # The upload cap also bounds what is read here if a file was swapped.
    with document.file.open("rb") as handle:
        data: bytes = handle.read(settings.UPLOAD_MAX_BYTES + 1)
    if len(data) > settings.UPLOAD_MAX_BYTES:
        raise extract.RefusedDocument("the file is larger than the upload limit")
    return data


class ExtractDocumentText(Duty):
    """Extract the text of the oldest pending document and index it with its
    application (a document sent again and not yet added waits for that).

    1. Claim the oldest document with text_status "pending" (a lease, so two
       workers never parse the same file and a killed worker's file is taken
       up again once the lease ends).
    2. Parse it in a child process with time and memory limits.
    3. Success: store the cleaned text, mark it done, update the search index.
       A refused file (unsafe or unsupported) fails at once; any other error
       is retried with backoff — the claim is held until the next try — and
       fails for good after MAX_ATTEMPTS."""

    name = "extract_document_text"
    lane = EXTRACTION

    def oldest_due(self) -> datetime | None:
        waiting = Document.objects.filter(unclaimed(), text_status=TextStatus.PENDING)
        return waiting.order_by("created_at").values_list("created_at", flat=True).first()

    def handle_one(self) -> bool:
        pending = Document.objects.filter(text_status=TextStatus.PENDING).order_by(
            "created_at", "pk"
        )
        document = claim_next(pending, LEASE)
        if document is None:
            return False
        try:
            text = extract.extract_limited(read_file(document), document.extension)
        except extract.RefusedDocument as exc:
            self._fail(document, str(exc), final=True)
        except Exception as exc:
            # Broken files, timeouts, a missing file on storage: store it on
            # the row and move on; the loop must not stop for one document.
            detail = str(exc) if isinstance(exc, extract.ExtractionError) else repr(exc)
            self._fail(document, detail, final=False)
        else:
            with transaction.atomic():
                # 0 rows: the document was erased meanwhile; nothing to index.
                done = release(document, text=text, text_status=TextStatus.DONE, text_error="")
                if done and document.application_id is not None:
                    index_documents(document.application_id)
        return True

    def _fail(self, document: Document, detail: str, final: bool) -> None:
        attempts = document.attempts + 1
        log.info("text extraction failed for document %s: %s", document.pk, detail)
        if final or attempts >= MAX_ATTEMPTS:
            release(
                document, attempts=attempts, text_status=TextStatus.FAILED, text_error=detail[:300]
            )
            return
        # Keep the claim until the next try: claim_next skips it until then.
        Document.objects.filter(pk=document.pk).update(
            attempts=attempts,
            text_error=detail[:300],
            claimed_until=timezone.now() + retry_delay(attempts),
        )


class PurgePendingUploads(Duty):
    """Delete files kept for a re-shown application form that nobody came back
    for within a day, a batch at a time.

    The file goes first and the row only once it is gone: a row left behind
    is the reminder that a CV is still on disk. A file that cannot be
    deleted keeps its row and is tried again RETRY_AFTER later (remembered
    in the process), so it holds up neither the rest nor the loop."""

    name = "purge_pending_uploads"
    BATCH = 100
    RETRY_AFTER = timedelta(hours=1)

    def __init__(self) -> None:
        self.retry_at: dict[int, datetime] = {}

    def handle_one(self) -> bool:
        now = timezone.now()
        self.retry_at = {pk: at for pk, at in self.retry_at.items() if at > now}
        stale = list(
            PendingUpload.objects.filter(created_at__lt=now - PENDING_UPLOAD_MAX_AGE)
            .exclude(pk__in=list(self.retry_at))
            .order_by("created_at", "pk")[: self.BATCH]
        )
        for upload in stale:
            # Stale rows are never handed out again (find_pending checks the
            # age too), so one without its file is harmless.
            try:
                if upload.file.name:
                    upload.file.storage.delete(upload.file.name)
            except Exception as exc:
                log.error("pending upload %s not deleted: %s", upload.pk, type(exc).__name__)
                self.retry_at[upload.pk] = now + self.RETRY_AFTER
                continue
            upload.delete()
        return len(stale) == self.BATCH


DUTIES = [ExtractDocumentText, PurgePendingUploads, EmbedSearchEntries]
