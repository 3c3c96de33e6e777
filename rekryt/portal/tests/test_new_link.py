"""The "send me a new link" page never tells whether an address is known:
the request stores the address and answers, and the worker's loop looks it
up and queues the link."""

import logging
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rekryt.accounts.models import EmailRequest
from rekryt.messaging.models import Message
from rekryt.ops.duties import run_until_idle
from rekryt.portal.duties import SendNewLinks

pytestmark = pytest.mark.django_db


def ask(client, email):
    return client.post("/portal/new-link/", {"email": email}, follow=True)


def strip(response):
    return response.content.decode().split('name="csrfmiddlewaretoken"')[0]


def shapes(queries):
    """Each statement with its values left out."""
    return [re.sub(r"'[^']*'|\b\d+\b", "?", q["sql"]) for q in queries]


def test_it_answers_the_same_for_known_and_unknown_addresses(client, application):
    known = ask(client, application.candidate.email.upper())
    unknown = ask(client, "nobody@example.org")
    assert known.redirect_chain == unknown.redirect_chain
    assert known.status_code == unknown.status_code == 200
    assert "If we have your address, a link is on its way" in known.content.decode()
    assert strip(known) == strip(unknown)


def test_known_and_unknown_cost_the_same_queries_and_only_the_known_gets_a_link(
    client, application
):
    client.get("/portal/new-link/")  # warm the organisation cache
    with CaptureQueriesContext(connection) as known_queries:
        known = ask(client, application.candidate.email)
    with CaptureQueriesContext(connection) as unknown_queries:
        unknown = ask(client, "nobody@example.org")
    assert strip(known) == strip(unknown)
    assert shapes(known_queries) == shapes(unknown_queries)
    assert not Message.objects.filter(kind="portal_link").exists()

    duty = SendNewLinks()
    assert duty.handle_one()
    assert duty.handle_one()
    assert not duty.handle_one()
    links = Message.objects.filter(kind="portal_link")
    assert [m.to_email for m in links] == [application.candidate.email]
    assert not EmailRequest.objects.exists()


def test_it_emails_a_link_to_a_known_address(client, application):
    ask(client, application.candidate.email)
    run_until_idle()
    message = Message.objects.get(kind="portal_link")
    assert message.to_email == application.candidate.email
    assert "http://testserver/portal/t/" in message.body_text


def test_it_queues_one_link_per_ten_minutes_however_often_asked(client, application):
    start = timezone.now().replace(minute=0, second=1)
    with time_machine.travel(start, tick=False):
        for _ in range(3):
            ask(client, application.candidate.email)
        run_until_idle()
    assert Message.objects.filter(kind="portal_link").count() == 1
    with time_machine.travel(start.replace(minute=11), tick=False):
        ask(client, application.candidate.email)
        run_until_idle()
    assert Message.objects.filter(kind="portal_link").count() == 2


def test_the_address_is_never_logged(client, application, caplog):
    caplog.set_level(logging.DEBUG)
    ask(client, application.candidate.email)
    ask(client, "nobody@example.org")
    run_until_idle()
    assert application.candidate.email not in caplog.text
    assert "nobody@example.org" not in caplog.text


def test_it_limits_requests_per_address(client, application):
    for _ in range(10):
        assert ask(client, "nobody@example.org").status_code == 200
    response = client.post("/portal/new-link/", {"email": "nobody@example.org"})
    assert response.status_code == 429


def test_it_shows_field_errors_beside_the_field(client):
    page = client.post("/portal/new-link/", {"email": "not-an-address"}).content.decode()
    assert "Please write a valid email address" in page
    assert 'aria-describedby="id_email_helptext id_email_error"' in page
    assert not EmailRequest.objects.exists()


def test_erasing_the_candidate_removes_a_waiting_request(client, application):
    from rekryt.privacy.erasure import erase_candidate
    from rekryt.privacy.models import ErasureReason

    ask(client, application.candidate.email.upper())
    ask(client, "nobody@example.org")
    erase_candidate(application.candidate, reason=ErasureReason.STAFF)
    assert list(EmailRequest.objects.values_list("email", flat=True)) == ["nobody@example.org"]
