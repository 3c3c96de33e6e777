"""schemathesis fuzzes every operation of the OpenAPI document against the
WSGI app, as a token with every scope on demo-like data: no 500s, every
status, content type, header and body as the document says."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from conftest import make_application, make_job, make_user
from rekryt.accounts.models import Role
from rekryt.api.tests.helpers import token_for
from rekryt.api.v1 import auth as api_auth
from rekryt.applications.actions import add_note
from rekryt.candidates.tags import add_tag
from rekryt.interviews import scheduling
from rekryt.interviews.models import Scorecard
from rekryt.interviews.tests.helpers import plan
from rekryt.offers.models import Offer
from rekryt.screening.models import Question, QuestionKind

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def demo_like() -> dict[str, int]:
    rita = make_user("rita", Role.RECRUITER)
    inga = make_user("inga", Role.INTERVIEWER)
    job = make_job(recruiter=rita)
    job.team.add(inga)
    make_job(recruiter=rita, publish=False, title="Draft")
    applications = [make_application(job) for _ in range(3)]
    add_note(applications[0], rita, "Strong portfolio, call back.")
    add_tag(applications[0].candidate, "Java", rita)
    interview = scheduling.book_directly(
        applications[1], plan(job), timezone.now() + timedelta(days=2), [inga], rita
    )
    Scorecard.objects.create(interview=interview, interviewer=inga, submitted_at=timezone.now())
    offer = Offer.objects.create(
        application=applications[1],
        title="Backend Developer",
        salary=52000,
        start_date=date.today() + timedelta(days=60),
        expires_on=date.today() + timedelta(days=7),
    )
    question = Question.objects.create(
        text_sv="Körkort?", text_en="Driving licence?", kind=QuestionKind.YES_NO
    )
    first = applications[0]
    # Real ids for the path parameters of the positive examples.
    return {
        "job_id": job.pk,
        "stage_id": first.stage_id,
        "candidate_id": first.candidate_id,
        "application_id": first.pk,
        "note_id": first.notes.get().pk,
        "tag_id": first.candidate.tags.get().pk,
        "question_id": question.pk,
        "interview_id": interview.pk,
        "scorecard_id": interview.scorecards.get().pk,
        "offer_id": offer.pk,
    }


@pytest.fixture
def api_schema(db: Any, org: Any, alice: Any, monkeypatch: Any) -> Iterator[Any]:
    monkeypatch.setattr(api_auth, "RATE_PER_MINUTE", 100_000)
    known = demo_like()
    # As Django's test client does: a request's end must not close the test's
    # connection (and with it the transaction holding the data).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
        schema.token = token_for(alice)  # type: ignore[attr-defined]
        schema.known = known  # type: ignore[attr-defined]
        yield schema
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


EXAMPLES = settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def test_the_api_keeps_to_its_openapi_document(api_schema: Any) -> None:
    headers = {"Authorization": f"Bearer {api_schema.token}"}
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 25

    statuses: Counter[int] = Counter()
    for operation in operations:
        path = {k: v for k, v in api_schema.known.items() if f"{{{k}}}" in operation.path}
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            real = {"path_parameters": path} if mode == GenerationMode.POSITIVE else {}

            @EXAMPLES
            @given(case=operation.as_strategy(mode, **real))
            def check(case: Any) -> None:
                response = case.call_and_validate(headers=headers, checks=CHECKS)
                statuses[response.status_code] += 1

            check()
    # It reached the data, and refused what was wrong.
    assert statuses[200] > 50 and statuses[201] and statuses[422] > 20, statuses
