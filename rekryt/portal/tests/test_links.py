"""Link handling: scanners change nothing, the POST swaps the token for a
session, and every link that does not work gets the same answer."""

from datetime import timedelta

import pytest
import time_machine
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import make_application
from rekryt.applications.actions import queue_email
from rekryt.candidates.portal_session import CANDIDATE_KEY
from rekryt.portal.models import PortalToken
from rekryt.portal.tests.conftest import link_for, sign_in
from rekryt.portal.tokens import hash_token, mint

pytestmark = pytest.mark.django_db


def row(link):
    return PortalToken.objects.get(token_hash=hash_token(link.split("/")[3]))


def test_it_stores_only_the_hash_of_a_long_random_token(application):
    raw = mint(application.candidate)
    token = PortalToken.objects.get(token_hash=hash_token(raw))
    assert len(raw) >= 43  # 32 random bytes
    assert raw not in token.token_hash
    assert token.expires_at - token.created_at == timedelta(days=90)


def test_it_changes_nothing_when_a_scanner_opens_the_link(client, application):
    link = link_for(application)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(link)
    assert response.status_code == 200
    assert "Continue to your applications" in response.content.decode()
    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []
    assert CANDIDATE_KEY not in client.session
    assert row(link).last_used_at is None
    assert client.post(link).status_code == 302  # still valid afterwards


def test_it_exchanges_the_token_for_a_session_and_leaves_the_address_bar(client, application):
    link = link_for(application)
    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == "/portal/"
    assert client.session[CANDIDATE_KEY] == application.candidate_id
    assert row(link).last_used_at is not None
    home = client.get("/portal/")
    assert application.job.title in home.content.decode()


def test_it_rotates_the_session_key_on_sign_in(client, application):
    client.get("/portal/new-link/")
    session = client.session
    session["planted"] = True
    session.save()
    before = session.session_key
    sign_in(client, application)
    assert client.session.session_key != before


def _generic(client, url):
    get, post = client.get(url), client.post(url)
    assert get.status_code == post.status_code == 404
    return get.content, post.content


def test_it_gives_one_generic_error_for_tampered_expired_and_unknown_links(client, application):
    raw = mint(application.candidate)
    tampered = raw[:-1] + ("A" if raw[-1] != "A" else "B")
    expired = mint(application.candidate)
    PortalToken.objects.filter(token_hash=hash_token(expired)).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    # A token made for something else (a signed link of another feature).
    foreign = signing.dumps(application.pk, salt="rekryt.applications.applied")
    answers = {
        _generic(client, f"/portal/t/{token}/")
        for token in (tampered, expired, foreign, "x" * 43, "short", "a" * 200)
    }
    assert len(answers) == 1
    assert CANDIDATE_KEY not in client.session


def test_it_refuses_a_link_after_90_days(client, application):
    link = link_for(application)
    with time_machine.travel(timezone.now() + timedelta(days=91)):
        assert client.post(link).status_code == 404


def test_it_gives_each_email_a_fresh_link(application):
    before = set(PortalToken.objects.values_list("pk", flat=True))
    message = queue_email(application, "portal_link", key="again")
    new = PortalToken.objects.exclude(pk__in=before).get()
    assert new.candidate == application.candidate
    assert new.expires_at > timezone.now() + timedelta(days=89)
    assert "/portal/t/" in message.body_text


def test_it_never_treats_a_staff_user_as_a_candidate(client, application, rita):
    sign_in(client, application)
    client.force_login(rita)
    assert client.get("/portal/")["Location"] == "/portal/new-link/"


def test_it_signs_staff_out_when_a_portal_link_is_used(client, application, rita):
    client.force_login(rita)
    page = client.get(link_for(application))
    assert "Continuing signs you out" in page.content.decode()
    sign_in(client, application)
    assert "_auth_user_id" not in client.session
    assert client.get("/portal/").status_code == 200


def test_it_ends_the_portal_session_after_a_day_idle(portal):
    assert portal.get("/portal/").status_code == 200
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        assert portal.get("/portal/")["Location"] == "/portal/new-link/"


def test_it_signs_out(portal):
    assert portal.post("/portal/sign-out/")["Location"] == "/portal/signed-out/"
    assert CANDIDATE_KEY not in portal.session
    assert portal.get("/portal/")["Location"] == "/portal/new-link/"


def test_it_puts_the_portal_link_in_the_confirmation_email(job):
    from rekryt.messaging.models import Message

    application = make_application(job)
    body = Message.objects.get(application=application, kind="application_received").body_text
    assert "http://testserver/portal/t/" in body
    raw = body.split("/portal/t/")[1].split("/")[0]
    assert PortalToken.objects.get(token_hash=hash_token(raw)).candidate == application.candidate
