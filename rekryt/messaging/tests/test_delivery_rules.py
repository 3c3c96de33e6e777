"""Which messages the duty sends, and which it must leave alone."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from conftest import make_application
from rekryt.applications.models import Application, Event, EventKind
from rekryt.candidates.models import Candidate, SearchEntry
from rekryt.lib.claims import claim_next
from rekryt.messaging.duties import LEASE, DeliverDueMessages, due_messages
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.outbox import cancel_pending
from rekryt.messaging.tests.helpers import queue_message, reload, work

pytestmark = pytest.mark.django_db


def test_it_never_sends_a_cancelled_message(smtp):
    message = queue_message()
    cancel_pending(Message.objects.filter(pk=message.pk))

    with time_machine.travel(timezone.now() + timedelta(days=1)):
        assert work() == 0

    assert smtp.received == []
    assert reload(message).status == MessageStatus.CANCELLED


def test_it_waits_for_a_message_that_is_not_due_yet(smtp):
    later = timezone.now() + timedelta(hours=24)
    message = queue_message(send_after=later)

    assert work() == 0
    assert smtp.received == []
    with time_machine.travel(later + timedelta(seconds=1)):
        assert work() == 1
    assert reload(message).status == MessageStatus.SENT


def test_it_sends_the_oldest_due_message_first(smtp):
    now = timezone.now()
    newer = queue_message(1, send_after=now - timedelta(minutes=1))
    older = queue_message(2, send_after=now - timedelta(minutes=5))

    work()

    assert [m["Message-ID"] for m in smtp.received] == [older.message_id, newer.message_id]


def test_it_cancels_a_message_whose_candidate_is_gone(smtp, job):
    application = make_application(job)
    message = application.messages.get()
    claimed = claim_next(due_messages(), LEASE)
    assert claimed is not None
    # Removed without the cascade, as an erasure racing the worker could leave
    # it; the foreign keys are only checked when the test's transaction ends.
    Application.objects.filter(pk=application.pk)._raw_delete("default")
    Candidate.objects.filter(pk=application.candidate_id)._raw_delete("default")
    try:
        DeliverDueMessages().deliver_batch([due_messages().get(pk=message.pk)])

        assert smtp.received == []
        message = reload(message)
        assert message.status == MessageStatus.CANCELLED
        assert message.claimed_until is None
    finally:
        from rekryt.portal.models import PortalToken

        PortalToken.objects.filter(candidate_id=application.candidate_id).delete()
        Event.objects.filter(application_id=application.pk).delete()
        SearchEntry.objects.filter(candidate_id=application.candidate_id).delete()
        Message.objects.filter(pk=message.pk).delete()


def test_it_survives_a_message_deleted_while_it_was_being_sent(smtp, job):
    application = make_application(job)
    claimed = claim_next(due_messages(), LEASE)
    assert claimed is not None
    application.candidate.delete()  # cascades to the application and its messages

    DeliverDueMessages().deliver_batch([claimed])

    assert not Message.objects.exists()
    assert not Event.objects.filter(kind=EventKind.MESSAGE_SENT).exists()


def test_it_puts_email_in_the_development_mailbox_without_email_url(settings, job):
    settings.EMAIL_URL = ""
    application = make_application(job)
    message = application.messages.get()

    assert work() == 1

    message = reload(message)
    assert message.status == MessageStatus.SENT
    assert message.to_mailbox is True
    assert message.attempts == 1
    assert Event.objects.filter(application=application, kind=EventKind.MESSAGE_SENT).exists()
