"""Every error is an RFC 9457 problem; a token over its rate limit gets 429
with Retry-After; an Idempotency-Key replays the first answer."""

from __future__ import annotations

import pytest

from conftest import make_application
from rekryt.api.models import IdempotentRequest
from rekryt.api.tests.helpers import assert_problem, auth, get, post, token_for
from rekryt.api.v1 import auth as api_auth
from rekryt.api.v1.idempotency import purge
from rekryt.applications.models import Application, EventKind

pytestmark = pytest.mark.django_db


def test_each_kind_of_error_is_a_problem(client, alice, hanna, other_job, job):
    raw = token_for(alice)
    assert_problem(client.get("/api/v1/jobs"), 401)
    assert_problem(get(client, "/api/v1/jobs", token_for(alice, ["tags:read"])), 403)
    assert_problem(get(client, "/api/v1/jobs/999999", raw), 404)
    assert_problem(get(client, "/api/v1/no/such/thing", raw), 404)
    assert_problem(get(client, f"/api/v1/jobs/{other_job.pk}", token_for(hanna)), 404)
    assert_problem(get(client, "/api/v1/jobs/not-a-number", raw), 422)
    assert_problem(post(client, "/api/v1/applications", raw, {"job_id": "x"}), 422)
    bad = client.post("/api/v1/applications", "{oops", content_type="application/json", **auth(raw))
    assert_problem(bad, 400)
    wrong_method = client.put("/api/v1/jobs", **auth(raw))
    assert assert_problem(wrong_method, 405) and wrong_method["Allow"]


def test_validation_problems_say_where_without_echoing_the_input(client, alice, job):
    body = assert_problem(
        post(
            client, "/api/v1/applications", token_for(alice), {"job_id": job.pk, "email": "s3cret"}
        ),
        422,
    )
    assert "s3cret" not in str(body)
    assert ["body", "body", "first_name"] in [e["loc"] for e in body["errors"]]


def test_a_token_over_its_limit_gets_429_with_retry_after(client, alice, monkeypatch):
    monkeypatch.setattr(api_auth, "RATE_PER_MINUTE", 3)
    raw, other = token_for(alice), token_for(alice)
    for _ in range(3):
        assert get(client, "/api/v1/tags", raw).status_code == 200
    response = get(client, "/api/v1/tags", raw)
    assert_problem(response, 429)
    assert 1 <= int(response["Retry-After"]) <= 61
    # The limit is the token's: another token of the same user is not held back.
    assert get(client, "/api/v1/tags", other).status_code == 200


def test_the_same_key_and_body_replay_the_first_answer(client, alice, job):
    application = make_application(job)
    raw = token_for(alice)
    url = f"/api/v1/applications/{application.pk}/notes"
    first = post(client, url, raw, {"body": "Call back"}, HTTP_IDEMPOTENCY_KEY="note-1")
    again = post(client, url, raw, {"body": "Call back"}, HTTP_IDEMPOTENCY_KEY="note-1")
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json() and again["Idempotent-Replayed"] == "true"
    assert application.notes.count() == 1
    assert application.events.filter(kind=EventKind.NOTE_ADDED).count() == 1
    # Without a key, or with another, the work is done again.
    post(client, url, raw, {"body": "Call back"})
    post(client, url, raw, {"body": "Call back"}, HTTP_IDEMPOTENCY_KEY="note-2")
    assert application.notes.count() == 3


def test_the_same_key_with_another_body_is_a_422_problem(client, alice, job):
    application = make_application(job)
    raw = token_for(alice)
    url = f"/api/v1/applications/{application.pk}/notes"
    post(client, url, raw, {"body": "One"}, HTTP_IDEMPOTENCY_KEY="k")
    body = assert_problem(post(client, url, raw, {"body": "Two"}, HTTP_IDEMPOTENCY_KEY="k"), 422)
    assert body["type"].endswith("idempotency-key-reused")
    assert application.notes.count() == 1


def test_keys_are_per_token(client, alice, rita, job):
    application = make_application(job)
    url = f"/api/v1/applications/{application.pk}/notes"
    post(client, url, token_for(alice), {"body": "Same"}, HTTP_IDEMPOTENCY_KEY="k")
    post(client, url, token_for(rita), {"body": "Same"}, HTTP_IDEMPOTENCY_KEY="k")
    assert application.notes.count() == 2


def test_a_replayed_candidate_is_made_once(client, alice, job):
    raw = token_for(alice)
    body = {"job_id": job.pk, "first_name": "Sara", "email": "sara@example.net"}
    first = post(client, "/api/v1/applications", raw, body, HTTP_IDEMPOTENCY_KEY="sara")
    again = post(client, "/api/v1/applications", raw, body, HTTP_IDEMPOTENCY_KEY="sara")
    assert first.status_code == again.status_code == 201
    assert Application.objects.filter(email="sara@example.net").count() == 1


def test_old_keys_are_purged_after_a_day(client, alice, job):
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    application = make_application(job)
    post(
        client,
        f"/api/v1/applications/{application.pk}/notes",
        token_for(alice),
        {"body": "x"},
        HTTP_IDEMPOTENCY_KEY="k",
    )
    assert purge() == 0
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        assert purge() == 1
    assert not IdempotentRequest.objects.exists()
