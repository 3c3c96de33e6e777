"""Delivery to a real SMTP server: what arrives, and over how many connections."""

from __future__ import annotations

from email.utils import parseaddr

import pytest

from conftest import make_application, make_job
from rekryt.applications.models import Event, EventKind
from rekryt.messaging.models import MessageStatus
from rekryt.messaging.tests.helpers import queue_message, reload, work

pytestmark = pytest.mark.django_db


def test_it_delivers_the_confirmation_with_the_right_headers_and_parts(smtp, org, rita, settings):
    settings.DEFAULT_FROM_EMAIL = "jobb@exempel.se"
    job = make_job(recruiter=rita, language="sv", title="Lagerarbetare i Västerås")
    application = make_application(job, first_name="Åsa", last_name="Öberg")
    message = application.messages.get()

    assert work() == 1

    [received] = smtp.received
    assert received["Message-ID"] == message.message_id
    assert received["Auto-Submitted"] == "auto-generated"
    assert received["Subject"].strip() == message.subject  # a folded header starts with a space
    assert received["From"].addresses[0].display_name == "Exempelbolaget AB"
    assert received["From"].addresses[0].addr_spec == "jobb@exempel.se"
    assert received["To"].addresses[0].display_name == "Åsa Öberg"
    assert received["To"].addresses[0].addr_spec == application.candidate.email
    assert smtp.envelopes == [("jobb@exempel.se", [application.candidate.email])]
    text = received.get_body(("plain",)).get_content()
    html = received.get_body(("html",)).get_content()
    assert text.replace("\r\n", "\n") == message.body_text
    assert "Hej Åsa!" in text
    assert "Lagerarbetare i Västerås" in received["Subject"]
    assert "Hej Åsa!" in html
    assert "<html" in html


def test_it_keeps_swedish_characters_in_subject_and_names(smtp, org):
    org.name = "Åkerö & Söner, AB"
    org.save()
    message = queue_message()

    work()

    [received] = smtp.received
    assert received["From"].addresses[0].display_name == "Åkerö & Söner, AB"
    assert received["Subject"].strip() == message.subject  # a folded header starts with a space
    assert "Åsa1" in received.get_body(("plain",)).get_content()
    assert reload(message).status == MessageStatus.SENT


def test_it_sets_reply_to_when_the_organisation_has_one(smtp, org):
    org.reply_to_email = "svar@exempel.se"
    org.save()
    queue_message()

    work()

    assert smtp.received[0]["Reply-To"] == "svar@exempel.se"


def test_it_records_the_delivery_on_the_row_and_the_timeline(smtp, job):
    application = make_application(job)
    message = application.messages.get()

    work()

    message = reload(message)
    assert message.status == MessageStatus.SENT
    assert message.sent_at is not None
    assert message.attempts == 1
    assert message.claimed_until is None
    assert message.to_mailbox is False
    event = Event.objects.get(application=application, kind=EventKind.MESSAGE_SENT)
    assert event.data["message"] == message.pk


def test_it_sends_a_batch_over_one_connection(smtp, db):
    for n in range(5):
        queue_message(n)

    assert work() == 5

    assert len(smtp.received) == 5
    assert smtp.connections == 1


def test_it_logs_in_with_url_decoded_credentials(smtp, settings, db):
    settings.EMAIL_URL = f"smtp://rekryt%40exempel.se:p%40ss%3Aord@127.0.0.1:{smtp.port}"
    queue_message()

    work()

    assert smtp.logins == [("rekryt@exempel.se", "p@ss:ord")]
    assert len(smtp.received) == 1


def test_it_gives_each_email_a_stable_message_id(smtp, db):
    message = queue_message()

    work()

    assert parseaddr(smtp.received[0]["Message-ID"])[1] == message.message_id.strip("<>")
    assert reload(message).message_id == message.message_id
