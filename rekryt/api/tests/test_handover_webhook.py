"""The hand-over to an HR system: marking an onboarding done tells the
endpoints `employee.handover` (signed, verified here by the Standard
Webhooks reference library, thin: ids and the document's address), and the
document at that address answers an API token as the hand-over page answers
its user: valid against docs/schemas/handover-v1.json, bank and tax details
only for admins and recruiters, audited, 404 for outsiders."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from standardwebhooks.webhooks import Webhook

from rekryt.api.models import Endpoint, EventType
from rekryt.api.tests.helpers import assert_problem, get, token_for
from rekryt.api.tests.test_webhooks import Receiver, run_worker
from rekryt.audit.models import AuditEntry
from rekryt.onboarding.actions import complete_onboarding, invite, save_pay_details
from rekryt.onboarding.tests.helpers import hire

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[3] / "docs" / "schemas" / "handover-v1.json").read_text()
)


@pytest.fixture
def receiver() -> Any:
    found = Receiver()
    yield found
    found.server.shutdown()


@pytest.fixture
def handed_over(job: Any, rita: Any) -> Any:
    onboarding = hire(job, rita, start=date(2027, 3, 1), first_name="Hemlig")
    invite(onboarding, rita)
    save_pay_details(
        onboarding, {"clearing": "6123", "account": "123456789"}, {"tax_municipality": "Solna"}
    )
    assert complete_onboarding(onboarding, rita)
    return onboarding


def test_a_done_onboarding_is_told_as_employee_handover_signed_and_thin(
    receiver, job, rita, settings
):
    endpoint = Endpoint.objects.create(
        url=receiver.url, allow_private=True, event_types=[EventType.EMPLOYEE_HANDOVER]
    )
    onboarding = hire(job, rita, first_name="Hemlig", email="hemlig@example.org")
    run_worker()
    assert receiver.types() == []  # a hire alone is not yet a hand-over
    assert complete_onboarding(onboarding, rita)
    assert not complete_onboarding(onboarding, rita)  # done once, told once
    run_worker()
    assert receiver.types() == ["employee.handover"]
    headers, body = receiver.received[0]
    message = Webhook(endpoint.secret).verify(body, {k.lower(): v for k, v in headers.items()})
    data = message["data"]
    assert data["onboarding"] == onboarding.pk
    assert data["application_id"] == onboarding.application_id
    assert data["handover_url"] == f"{settings.SITE_URL}/api/v1/handovers/{onboarding.pk}"
    assert b"Hemlig" not in body and b"hemlig@" not in body
    tampered = body.replace(b"handover", b"handout!")
    with pytest.raises(Exception, match=r"(?i)signature"):
        Webhook(endpoint.secret).verify(tampered, {k.lower(): v for k, v in headers.items()})


@pytest.mark.parametrize("who,pay", [("alice", True), ("rita", True), ("hanna", False)])
def test_the_document_answers_a_token_as_the_page_answers_its_user(
    client, handed_over, request, who, pay
):
    user = request.getfixturevalue(who)
    raw = token_for(user, ["handovers:read"])
    response = get(client, f"/api/v1/handovers/{handed_over.pk}", raw)
    assert response.status_code == 200, response.content
    data = response.json()
    jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
    assert data["name"].startswith("Hemlig")
    assert data["completed_at"] is not None
    assert ("pay" in data) is pay
    if pay:
        assert data["pay"]["bank"]["account"] == "123456789"
    page = client_json(client, user, handed_over.pk)
    assert data == page
    read = AuditEntry.objects.get(detail="api_read", target_id=str(handed_over.pk))
    assert read.actor == user and read.target_type == "onboarding.onboarding"
    assert raw not in json.dumps(read.params) and read.params["token"] == raw[:10]
    assert AuditEntry.objects.filter(detail="onboarding_pay_viewed").exists() is pay


def client_json(client: Any, user: Any, pk: int) -> dict[str, Any]:
    client.force_login(user)
    data: dict[str, Any] = client.get(f"/staff/onboarding/{pk}/handover.json").json()
    client.logout()
    return data


@pytest.mark.parametrize("who", ["otto", "ivan"])
def test_outsiders_and_interviewers_get_404(client, handed_over, request, who):
    raw = token_for(request.getfixturevalue(who))
    assert_problem(get(client, f"/api/v1/handovers/{handed_over.pk}", raw), 404)


def test_the_document_needs_its_own_scope(client, handed_over, alice):
    raw = token_for(alice, ["applications:read", "candidates:read", "offers:read"])
    assert_problem(get(client, f"/api/v1/handovers/{handed_over.pk}", raw), 403)
