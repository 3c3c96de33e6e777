"""Sending an offer: the PDF is fixed, the email waits the undo window in
the outbox and goes out through the worker; undo while it waits takes it
all back; a withdrawn offer's email is never sent."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from rekryt.applications.models import Event, EventKind
from rekryt.messaging.models import Message, MessageStatus
from rekryt.offers import actions, emails
from rekryt.offers.models import Status
from rekryt.offers.tests.helpers import draft, sent
from rekryt.ops.duties import load_duties, run_until_idle
from rekryt.portal.tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def delivered() -> list[Message]:
    return list(Message.objects.filter(kind=emails.SENT, status=MessageStatus.SENT))


def deliver_later(minutes: int = 30) -> None:
    with time_machine.travel(timezone.now() + timedelta(minutes=minutes), tick=False):
        run_until_idle(load_duties(["delivery"]))


def test_the_offer_email_waits_then_goes_with_a_portal_link(
    application: Any, rita: Any, org: Any
) -> None:
    offer = sent(application, rita)
    message = Message.objects.get(idempotency_key=emails.sent_key(offer))
    assert message.status == MessageStatus.SCHEDULED
    assert message.send_after > timezone.now() + timedelta(minutes=1)
    assert message.application == application and message.to_email == application.email
    run_until_idle(load_duties(["delivery"]))
    assert delivered() == []
    deliver_later()
    [message] = delivered()
    assert "/portal/t/" in message.body_text and offer.title in message.subject
    assert Event.objects.filter(application=application, kind=EventKind.OFFER_SENT).exists()


def test_undo_while_the_email_waits_takes_the_offer_back(
    client: Any, application: Any, rita: Any
) -> None:
    offer = sent(application, rita)
    assert actions.undoable(offer)
    client.force_login(rita)
    page = client.get(f"/staff/offers/{offer.pk}/")
    assert "Undo sending" in page.content.decode()
    client.post(f"/staff/offers/{offer.pk}/undo/")
    offer.refresh_from_db()
    assert offer.status == Status.DRAFT and not offer.pdf and not offer.pdf_sha256
    message = Message.objects.get(idempotency_key=emails.sent_key(offer))
    assert message.status == MessageStatus.CANCELLED
    deliver_later()
    assert delivered() == []
    assert Event.objects.filter(application=application, kind=EventKind.OFFER_SEND_UNDONE).exists()


def test_no_undo_once_the_candidate_opened_it(client: Any, application: Any, rita: Any) -> None:
    offer = sent(application, rita)
    sign_in(client, application)
    client.get(f"/portal/offers/{offer.pk}/")
    offer.refresh_from_db()
    assert offer.viewed_at is not None and not actions.undoable(offer)
    assert not actions.undo_send(offer, rita)


def test_a_withdrawn_offers_email_is_not_sent(application: Any, rita: Any) -> None:
    offer = sent(application, rita)
    assert actions.withdraw_offer(offer, rita)
    deliver_later()
    assert delivered() == []
    # A new offer may follow: the next version number.
    fields = {"title": "Ny", "salary": 1, "start_date": offer.start_date}
    again = actions.draft_offer(application, rita, {**fields, "expires_on": offer.expires_on})
    assert again.version == 2


def test_an_offer_email_whose_offer_changed_before_delivery_is_cancelled(
    application: Any, rita: Any
) -> None:
    offer = sent(application, rita)
    message = Message.objects.get(idempotency_key=emails.sent_key(offer))
    # Someone flipped the status without the action: delivery re-checks anyway.
    type(offer).objects.filter(pk=offer.pk).update(status=Status.WITHDRAWN)
    assert not emails.still_wanted(message)


def test_an_ended_application_gets_no_offer_sent(application: Any, rita: Any) -> None:
    from rekryt.applications.actions import set_outcome
    from rekryt.applications.models import Outcome, RejectionReason

    offer = draft(application, rita)
    set_outcome(application, Outcome.REJECTED, rita, RejectionReason.objects.first())
    assert not actions.send_offer(offer, rita)
