"""Exports: scoped to what the user may see, blind review kept, audited,
formula-neutralised, and the JSON valid against docs/schemas/export-v1.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_application
from rekryt.audit.models import AuditEntry
from rekryt.candidates.models import Candidate
from rekryt.screening.models import BlindReview

SCHEMA = Path(__file__).resolve().parents[3] / "docs" / "schemas" / "export-v1.json"


def _body(response: Any) -> str:
    return b"".join(response.streaming_content).decode()


def test_jobs_json_validates_against_the_schema(
    client: Any, alice: Any, job: Any, other_job: Any
) -> None:
    make_application(job)
    client.force_login(alice)
    document = json.loads(_body(client.get(reverse("export_jobs"))))
    jsonschema.validate(document, json.loads(SCHEMA.read_text()))
    assert [j["id"] for j in document["jobs"]] == [job.pk, other_job.pk]
    assert document["jobs"][0]["applications"] == 1
    assert AuditEntry.objects.filter(action="export.jobs").count() == 1


def test_exports_are_scoped_to_the_users_jobs(
    client: Any, hanna: Any, job: Any, other_job: Any
) -> None:
    mine = make_application(job)
    theirs = make_application(other_job)
    client.force_login(hanna)
    document = json.loads(_body(client.get(reverse("export_jobs"))))
    assert [j["id"] for j in document["jobs"]] == [job.pk]
    csv_text = _body(client.get(reverse("export_candidates")))
    assert mine.candidate.email in csv_text and theirs.candidate.email not in csv_text


def test_candidates_under_blind_review_are_left_out(client: Any, alice: Any, job: Any) -> None:
    blind = make_application(job)
    BlindReview.objects.create(job=job, until_stage=job.stages.order_by("order").last())
    client.force_login(alice)
    csv_text = _body(client.get(reverse("export_candidates")))
    assert blind.candidate.email not in csv_text
    BlindReview.objects.all().delete()
    assert blind.candidate.email in _body(client.get(reverse("export_candidates")))


def test_candidate_csv_is_formula_neutralised(client: Any, alice: Any, job: Any) -> None:
    application = make_application(job)
    Candidate.objects.filter(pk=application.candidate_id).update(first_name="=HYPERLINK(1)")
    client.force_login(alice)
    csv_text = _body(client.get(reverse("export_candidates")))
    assert "'=HYPERLINK(1)" in csv_text
    assert AuditEntry.objects.filter(action="export.candidates").count() == 1


def test_the_candidate_export_takes_the_same_queries_at_two_sizes(
    client: Any, alice: Any, job: Any
) -> None:
    client.force_login(alice)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            _body(client.get(reverse("export_candidates")))
        return len(captured.captured_queries)

    make_application(job)
    small = queries()
    for _n in range(20):
        make_application(job)
    assert 0 < small == queries()
