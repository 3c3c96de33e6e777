"""A CSV import of candidates: the uploaded file (kept only until the import
is done or cancelled), the column mapping, the legal basis the importer
recorded, and the report of rows refused."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekryt.candidates.models import Candidate
from rekryt.talentpool.models import Pool


class Status(models.TextChoices):
    MAPPING = "mapping", _("Waiting for the column mapping")
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed; nothing was imported")
    CANCELLED = "cancelled", _("Cancelled")


class LegalBasis(models.TextChoices):
    LEGITIMATE_INTEREST = "legitimate_interest", _("Legitimate interest")
    CONSENT_ELSEWHERE = "consent_elsewhere", _("Consent given elsewhere")


class Duplicates(models.TextChoices):
    SKIP = "skip", _("Skip them")
    TAGS_AND_NOTE = "tags_note", _("Add tags and note only")


def upload_path(instance: ImportJob, filename: str) -> str:
    return f"imports/{timezone.now():%Y/%m}/{instance.token}.csv"


class ImportJob(models.Model):
    token = models.CharField(max_length=32, unique=True)
    file = models.FileField(upload_to=upload_path, max_length=200, blank=True)
    original_name = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.MAPPING)
    mapping = models.JSONField(default=list)
    legal_basis = models.CharField(max_length=30, choices=LegalBasis.choices, blank=True)
    basis_note = models.TextField(max_length=2000, blank=True)
    consent_date = models.DateField(null=True, blank=True)
    duplicates = models.CharField(
        max_length=20, choices=Duplicates.choices, default=Duplicates.SKIP
    )
    # Only with consent given elsewhere (which then covers the talent pool).
    pool = models.ForeignKey(
        Pool, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rows_total = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    refused = models.JSONField(default=list)  # [[row, column, reason], ...]
    error = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"import {self.pk}"

    @property
    def active(self) -> bool:
        return self.status in (Status.QUEUED, Status.RUNNING)


class Outcome(models.TextChoices):
    CREATED = "created", _("Added")
    TAGS_NOTE = "tags_note", _("Tags and note added to a known person")


class ImportedPerson(models.Model):
    """One person an import added or added to, with the note and source from
    the file (candidates have no free-text field of their own) and the legal
    basis the importer recorded for them."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="people")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="+")
    row = models.PositiveIntegerField()
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    note = models.TextField(blank=True)
    source = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["row"]

    def __str__(self) -> str:
        return f"import {self.job_id} row {self.row}"


class ProfileEntry(models.Model):
    """What candidate search looks in for an imported person (who may have
    no application, so no SearchEntry): their name and address, the notes
    of their imports (a JSON Resume's summary, work, education and skills)
    and their tags. Found only by those who see every candidate
    (rekryt.imports.index). SQLite: FTS5 over `stems`; PostgreSQL: a stored
    tsvector (migration 0002)."""

    candidate = models.OneToOneField(
        Candidate, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    text = models.TextField(blank=True)
    stems = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"imported profile of candidate {self.candidate_id}"
