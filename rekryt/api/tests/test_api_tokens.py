"""Personal API tokens: shown once, stored hashed, scoped, expiring and
revocable, managed on a staff page (own tokens; admins all), audited."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from rekryt.api.models import Token
from rekryt.api.tests.helpers import assert_problem, get, token_for
from rekryt.api.tokens import revoke_token
from rekryt.audit.models import AuditEntry

pytestmark = pytest.mark.django_db
PAGE = "/staff/settings/api-tokens/"


def make_on_page(client, who, **fields):
    client.force_login(who)
    data = {"name": "HR system", "scopes": ["jobs:read", "applications:write"], "days": 90}
    data.update(fields)
    return client.post(PAGE, data)


def shown_token(response) -> str:
    found = re.search(r'value="(rk_[A-Za-z0-9_-]+)"', response.content.decode())
    assert found, "the new token is on the page"
    return found.group(1)


def test_the_token_is_shown_once_and_only_its_hash_is_kept(client, hanna, job):
    response = make_on_page(client, hanna)
    raw = shown_token(response)
    assert response["Cache-Control"] == "no-store"
    token = Token.objects.get()
    assert token.digest == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in str(list(Token.objects.values_list()))
    assert token.user == hanna and token.scopes == ["jobs:read", "applications:write"]
    assert raw not in client.get(PAGE).content.decode()
    assert get(client, "/api/v1/jobs", raw).status_code == 200


def test_making_and_revoking_are_in_the_audit_log(client, rita):
    make_on_page(client, rita)
    token = Token.objects.get()
    client.post(f"{PAGE}{token.pk}/revoke/")
    entries = AuditEntry.objects.filter(target_type="api.token", target_id=str(token.pk))
    details = sorted(entries.values_list("detail", flat=True))
    assert details == ["api_token_created", "api_token_revoked"]
    assert entries.filter(actor=rita).count() == 2


def test_a_revoked_token_stops_working(client, alice):
    raw = token_for(alice)
    assert get(client, "/api/v1/jobs", raw).status_code == 200
    assert revoke_token(Token.objects.get())
    assert_problem(get(client, "/api/v1/jobs", raw), 401)


def test_an_expired_token_stops_working_at_its_expiry(client, alice):
    raw = token_for(alice, days=30)
    with time_machine.travel(timezone.now() + timedelta(days=29, hours=23)):
        assert get(client, "/api/v1/jobs", raw).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=30, minutes=1)):
        assert_problem(get(client, "/api/v1/jobs", raw), 401)


def test_a_deactivated_users_token_stops_working(client, rita):
    raw = token_for(rita)
    rita.is_active = False
    rita.save()
    assert_problem(get(client, "/api/v1/jobs", raw), 401)


def test_wrong_missing_and_altered_tokens_get_401_problems(client, alice):
    raw = token_for(alice)
    for header in ("", "Bearer", "Bearer rk_nope", f"Bearer {raw[:-1]}x", f"Basic {raw}"):
        response = client.get("/api/v1/jobs", HTTP_AUTHORIZATION=header)
        body = assert_problem(response, 401)
        assert raw not in body["detail"]


def test_staff_list_and_revoke_only_their_own_tokens(client, hanna, otto):
    token_for(otto)
    make_on_page(client, hanna, name="Mine")
    page = client.get(PAGE).content.decode()
    assert "Mine" in page and "otto" not in page.lower().split("acts as")[-1]
    others = Token.objects.get(user=otto)
    assert client.post(f"{PAGE}{others.pk}/revoke/").status_code == 404
    assert Token.objects.get(pk=others.pk).revoked_at is None


def test_an_admin_sees_every_token_and_makes_one_for_a_colleague(client, alice, otto):
    token_for(otto)
    response = make_on_page(client, alice, user=otto.pk, name="Service")
    made = Token.objects.get(name="Service")
    assert made.user == otto and made.created_by == alice
    assert response.content.decode().count("<tr>") == 3  # header and two tokens
    assert client.post(f"{PAGE}{Token.objects.get(name='test').pk}/revoke/").status_code == 302


def test_a_non_admin_cannot_make_a_token_for_someone_else(client, hanna, otto):
    make_on_page(client, hanna, user=otto.pk)
    assert Token.objects.get().user == hanna


def test_the_form_refuses_no_scopes_and_unknown_ones_keeping_the_name(client, hanna):
    response = make_on_page(client, hanna, scopes=[])
    assert "Choose at least one scope." in response.content.decode()
    response = make_on_page(client, hanna, scopes=["everything:write"])
    assert response.status_code == 200 and 'value="HR system"' in response.content.decode()
    assert not Token.objects.exists()


def test_the_page_is_in_swedish_too(client, hanna):
    client.cookies["django_language"] = "sv"
    client.force_login(hanna)
    page = client.get(PAGE).content.decode()
    assert "Skapa en nyckel" in page and "Make a token" not in page


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get(PAGE).status_code == 302
