"""A CV on the registration form: the apply form's checks (size cap while
streaming, content sniffing in `rekryt.lib.sniff`), kept across a failed
submit as a pending upload, stored as a candidate Document (no application),
its text extracted by the extraction duty and then added to the member's
search entry by `IndexPoolCVs` in the same lane."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import connection, transaction
from django.utils.translation import gettext as _

from rekryt.candidates import query as q
from rekryt.candidates.models import Document, DocumentKind, PendingUpload, TextStatus
from rekryt.candidates.pending import discard_pending, find_pending, store_pending
from rekryt.candidates.search import words_of
from rekryt.lib.duty import EXTRACTION, Duty
from rekryt.lib.middleware import too_large_message
from rekryt.lib.sniff import Checked, RejectedFile, check_document
from rekryt.talentpool.index import index_member
from rekryt.talentpool.models import Member, MemberDocument, MemberEntry

MAX_CV_TEXT = 20000


class CVUpload:
    """The CV field's state on one form: a fresh file or one kept earlier."""

    def __init__(self, data: Any, oversized: set[str]) -> None:
        self.token = str(data.get("cv_token", ""))[:100] if data else ""
        self.oversized = "cv" in oversized
        self.fresh: tuple[Any, Checked] | None = None
        self.kept: PendingUpload | None = find_pending(self.token) if self.token else None

    def clean(self, file: Any) -> Any:
        if self.oversized:
            raise forms.ValidationError(too_large_message(), code="too_large")
        if not file:
            if self.token and self.kept is None:
                raise forms.ValidationError(
                    _("The file you attached earlier has expired. Please choose it again."),
                    code="expired",
                )
            return None
        try:
            self.fresh = (file, check_document(file))
        except RejectedFile as exc:
            raise forms.ValidationError(exc.message, code="rejected") from None
        return file

    def keep(self) -> str:
        """Before the form is shown again: keep a good file; its name."""
        if self.fresh is not None:
            file, checked = self.fresh
            token, pending = store_pending(
                file,
                original_name=checked.original_name,
                content_type=checked.content_type,
                size=checked.size,
                sha256=checked.sha256,
            )
            if self.kept is not None:
                discard_pending(self.kept)
            self.token, self.kept, self.fresh = token, pending, None
        return self.kept.original_name if self.kept is not None else ""

    def save(self, member: Member) -> Document | None:
        """Store the CV as the member's document (in the caller's transaction)."""
        if self.fresh is not None:
            file, checked = self.fresh
            name, ctype, size, sha = (
                checked.original_name,
                checked.content_type,
                checked.size,
                checked.sha256,
            )
        elif self.kept is not None:
            file, pending = self.kept.file, self.kept
            file.open("rb")
            name, ctype, size, sha = (
                pending.original_name,
                pending.content_type,
                pending.size,
                pending.sha256,
            )
        else:
            return None
        file.seek(0)
        doc = Document(
            candidate=member.candidate,
            kind=DocumentKind.CV,
            original_name=name,
            content_type=ctype,
            size=size,
            sha256=sha,
        )
        doc.file.save("upload", file, save=False)
        doc.save()
        MemberDocument.objects.create(member=member, document=doc)
        if self.kept is not None:
            self.kept.file.close()
            discard_pending(self.kept)
        return doc


def reindex(member: Member) -> None:
    """The member's search entry, with the text of their extracted CVs."""
    index_member(member)
    texts = Document.objects.filter(
        pool_member__member=member, text_status=TextStatus.DONE
    ).values_list("text", flat=True)
    cv_text = " ".join(texts)[:MAX_CV_TEXT]
    if not cv_text:
        return
    entry = MemberEntry.objects.get(member=member)
    entry.text = words_of(entry.text, cv_text)
    entry.stems = "" if connection.vendor == "postgresql" else q.stemmed_text(entry.text)
    entry.save(update_fields=["text", "stems"])


class IndexPoolCVs(Duty):
    """Add a registration CV's text to its member's search entry once the
    extraction duty is done with it (a failed extraction is just marked)."""

    name = "talentpool_index_cvs"
    lane = EXTRACTION

    def handle_one(self) -> bool:
        finished = [TextStatus.DONE, TextStatus.FAILED]
        link = (
            MemberDocument.objects.filter(indexed=False, document__text_status__in=finished)
            .select_related("member__pool", "member__candidate")
            .order_by("pk")
            .first()
        )
        if link is None:
            return False
        with transaction.atomic():
            reindex(link.member)
            MemberDocument.objects.filter(pk=link.pk).update(indexed=True)
        return True
