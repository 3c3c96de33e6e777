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


class TagColour(models.TextChoices):
    """Background and text pairs that keep a contrast of at least 4.5:1."""

    BLUE = "blue", _("Blue")
    GREEN = "green", _("Green")
    AMBER = "amber", _("Amber")
    RED = "red", _("Red")
    PURPLE = "purple", _("Purple")
    GREY = "grey", _("Grey")


class Tag(models.Model):
    """An organisation-wide label on candidates ("Java", "Talang 2027"),
    filterable on every board."""

    name = models.CharField(_("name"), max_length=40, unique=True)
    colour = models.CharField(
        _("colour"), max_length=10, choices=TagColour.choices, default=TagColour.BLUE
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CandidateQuerySet(models.QuerySet["Candidate"]):
    def visible_to(self, user: User) -> CandidateQuerySet:
        """Staff see a candidate when they may see one of their applications' jobs."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.sees_all_jobs:
            return self.all()
        return self.filter(applications__job__team=user).distinct()


class Candidate(models.Model):
    """One person, found by their email address.

    The name and contact details here are the person's own: set from their
    first application and changed only by someone who proves they hold the
    address (a portal session, reached through a link sent to it). What each
    later application typed is kept on the application (its snapshot)."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    email = models.EmailField(_("email"), max_length=254)
    email_normalised = models.CharField(max_length=254, unique=True, editable=False)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    link = models.URLField(_("LinkedIn or portfolio"), max_length=500, blank=True)
    language = models.CharField(max_length=2, default="sv")
    surveys_opt_out = models.BooleanField(_("does not want surveys"), default=False)
    # When the owner of the address last made these details their own (from
    # the portal). Until then they are what the first application submitted.
    details_confirmed_at = models.DateTimeField(null=True, blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="candidates")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CandidateQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["last_name", "first_name"], name="candidate_name"),
            # The REST API's pages in update order (`updated_since` syncs).
            models.Index(fields=["updated_at", "id"], name="candidate_updated"),
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
    # Sent with a form repeated for a job already applied for: not the
    # application's until the candidate adds it (applications.Resubmission).
    resubmission = models.ForeignKey(
        "applications.Resubmission",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
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
            # The board's "has a CV" check. Partial, so that documents without
            # an application (a repeated form not yet confirmed) do not make
            # the index look unselective once SQLite has table statistics.
            models.Index(
                fields=["application", "kind"],
                name="document_application_kind",
                condition=Q(application__isnull=False),
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
    """What candidate search looks in, one row per application, so a search
    only ever matches text from applications the searcher may see.

    `details`: the application's submitted name and contact details, its
    texts and the candidate's own name and address (written by
    `applications`); `documents`: the extracted text of the documents sent
    with it (written by the extraction duty here). The full-text index (SQLite
    FTS5 or a PostgreSQL GIN index, see `rekryt.candidates.search`) covers
    both."""

    application = models.OneToOneField(
        "applications.Application",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_entry",
    )
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="+")
    # The application's job, copied here so PostgreSQL's index can hold a
    # word naming it (see rekryt.candidates.search): a search by someone
    # who sees a few jobs narrows inside the GIN index, as FTS5 does.
    job = models.ForeignKey(
        "jobs.Job", on_delete=models.CASCADE, null=True, related_name="+", db_index=False
    )
    details = models.TextField(blank=True)
    documents = models.TextField(blank=True)
    # SQLite only: the words of both, stemmed in Swedish then in English
    # (rekryt.candidates.query.stemmed_text), which the FTS5 table indexes.
    stems = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"search entry for application {self.application_id}"


class Embedding(models.Model):
    """The semantic re-ranking's vector for one search entry (only with
    SEMANTIC_SEARCH): 384 little-endian float32 values, written by the duty
    `embed_search_entries`; empty while the entry waits (a changed entry is
    queued again by `search.index_details` / `index_documents`)."""

    entry = models.OneToOneField(
        SearchEntry, on_delete=models.CASCADE, primary_key=True, related_name="embedding"
    )
    vector = models.BinaryField(null=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["entry"], name="embedding_pending", condition=Q(vector=None))
        ]

    def __str__(self) -> str:
        return f"embedding of search entry {self.entry_id}"


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
