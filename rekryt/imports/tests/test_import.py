"""CSV imports through the staff pages and the worker duty."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from rekryt.audit.models import AuditEntry
from rekryt.candidates.models import Candidate
from rekryt.imports import duties
from rekryt.imports.models import ImportedPerson, ImportJob, Status
from rekryt.messaging.models import Message
from rekryt.privacy.models import Consent

GOOD = (
    "Förnamn;Efternamn;E-post;Telefon;Taggar;Anteckning\n"
    "Åsa;Öberg;asa@example.com;+46 70 123 45 67;java, senior;Met at the fair\n"
    "Bo;Ek;bo@example.com;;;\n"
)


def _upload(client: Any, text: str | bytes, name: str = "people.csv") -> Any:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return client.post(reverse("import_upload"), {"file": SimpleUploadedFile(name, data)})


def _confirm(client: Any, job: ImportJob, **extra: str) -> Any:
    data = {f"column_{i}": f for i, f in enumerate(job.mapping)}
    data |= {
        "legal_basis": "legitimate_interest",
        "basis_note": "Met at the fair",
        "duplicates": "skip",
    }
    data |= extra
    return client.post(reverse("import_mapping", args=[job.token]), data | {"confirm": "1"})


def _run() -> None:
    duty = duties.RunImports()
    while duty.handle_one():
        pass


@pytest.fixture
def recruiter(client: Any, rita: Any, org: Any, settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path
    client.force_login(rita)
    return client


def test_happy_path_semicolon_csv_with_swedish_headers(recruiter: Any) -> None:
    response = _upload(recruiter, GOOD)
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert job.mapping == ["first_name", "last_name", "email", "phone", "tags", "note"]
    preview = recruiter.get(reverse("import_mapping", args=[job.token]))
    assert "Added as a new candidate" in preview.content.decode()
    _confirm(recruiter, job)
    job.refresh_from_db()
    assert job.status == Status.QUEUED
    _run()
    job.refresh_from_db()
    assert job.status == Status.DONE and job.created_count == 2
    asa = Candidate.objects.get(email="asa@example.com")
    assert (asa.first_name, asa.last_name, asa.phone) == ("Åsa", "Öberg", "+46 70 123 45 67")
    assert sorted(asa.tags.values_list("name", flat=True)) == ["java", "senior"]
    assert ImportedPerson.objects.get(candidate=asa).note == "Met at the fair"
    assert not job.file  # the upload is gone once the import is done
    assert job.legal_basis == "legitimate_interest" and job.basis_note == "Met at the fair"
    assert len(mail.outbox) == 0 and not Message.objects.exists()
    assert not Consent.objects.exists()  # no consent nobody gave
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"import.uploaded", "import.queued", "import.finished"} <= actions


def test_consent_given_elsewhere_is_recorded_with_its_date(recruiter: Any) -> None:
    _upload(recruiter, GOOD)
    job = ImportJob.objects.get()
    _confirm(recruiter, job, legal_basis="consent_elsewhere", consent_date="2026-11-02")
    _run()
    consents = Consent.objects.filter(given=True, method="staff")
    assert consents.count() == 2
    assert "2026-11-02" in consents.first().text  # type: ignore[union-attr]


def test_consent_elsewhere_without_a_date_is_refused_and_nothing_queued(recruiter: Any) -> None:
    _upload(recruiter, GOOD)
    job = ImportJob.objects.get()
    response = _confirm(recruiter, job, legal_basis="consent_elsewhere")
    assert response.status_code == 200
    job.refresh_from_db()
    assert job.status == Status.MAPPING


@pytest.mark.parametrize(
    "encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("cp1252", b"")]
)
def test_encodings_are_detected(recruiter: Any, encoding: str, bom: bytes) -> None:
    data = bom + "Förnamn,E-post\nÅsa,asa@example.com\n".encode(encoding)
    _upload(recruiter, data)
    job = ImportJob.objects.get()
    _confirm(recruiter, job)
    _run()
    assert Candidate.objects.get().first_name == "Åsa"


def test_a_broken_encoding_is_a_clear_message(recruiter: Any) -> None:
    response = _upload(recruiter, b"\xff\xfe\x00\xd8" + b"\x00" * 7)
    assert response.status_code == 200
    assert "encoding could not be read" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_duplicates_existing_and_within_file(recruiter: Any) -> None:
    known = Candidate.objects.create(first_name="Old", email="ASA@example.com", phone="1")
    text = GOOD + "Åsa again;X;asa@example.com;;;\nBo;Ek;BO@example.com;;;\n"
    _upload(recruiter, text)
    job = ImportJob.objects.get()
    preview = recruiter.get(reverse("import_mapping", args=[job.token])).content.decode()
    assert "Already a candidate: skipped" in preview and "Repeated in the file" in preview
    _confirm(recruiter, job, duplicates="tags_note")
    _run()
    job.refresh_from_db()
    known.refresh_from_db()
    assert (known.first_name, known.phone) == ("Old", "1")  # confirmed details untouched
    assert sorted(known.tags.values_list("name", flat=True)) == ["java", "senior"]
    assert (job.created_count, job.updated_count) == (1, 1)
    assert sorted(r[0] for r in job.refused) == [4, 5]
    assert Candidate.objects.count() == 2


def test_hostile_rows_are_refused_row_by_row(recruiter: Any) -> None:
    text = (
        "first name,email,note,linkedin\n"
        "=cmd(),a@example.com,,\n"
        "Bo,not-an-email,,\n"
        "Cy,c@example.com,bad\x07bell,\n"
        f"Di,d@example.com,{'x' * 4001},\n"
        "Ed,e@example.com,,javascript:alert(1)\n"
        "Fi,f@example.com,@SUM(A1),\n"
        "Gun,g@example.com,fine,https://www.linkedin.com/in/gun\n"
    )
    _upload(recruiter, text)
    job = ImportJob.objects.get()
    _confirm(recruiter, job)
    _run()
    job.refresh_from_db()
    assert list(Candidate.objects.values_list("first_name", flat=True)) == ["Gun"]
    assert sorted({r[0] for r in job.refused}) == [2, 3, 4, 5, 6, 7]
    assert [str(job.refused[0][0]), job.refused[0][1]] == ["2", "first name"]
    report = recruiter.get(reverse("import_report", args=[job.token]))
    body = b"".join(report.streaming_content if report.streaming else [report.content]).decode()
    assert "'@SUM" not in body  # the value itself is never in the report
    assert "row,column,reason" in body


def test_too_many_columns_is_refused_whole(recruiter: Any) -> None:
    response = _upload(recruiter, ",".join(f"c{i}" for i in range(60)) + "\n")
    assert "more than 50 columns" in response.content.decode()


def test_a_failure_mid_import_leaves_nothing_imported(recruiter: Any) -> None:
    _upload(recruiter, GOOD)
    job = ImportJob.objects.get()
    _confirm(recruiter, job)
    real = ImportedPerson.objects.create
    calls = []

    def failing(**kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("database went away")
        return real(**kwargs)

    with mock.patch.object(ImportedPerson.objects, "create", side_effect=failing):
        _run()
    job.refresh_from_db()
    assert job.status == Status.FAILED and job.created_count == 0
    assert not Candidate.objects.exists() and not ImportedPerson.objects.exists()
    page = recruiter.get(reverse("import_progress", args=[job.token])).content.decode()
    assert "nothing was imported" in page


def test_progress_page_refreshes_without_javascript_until_done(recruiter: Any) -> None:
    _upload(recruiter, GOOD)
    job = ImportJob.objects.get()
    _confirm(recruiter, job)
    page = recruiter.get(reverse("import_progress", args=[job.token])).content.decode()
    assert 'http-equiv="refresh"' in page and 'role="status"' in page
    _run()
    page = recruiter.get(reverse("import_progress", args=[job.token])).content.decode()
    assert 'http-equiv="refresh"' not in page


def test_cancel_deletes_the_upload(recruiter: Any) -> None:
    _upload(recruiter, GOOD)
    job = ImportJob.objects.get()
    path = job.file.path
    recruiter.post(reverse("import_cancel", args=[job.token]))
    job.refresh_from_db()
    assert job.status == Status.CANCELLED and not job.file
    import os

    assert not os.path.exists(path)


def test_an_abandoned_upload_is_deleted_after_seven_days(recruiter: Any) -> None:
    _upload(recruiter, GOOD)
    job = ImportJob.objects.get()
    with time_machine.travel(timezone.now() + timedelta(days=6, hours=23)):
        _run()
    job.refresh_from_db()
    assert job.status == Status.MAPPING and job.file
    with time_machine.travel(timezone.now() + timedelta(days=7, hours=1)):
        _run()
    job.refresh_from_db()
    assert job.status == Status.CANCELLED and not job.file


@pytest.mark.parametrize("who", ["hanna", "ivan"])
def test_hiring_managers_and_interviewers_cannot_import(
    client: Any, who: str, request: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("import_upload")).status_code == 404
    assert _upload(client, GOOD).status_code == 404
    assert not ImportJob.objects.exists()


def test_json_resume_becomes_a_candidate_with_a_text_profile(recruiter: Any) -> None:
    resume = {
        "basics": {
            "name": "Karin Lund",
            "email": "karin@example.com",
            "phone": "+46 8 123 456",
            "profiles": [{"network": "LinkedIn", "url": "https://www.linkedin.com/in/karin"}],
        },
        "work": [{"name": "Acme AB", "position": "Developer", "startDate": "2019-01"}],
        "education": [{"institution": "KTH", "area": "Computer Science", "studyType": "MSc"}],
        "skills": [{"name": "Django"}, {"name": "PostgreSQL"}],
    }
    import json

    _upload(recruiter, json.dumps(resume), name="karin.json")
    job = ImportJob.objects.get()
    _confirm(recruiter, job)
    _run()
    karin = Candidate.objects.get()
    assert (karin.first_name, karin.last_name, karin.email) == (
        "Karin",
        "Lund",
        "karin@example.com",
    )
    assert karin.link == "https://www.linkedin.com/in/karin"
    assert sorted(karin.tags.values_list("name", flat=True)) == ["Django", "PostgreSQL"]
    person = ImportedPerson.objects.get()
    assert (
        "Developer, Acme AB (2019-01)" in person.note
        and "MSc, Computer Science, KTH" in person.note
    )
    assert person.source == "JSON Resume"


def test_a_json_file_that_is_no_resume_is_a_clear_message(recruiter: Any) -> None:
    response = _upload(recruiter, "[1, 2]", name="x.json")
    assert "not a JSON Resume" in response.content.decode()


def test_import_pages_take_the_same_queries_at_two_sizes(recruiter: Any) -> None:
    def imports(n: int) -> ImportJob:
        for _i in range(n):
            _upload(recruiter, GOOD)
        return ImportJob.objects.first()  # type: ignore[return-value]

    def queries(job: ImportJob) -> int:
        with CaptureQueriesContext(connection) as captured:
            recruiter.get(reverse("import_upload"))
            recruiter.get(reverse("import_progress", args=[job.token]))
            recruiter.get(reverse("import_mapping", args=[job.token]))
        return len(captured.captured_queries)

    small = queries(imports(1))
    assert 0 < small == queries(imports(5))


def _pool(owner: Any) -> Any:
    from rekryt.talentpool.models import Pool, PoolKind

    return Pool.objects.create(
        kind=PoolKind.AREA, name_sv="Utveckling", name_en="Engineering", slug="dev", owner=owner
    )


def test_a_talent_pool_only_with_consent(recruiter: Any, rita: Any) -> None:
    from rekryt.talentpool.models import Member

    pool = _pool(rita)
    _upload(recruiter, GOOD)
    job = ImportJob.objects.get()
    refused = _confirm(recruiter, job, pool=str(pool.pk))  # legitimate interest
    assert "needs the people" in refused.content.decode()
    job.refresh_from_db()
    assert job.status == Status.MAPPING
    _confirm(
        recruiter,
        job,
        pool=str(pool.pk),
        legal_basis="consent_elsewhere",
        consent_date="2026-11-02",
    )
    _run()
    assert Member.objects.filter(pool=pool).count() == 2
    assert Consent.objects.filter(purpose="talent_pool", given=True).count() == 2
    assert len(mail.outbox) == 0 and not Message.objects.exists()
