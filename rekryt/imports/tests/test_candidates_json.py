"""Candidates as JSON: valid against docs/schemas/candidates-v1.json on real
output, holding only the candidates and applications the exporter may see
(none under blind review), audited as the CSV is, streamed in a number of
queries that does not grow with the candidates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_application
from rekryt.applications.actions import set_outcome
from rekryt.applications.models import Outcome
from rekryt.audit.models import AuditEntry
from rekryt.candidates.tags import add_tag
from rekryt.screening.models import BlindReview

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[3] / "docs" / "schemas" / "candidates-v1.json").read_text()
)


def export(client: Any, user: Any) -> dict[str, Any]:
    client.force_login(user)
    response = client.get(reverse("export_candidates_json"))
    assert response.status_code == 200
    assert response.streaming and response["Content-Type"] == "application/json"
    assert 'filename="candidates.json"' in response["Content-Disposition"]
    document: dict[str, Any] = json.loads(b"".join(response.streaming_content))
    return document


def by_email(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["email"]: c for c in document["candidates"]}


def test_the_export_validates_against_its_schema(client, alice, rita, job, other_job):
    first = make_application(job, first_name="Åsa", email="asa@example.org")
    make_application(other_job, first_name="Åsa", email="asa@example.org")
    add_tag(first.candidate, "Java", rita)
    set_outcome(first, Outcome.HIRED, rita)
    document = export(client, alice)
    jsonschema.validate(document, SCHEMA, format_checker=jsonschema.FormatChecker())
    asa = by_email(document)["asa@example.org"]
    assert asa["first_name"] == "Åsa" and asa["tags"] == ["Java"]
    assert [a["job_id"] for a in asa["applications"]] == [job.pk, other_job.pk]
    assert asa["applications"][0]["outcome"] == "hired"
    assert asa["applications"][0]["ended_at"] is not None
    broken = dict(document, version="2")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)
    entry = AuditEntry.objects.get(action="export.candidates")
    assert entry.detail == "json" and entry.actor == alice


def test_a_hiring_manager_gets_only_their_jobs_candidates_and_applications(
    client, hanna, job, other_job
):
    both = make_application(job, email="both@example.org")
    make_application(other_job, email="both@example.org")
    make_application(other_job, email="theirs@example.org")
    found = by_email(export(client, hanna))
    assert set(found) == {"both@example.org"}
    assert [a["id"] for a in found["both@example.org"]["applications"]] == [both.pk]
    assert other_job.title not in json.dumps(found)


def test_candidates_under_blind_review_are_left_out(client, alice, job):
    blind = make_application(job)
    BlindReview.objects.create(job=job, until_stage=job.stages.order_by("order").last())
    assert blind.candidate.email not in by_email(export(client, alice))
    BlindReview.objects.all().delete()
    assert blind.candidate.email in by_email(export(client, alice))


def test_the_export_takes_the_same_queries_at_two_sizes(client, alice, rita, job, other_job):
    client.force_login(alice)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            b"".join(client.get(reverse("export_candidates_json")).streaming_content)
        return len(captured.captured_queries)

    add_tag(make_application(job).candidate, "Java", rita)
    small = queries()
    for n in range(15):
        application = make_application(job if n % 2 else other_job)
        add_tag(application.candidate, f"tag{n}", rita)
    assert 0 < small == queries()
    assert len(export(client, alice)["candidates"]) == 16
