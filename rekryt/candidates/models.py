from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from rekryt.accounts.models import User


def normalise_email(email: str) -> str:
    """One person, one row: compare addresses case-insensitively and trimmed.

    Gmail-style dots and plus tags are kept: they can be different inboxes on
    other providers, and merging two people is worse than one duplicate."""
    return email.strip().lower()


class CandidateQuerySet(models.QuerySet["Candidate"]):
    def visible_to(self, user: User) -> CandidateQuerySet:
        """Staff see a candidate when they may see one of their applications' jobs."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.sees_all_jobs:
            return self.all()
        return self.filter(applications__job__team=user).distinct()


class Candidate(models.Model):
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    email = models.EmailField(_("email"), max_length=254)
    email_normalised = models.CharField(max_length=254, unique=True, editable=False)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    link = models.URLField(_("LinkedIn or portfolio"), max_length=500, blank=True)
    language = models.CharField(max_length=2, default="sv")
    surveys_opt_out = models.BooleanField(_("does not want surveys"), default=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CandidateQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["last_name", "first_name"], name="candidate_name"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: object, **kwargs: object) -> None:
        self.email_normalised = normalise_email(self.email)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class DocumentKind(models.TextChoices):
    CV = "cv", _("CV")
    COVER_LETTER = "cover_letter", _("Cover letter")
    OTHER = "other", _("Other")


class TextStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for text extraction")
    DONE = "done", _("Text extracted")
    FAILED = "failed", _("Text could not be extracted")


def document_path(instance: Document, filename: str) -> str:
    # Generated names only: nothing the uploader chose reaches the file system.
    return f"documents/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


class Document(models.Model):
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="documents")
    application = models.ForeignKey(
        "applications.Application",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    kind = models.CharField(max_length=20, choices=DocumentKind.choices, default=DocumentKind.CV)
    file = models.FileField(upload_to=document_path, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    # Text extraction (duty: rekryt.candidates.duties.extract_document_text)
    text = models.TextField(blank=True)
    text_status = models.CharField(
        max_length=10, choices=TextStatus.choices, default=TextStatus.PENDING
    )
    text_error = models.CharField(max_length=300, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["created_at"],
                name="document_text_pending",
                condition=Q(text_status="pending"),
            ),
        ]

    def __str__(self) -> str:
        return self.original_name

    @property
    def extension(self) -> str:
        return {
            "application/pdf": "pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
            "application/vnd.oasis.opendocument.text": "odt",
        }.get(self.content_type, "bin")


class SearchEntry(models.Model):
    """Text the candidate search looks in: name, email and extracted documents.

    Kept in its own table so the full-text index (SQLite FTS5 or a PostgreSQL
    GIN index, see `rekryt.candidates.search`) covers one column."""

    candidate = models.OneToOneField(
        Candidate, on_delete=models.CASCADE, primary_key=True, related_name="search_entry"
    )
    document = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"search entry for candidate {self.candidate_id}"


class PendingUpload(models.Model):
    """A file that passed every check on a form that failed for another reason.

    The re-shown form carries `token` in a hidden field, so the candidate does
    not have to choose the file again. Unclaimed rows are removed by the duty
    `rekryt.candidates.duties.purge_pending_uploads` after a day."""

    token = models.CharField(max_length=64, unique=True)
    file = models.FileField(upload_to=document_path, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return self.original_name
