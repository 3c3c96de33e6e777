"""Import workflows: upload, preview, queue, and the import itself (run by
the worker, in one transaction so nothing is half-imported)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext

from rekryt.audit.log import record
from rekryt.candidates.models import Candidate
from rekryt.candidates.tags import tag_named
from rekryt.imports.index import index_profiles
from rekryt.imports.jsonresume import to_csv
from rekryt.imports.models import (
    Duplicates,
    ImportedPerson,
    ImportJob,
    LegalBasis,
    Outcome,
    Status,
)
from rekryt.imports.parsing import Row, check_row, guess_mapping, read_table
from rekryt.privacy.consent import record_consent
from rekryt.privacy.models import ConsentMethod, ConsentPurpose
from rekryt.talentpool.models import Intent, Member

NEW, DUPLICATE, IN_FILE, REFUSED = "new", "duplicate", "in_file", "refused"


def upload(data: bytes, name: str, *, user: Any, request: HttpRequest | None) -> ImportJob:
    """Keep the upload and guess the mapping; raises FileRefused when the
    file cannot be read at all."""
    if name.lower().endswith(".json"):
        data = to_csv(data)
    header, _rows = read_table(data)
    job = ImportJob(token=secrets.token_hex(16), original_name=name[:200], created_by=user)
    job.mapping = guess_mapping(header)
    job.file.save("upload.csv", ContentFile(data), save=False)
    job.save()
    record("import.uploaded", request=request, target=job, params={"columns": len(header)})
    return job


def table(job: ImportJob) -> tuple[list[str], list[list[str]]]:
    with job.file.open("rb") as handle:
        return read_table(handle.read())


@dataclass
class Plan:
    row: Row
    what: str  # NEW, DUPLICATE (a known person), IN_FILE (seen earlier in the file), REFUSED


def plan(job: ImportJob, header: list[str], rows: list[list[str]]) -> list[Plan]:
    """What will happen to each row."""
    checked = [check_row(n, cells, header, job.mapping) for n, cells in enumerate(rows, start=2)]
    emails = {r.email_normalised for r in checked if not r.problems}
    known = set(
        Candidate.objects.filter(email_normalised__in=emails).values_list(
            "email_normalised", flat=True
        )
    )
    seen: set[str] = set()
    plans = []
    for row in checked:
        if row.problems:
            plans.append(Plan(row, REFUSED))
        elif row.email_normalised in seen:
            plans.append(Plan(row, IN_FILE))
        else:
            seen.add(row.email_normalised)
            plans.append(Plan(row, DUPLICATE if row.email_normalised in known else NEW))
    return plans


def queue(job: ImportJob, *, request: HttpRequest) -> None:
    job.status = Status.QUEUED
    job.save()
    record("import.queued", request=request, target=job, detail=job.legal_basis)


def cancel(job: ImportJob, *, request: HttpRequest) -> None:
    job.status = Status.CANCELLED
    job.finished_at = timezone.now()
    _drop_file(job)
    job.save()
    record("import.cancelled", request=request, target=job)


def expire(job: ImportJob) -> None:
    """An upload left at the mapping step for too long is deleted."""
    job.status = Status.CANCELLED
    job.finished_at = timezone.now()
    _drop_file(job)
    job.save()
    record("import.expired", actor=job.created_by, target=job)


def _drop_file(job: ImportJob) -> None:
    if job.file:
        job.file.delete(save=False)


def run(job: ImportJob) -> None:
    """Import every acceptable row, all or nothing. The file is deleted
    afterwards either way; the report of refused rows stays."""
    header, rows = table(job)
    plans = plan(job, header, rows)
    refused = [[p.row.number, col, why] for p in plans for col, why in p.row.problems]
    for p in plans:
        if p.what == IN_FILE:
            refused.append(
                [p.row.number, "", gettext("The same email address is earlier in the file.")]
            )
    try:
        with transaction.atomic():
            created, updated = _apply(job, plans, refused)
    except Exception as error:  # the worker must record the failure, not crash
        job.status = Status.FAILED
        job.error = type(error).__name__[:300]
        job.created_count = job.updated_count = 0
    else:
        job.status = Status.DONE
        job.created_count, job.updated_count = created, updated
    job.rows_total = len(rows)
    job.refused = sorted(refused)
    job.finished_at = timezone.now()
    _drop_file(job)
    job.save()
    record(
        "import.finished",
        actor=job.created_by,
        target=job,
        detail=job.status,
        params={
            "created": job.created_count,
            "updated": job.updated_count,
            "refused": len(refused),
        },
    )


def _apply(job: ImportJob, plans: list[Plan], refused: list[list[Any]]) -> tuple[int, int]:
    created = updated = 0
    imported: list[int] = []
    targets = [p for p in plans if p.what in (NEW, DUPLICATE)]
    known = {
        c.email_normalised: c
        for c in Candidate.objects.filter(
            email_normalised__in=[p.row.email_normalised for p in targets]
        )
    }
    for p in targets:
        values = p.row.values
        candidate = known.get(p.row.email_normalised)
        if candidate is not None:
            if job.duplicates == Duplicates.SKIP:
                refused.append([p.row.number, "", gettext("Already a candidate; skipped.")])
                continue
            outcome = Outcome.TAGS_NOTE
            updated += 1
        else:
            candidate = Candidate(
                first_name=values["first_name"],
                last_name=values.get("last_name", ""),
                email=values["email"],
                phone=values.get("phone", ""),
                link=values.get("link", ""),
                language=(values.get("language") or "sv").lower(),
            )
            candidate.save()
            _record_basis(job, candidate)
            outcome = Outcome.CREATED
            created += 1
        _tag(candidate, values.get("tags", ""))
        ImportedPerson.objects.create(
            job=job,
            candidate=candidate,
            row=p.row.number,
            outcome=outcome,
            note=values.get("note", ""),
            source=values.get("source", ""),
        )
        imported.append(candidate.pk)
    # In the same transaction: a failed import leaves no entry behind.
    index_profiles(imported)
    return created, updated


def _record_basis(job: ImportJob, candidate: Candidate) -> None:
    """Consent the person gave elsewhere is recorded as theirs, with the
    date and note the importer gave; legitimate interest is recorded on the
    import itself (job.legal_basis and basis_note)."""
    if job.legal_basis != LegalBasis.CONSENT_ELSEWHERE:
        return
    purposes = [ConsentPurpose.FUTURE_CONTACT]
    if job.pool_id is not None:
        purposes.append(ConsentPurpose.TALENT_POOL)
        Member.objects.get_or_create(
            pool_id=job.pool_id, candidate=candidate, defaults={"intent": Intent.ADDED}
        )
    for purpose in purposes:
        record_consent(
            candidate,
            purpose=purpose,
            given=True,
            text=f"Consent given elsewhere on {job.consent_date}: {job.basis_note}"[:2000],
            method=ConsentMethod.STAFF,
            language=candidate.language,
            recorded_by=job.created_by,
        )


def _tag(candidate: Candidate, tags: str) -> None:
    names = [n.strip() for n in tags.replace(";", ",").split(",") if n.strip()]
    if names:
        candidate.tags.add(*[tag_named(n) for n in names[:10]])
