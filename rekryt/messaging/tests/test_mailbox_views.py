"""The development mailbox: admins read what the worker delivered to it."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from rekryt.messaging.sandbox import SANDBOX_CSP
from rekryt.messaging.tests.helpers import queue_message, reload, work

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_smtp(settings):
    settings.EMAIL_URL = ""  # the development mailbox


def delivered(n: int = 1, **fields):
    message = queue_message(n, **fields)
    work()
    return reload(message)


def test_it_lists_mailbox_messages_newest_first(client, alice):
    old = delivered(1)
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        new = delivered(2)
    client.force_login(alice)

    response = client.get(reverse("mailbox"))

    assert response.status_code == 200
    assert list(response.context["page"].object_list) == [new, old]
    assert reverse("mailbox_message", args=[new.pk]) in response.content.decode()


def test_it_leaves_out_messages_sent_by_smtp_and_pending_ones(client, alice, smtp, settings):
    settings.EMAIL_URL = f"smtp://127.0.0.1:{smtp.port}"
    queue_message(1)
    work()
    settings.EMAIL_URL = ""
    shown = delivered(2)
    queue_message(3, send_after=timezone.now() + timedelta(hours=1))
    client.force_login(alice)

    response = client.get(reverse("mailbox"))

    assert list(response.context["page"].object_list) == [shown]


def test_it_pages_a_long_mailbox(client, alice):
    for n in range(55):
        queue_message(n)
    work()
    client.force_login(alice)

    first = client.get(reverse("mailbox"))
    second = client.get(reverse("mailbox"), {"page": 2})

    assert len(first.context["page"].object_list) == 50
    assert len(second.context["page"].object_list) == 5
    assert "page=2" in first.content.decode()


def test_it_lists_the_mailbox_in_constant_queries(client, alice, django_assert_num_queries):
    for n in range(3):
        queue_message(n)
    work()
    client.force_login(alice)
    client.get(reverse("mailbox"))  # warm the organisation cache and the session

    with django_assert_num_queries(4) as few:
        client.get(reverse("mailbox"))
    for n in range(3, 20):
        queue_message(n)
    work()
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse("mailbox"))


def test_it_shows_headers_text_and_a_sandboxed_html_frame(client, alice, org, settings):
    settings.DEFAULT_FROM_EMAIL = "jobb@exempel.se"
    org.reply_to_email = "svar@exempel.se"
    org.save()
    message = delivered()
    client.force_login(alice)

    response = client.get(reverse("mailbox_message", args=[message.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Exempelbolaget AB &lt;jobb@exempel.se&gt;" in page
    assert "Person 1 &lt;person1@example.org&gt;" in page
    assert "svar@exempel.se" in page
    assert message.message_id.replace("<", "&lt;").replace(">", "&gt;") in page
    assert "auto-generated" in page
    assert "Hej Åsa1!" in page
    html_url = reverse("mailbox_message_html", args=[message.pk])
    assert f'<iframe class="mail-html" sandbox src="{html_url}"' in page


def test_it_serves_the_html_part_under_a_sandbox_policy(client, alice):
    message = delivered()
    client.force_login(alice)

    response = client.get(reverse("mailbox_message_html", args=[message.pk]))

    assert response.status_code == 200
    assert response.content.decode() == message.body_html
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Security-Policy"] == SANDBOX_CSP
    assert "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'" in SANDBOX_CSP
    assert "frame-ancestors 'self'" in SANDBOX_CSP
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_it_keeps_the_strict_frame_rules_on_the_message_page(client, alice):
    message = delivered()
    client.force_login(alice)

    response = client.get(reverse("mailbox_message", args=[message.pk]))

    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_it_does_not_show_a_message_that_did_not_go_to_the_mailbox(client, alice, smtp, settings):
    settings.EMAIL_URL = f"smtp://127.0.0.1:{smtp.port}"
    message = queue_message()
    work()
    client.force_login(alice)

    assert client.get(reverse("mailbox_message", args=[message.pk])).status_code == 404
    assert client.get(reverse("mailbox_message_html", args=[message.pk])).status_code == 404


@pytest.mark.parametrize("persona", ["rita", "hanna", "otto", "ivan"])
@pytest.mark.parametrize("name", ["mailbox", "mailbox_message", "mailbox_message_html"])
def test_it_is_a_404_for_everyone_but_admins(client, persona, name, request):
    message = delivered()
    client.force_login(request.getfixturevalue(persona))
    args = [] if name == "mailbox" else [message.pk]

    assert client.get(reverse(name, args=args)).status_code == 404


@pytest.mark.parametrize("name", ["mailbox", "mailbox_message", "mailbox_message_html"])
def test_it_sends_anonymous_users_to_the_login_page(client, name):
    message = delivered()
    args = [] if name == "mailbox" else [message.pk]

    response = client.get(reverse(name, args=args))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
