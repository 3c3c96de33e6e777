"""Reading personal data through the API is audited as reading it in the
pages is: one entry per candidate or application read, naming the token's
user and the token (its id and shown prefix, never the secret), written in
one INSERT per page so a list's queries do not grow with its rows."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import make_application
from rekryt.api.models import Token
from rekryt.api.tests.helpers import assert_problem, get, ids, token_for
from rekryt.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def reads() -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(detail="api_read").order_by("pk"))


def test_reading_a_candidate_names_the_user_and_the_token_not_its_secret(client, hanna, job):
    application = make_application(job)
    raw = token_for(hanna, ["candidates:read"])
    token = Token.objects.get(user=hanna)
    response = get(client, f"/api/v1/candidates/{application.candidate_id}", raw)
    assert response.status_code == 200
    (entry,) = reads()
    assert (entry.actor, entry.actor_label, entry.action) == (hanna, "hanna", "view")
    assert (entry.target_type, entry.target_id) == (
        "candidates.candidate",
        str(application.candidate_id),
    )
    assert entry.params == {"token_id": token.pk, "token": token.prefix}
    assert entry.path == f"/api/v1/candidates/{application.candidate_id}"
    stored = json.dumps([entry.params, entry.path, entry.summary, entry.user_agent])
    assert raw not in stored and raw[len(token.prefix) :] not in stored


def test_reading_an_application_and_a_list_writes_one_entry_per_row(client, rita, job):
    applications = [make_application(job) for _ in range(3)]
    raw = token_for(rita, ["applications:read"])
    assert get(client, f"/api/v1/applications/{applications[0].pk}", raw).status_code == 200
    listed = ids(get(client, "/api/v1/applications?limit=2", raw))
    assert len(listed) == 2
    assert [(e.target_type, e.target_id) for e in reads()] == [
        ("applications.application", str(pk)) for pk in [applications[0].pk, *listed]
    ]
    assert {e.actor for e in reads()} == {rita}


def test_what_is_not_read_is_not_recorded(client, otto, alice, job):
    application = make_application(job)
    assert_problem(get(client, f"/api/v1/applications/{application.pk}", token_for(otto)), 404)
    assert ids(get(client, "/api/v1/candidates", token_for(otto))) == []
    assert_problem(get(client, "/api/v1/candidates", token_for(alice, ["jobs:read"])), 403)
    assert reads() == []


def test_a_list_writes_its_entries_in_the_same_queries_at_two_sizes(client, alice, job):
    raw = token_for(alice, ["candidates:read"])
    make_application(job)
    get(client, "/api/v1/candidates?limit=50", raw)  # the first use stamps last_used_at

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert get(client, "/api/v1/candidates?limit=50", raw).status_code == 200
        return len(captured.captured_queries)

    small = queries()
    for _n in range(12):
        make_application(job)
    before = len(reads())
    assert small == queries()
    assert len(reads()) - before == 13


def test_the_audit_log_describes_an_api_read(client, alice, job):
    application = make_application(job)
    raw = token_for(alice, ["applications:read"])
    get(client, f"/api/v1/applications/{application.pk}", raw)
    client.force_login(alice)
    page = client.get("/staff/audit/").content.decode()
    assert f"Read through the API with the token {raw[:10]}…" in page
    assert raw not in page
