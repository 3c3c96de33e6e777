"""Recruiters cancel a pending email; it is never sent and shows on the timeline."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from conftest import make_application
from rekryt.applications.models import Event, EventKind
from rekryt.lib.claims import claim_next
from rekryt.messaging.actions import cancel_message
from rekryt.messaging.duties import LEASE, due_messages
from rekryt.messaging.models import MessageStatus
from rekryt.messaging.tests.helpers import queue_message, reload, work

pytestmark = pytest.mark.django_db


@pytest.fixture
def message(application):
    return application.messages.get()


def cancel(client, message, **data):
    return client.post(reverse("message_cancel", args=[message.pk]), data)


def test_it_cancels_a_pending_message_and_records_it_on_the_timeline(message, rita, smtp):
    assert cancel_message(message, rita) is True

    assert reload(message).status == MessageStatus.CANCELLED
    event = Event.objects.get(application=message.application, kind=EventKind.MESSAGE_CANCELLED)
    assert event.data["message"] == message.pk
    assert work() == 0
    assert smtp.received == []


def test_it_does_not_cancel_a_message_already_sent(message, rita, settings):
    settings.EMAIL_URL = ""
    work()

    assert cancel_message(message, rita) is False

    assert reload(message).status == MessageStatus.SENT
    assert not Event.objects.filter(kind=EventKind.MESSAGE_CANCELLED).exists()


def test_it_does_not_cancel_a_message_a_worker_is_sending(message, rita):
    assert claim_next(due_messages(), LEASE) is not None

    assert cancel_message(message, rita) is False

    assert reload(message).status == MessageStatus.SCHEDULED


def test_it_lets_a_recruiter_cancel_and_returns_to_the_application(client, rita, message):
    client.force_login(rita)

    response = cancel(client, message)

    assert response.status_code == 302
    assert response["Location"] == reverse("application_detail", args=[message.application_id])
    assert reload(message).status == MessageStatus.CANCELLED
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "The email was cancelled and will not be sent."
    ]


def test_it_returns_to_a_safe_next_address(client, alice, message):
    client.force_login(alice)

    response = cancel(client, message, next="/staff/outbox/?status=scheduled")

    assert response["Location"] == "/staff/outbox/?status=scheduled"


def test_it_ignores_a_next_address_on_another_site(client, alice, message):
    client.force_login(alice)

    response = cancel(client, message, next="https://evil.example/")

    assert response["Location"] == reverse("application_detail", args=[message.application_id])


def test_it_says_so_when_the_message_could_not_be_cancelled(client, rita, message, settings):
    settings.EMAIL_URL = ""
    work()
    client.force_login(rita)

    response = cancel(client, message)

    assert response.status_code == 302
    assert reload(message).status == MessageStatus.SENT
    [flash] = get_messages(response.wsgi_request)
    assert flash.level_tag == "error"


def test_it_lets_an_admin_cancel_a_message_about_no_application(client, alice, db):
    message = queue_message()
    client.force_login(alice)

    response = cancel(client, message)

    assert response["Location"] == reverse("outbox")
    assert reload(message).status == MessageStatus.CANCELLED


def test_it_hides_messages_about_no_application_from_recruiters(client, rita, db):
    message = queue_message()
    client.force_login(rita)

    assert cancel(client, message).status_code == 404
    assert reload(message).status == MessageStatus.SCHEDULED


@pytest.mark.parametrize("persona", ["hanna", "otto", "ivan"])
def test_it_is_a_404_for_everyone_but_recruiters_and_admins(client, message, persona, request):
    # hanna is on the job's team but may not cancel emails; otto and ivan are outsiders.
    client.force_login(request.getfixturevalue(persona))

    assert cancel(client, message).status_code == 404
    assert reload(message).status == MessageStatus.SCHEDULED


def test_it_sends_anonymous_users_to_the_login_page(client, message):
    response = cancel(client, message)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert reload(message).status == MessageStatus.SCHEDULED


def test_it_only_cancels_on_post(client, rita, message):
    client.force_login(rita)

    response = client.get(reverse("message_cancel", args=[message.pk]))

    assert response.status_code == 405
    assert reload(message).status == MessageStatus.SCHEDULED


def test_it_cancels_only_the_message_asked_for(client, rita, job, message):
    other = make_application(job).messages.get()
    client.force_login(rita)

    cancel(client, message)

    assert reload(other).status == MessageStatus.SCHEDULED
