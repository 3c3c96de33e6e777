"""The "send me a new link" page never tells whether an address is known."""

import pytest
import time_machine
from django.utils import timezone

from rekryt.messaging.models import Message

pytestmark = pytest.mark.django_db


def ask(client, email):
    return client.post("/portal/new-link/", {"email": email}, follow=True)


def test_it_answers_the_same_for_known_and_unknown_addresses(client, application):
    known = ask(client, application.candidate.email.upper())
    unknown = ask(client, "nobody@example.org")
    assert known.redirect_chain == unknown.redirect_chain
    assert known.status_code == unknown.status_code == 200
    assert "If we have your address, a link is on its way" in known.content.decode()
    strip = lambda r: r.content.decode().split('name="csrfmiddlewaretoken"')[0]  # noqa: E731
    assert strip(known) == strip(unknown)


def test_it_emails_a_link_to_a_known_address(client, application):
    ask(client, application.candidate.email)
    message = Message.objects.get(kind="portal_link")
    assert message.to_email == application.candidate.email
    assert "http://testserver/portal/t/" in message.body_text


def test_it_queues_one_link_per_ten_minutes_however_often_asked(client, application):
    start = timezone.now().replace(minute=0, second=1)
    with time_machine.travel(start, tick=False):
        for _ in range(3):
            ask(client, application.candidate.email)
    assert Message.objects.filter(kind="portal_link").count() == 1
    with time_machine.travel(start.replace(minute=11), tick=False):
        ask(client, application.candidate.email)
    assert Message.objects.filter(kind="portal_link").count() == 2


def test_it_limits_requests_per_address(client, application):
    for _ in range(10):
        ask(client, "nobody@example.org")
    response = client.post("/portal/new-link/", {"email": "nobody@example.org"})
    assert response.status_code == 429


def test_it_shows_field_errors_beside_the_field(client):
    page = client.post("/portal/new-link/", {"email": "not-an-address"}).content.decode()
    assert "Please write a valid email address" in page
    assert 'aria-describedby="id_email_helptext id_email_error"' in page
