"""The outbox: admins see what waits and what failed, and cancel from there."""

from __future__ import annotations

import pytest
from django.urls import reverse

from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.outbox import cancel_pending
from rekryt.messaging.tests.helpers import queue_message, reload, work
from rekryt.messaging.tests.smtpserver import PERMANENT

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(smtp):
    """One of each status: failed (550), sent, scheduled and cancelled."""
    smtp.plan = [PERMANENT]
    failed = queue_message(1)
    sent = queue_message(2)
    work()
    scheduled = queue_message(3)
    cancelled = queue_message(4)
    cancel_pending(Message.objects.filter(pk=cancelled.pk))
    return {"failed": reload(failed), "sent": reload(sent), "scheduled": scheduled}


def shown(response):
    return list(response.context["page"].object_list)


def test_it_lists_failed_and_scheduled_messages(client, alice, mixed):
    client.force_login(alice)

    response = client.get(reverse("outbox"))

    assert response.status_code == 200
    assert shown(response) == [mixed["failed"], mixed["scheduled"]]
    page = response.content.decode()
    assert "550 No such user" in page
    assert reverse("message_cancel", args=[mixed["scheduled"].pk]) in page
    assert reverse("message_cancel", args=[mixed["failed"].pk]) not in page


@pytest.mark.parametrize("status", ["scheduled", "failed"])
def test_it_filters_by_status(client, alice, mixed, status):
    client.force_login(alice)

    response = client.get(reverse("outbox"), {"status": status})

    assert shown(response) == [mixed[status]]
    assert response.context["status"] == status


@pytest.mark.parametrize("status", ["sent", "cancelled", "'; drop table", ""])
def test_it_ignores_a_status_it_does_not_list(client, alice, mixed, status):
    client.force_login(alice)

    response = client.get(reverse("outbox"), {"status": status})

    assert shown(response) == [mixed["failed"], mixed["scheduled"]]
    assert response.context["status"] == ""


def test_it_cancels_from_the_outbox_and_comes_back(client, alice, mixed):
    client.force_login(alice)
    outbox = reverse("outbox") + "?status=scheduled"
    page = client.get(outbox).content.decode()
    assert 'name="next" value="/staff/outbox/?status=scheduled"' in page

    response = client.post(
        reverse("message_cancel", args=[mixed["scheduled"].pk]), {"next": outbox}
    )

    assert response["Location"] == outbox
    assert reload(mixed["scheduled"]).status == MessageStatus.CANCELLED


def test_it_lists_the_outbox_in_constant_queries(client, alice, django_assert_num_queries):
    for n in range(3):
        queue_message(n)
    client.force_login(alice)
    client.get(reverse("outbox"))

    with django_assert_num_queries(4) as few:
        client.get(reverse("outbox"))
    for n in range(3, 20):
        queue_message(n)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse("outbox"))


@pytest.mark.parametrize("persona", ["rita", "hanna", "otto", "ivan"])
def test_it_is_a_404_for_everyone_but_admins(client, persona, request):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(reverse("outbox")).status_code == 404


def test_it_sends_anonymous_users_to_the_login_page(client, db):
    response = client.get(reverse("outbox"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
