"""Unread replies show where recruiters look — the dashboard, the board's
card and filter, the waiting view — only to those who may see the
application; reading or answering clears them, and answering counts as a
personal response for the no-silence promise."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from conftest import make_application
from rekryt.conversations.models import Reply
from rekryt.messaging.tests.helpers import work
from rekryt.promises.waiting import with_contact

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client: Any) -> None:
    client.cookies["django_language"] = "en"


def replied(application: Any, body: str = "Tack för inbjudan!") -> Reply:
    return Reply.objects.create(application=application, body=body, message_id=f"<{body}>")


def test_the_dashboard_lists_unread_replies_for_those_who_may_see_them(
    client: Any, rita: Any, otto: Any, job: Any
) -> None:
    application = make_application(job, first_name="Anna")
    replied(application)
    client.force_login(rita)
    page = client.get(reverse("dashboard")).content.decode()
    assert "1 unread reply from a candidate" in page
    assert reverse("application_detail", args=[application.pk]) + "#conversation" in page
    listing = client.get(reverse("unread_replies")).content.decode()
    assert "Tack för inbjudan!" in listing
    client.force_login(otto)
    assert "unread repl" not in client.get(reverse("dashboard")).content.decode()
    assert "Tack för inbjudan!" not in client.get(reverse("unread_replies")).content.decode()


def test_the_board_card_shows_the_unread_state(client: Any, rita: Any, job: Any) -> None:
    quiet = make_application(job, first_name="Bo")
    talking = make_application(job, first_name="Anna")
    replied(talking)
    client.force_login(rita)
    html = client.get(reverse("board", args=[job.pk])).content.decode()
    card = html[html.index(f'id="card-{talking.pk}"') :]
    assert "Unread reply" in card[: card.index("</li>")]
    other = html[html.index(f'id="card-{quiet.pk}"') :]
    assert "Unread reply" not in other[: other.index("</li>")]


def test_marking_read_clears_it_everywhere(client: Any, rita: Any, job: Any) -> None:
    application = make_application(job)
    reply = replied(application)
    client.force_login(rita)
    client.post(reverse("conversation_mark_read", args=[application.pk]))
    reply.refresh_from_db()
    assert reply.read_at is not None and reply.read_by == rita
    assert "unread repl" not in client.get(reverse("dashboard")).content.decode()


def test_an_outsider_cannot_mark_replies_read(client: Any, otto: Any, job: Any) -> None:
    application = make_application(job)
    reply = replied(application)
    client.force_login(otto)
    assert client.post(reverse("conversation_mark_read", args=[application.pk])).status_code == 404
    reply.refresh_from_db()
    assert reply.is_unread


def test_answering_marks_read_and_counts_as_a_personal_response(
    client: Any, rita: Any, job: Any, org: Any
) -> None:
    application = make_application(job)
    reply = replied(application)
    work()  # the receipt goes out: automatic, not personal
    contact = with_contact(type(application).objects.filter(pk=application.pk)).get()
    assert contact.first_response is None
    client.force_login(rita)
    client.post(
        reverse("conversation_write", args=[application.pk]),
        {"subject": "Svar", "body": "Hej {candidate_first_name}!", "nonce": "n1", "send": "1"},
    )
    reply.refresh_from_db()
    assert reply.read_at is not None
    with time_machine.travel(timezone.now() + timedelta(minutes=org.stage_email_delay_minutes + 1)):
        work()
    contact = with_contact(type(application).objects.filter(pk=application.pk)).get()
    assert contact.first_response is not None


def test_the_waiting_view_marks_candidates_who_wrote_back(client: Any, rita: Any, job: Any) -> None:
    with time_machine.travel(timezone.now() - timedelta(days=30)):
        application = make_application(job, first_name="Anna")
    replied(application)
    client.force_login(rita)
    html = client.get(reverse("waiting")).content.decode()
    row = html[html.index(reverse("application_detail", args=[application.pk])) :]
    assert "Unread reply" in row[: row.index("</tr>")]
