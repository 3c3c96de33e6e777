"""Approval before sending: asked by the writer, decided by a hiring manager
on the job or an admin (never the one who asked), recorded on the timeline
and in the audit log; the approvers' emails wait in the outbox."""

from __future__ import annotations

from typing import Any

import pytest

from rekryt.applications.models import Event, EventKind
from rekryt.audit.models import AuditEntry
from rekryt.messaging.models import Message, MessageStatus
from rekryt.offers import actions, emails
from rekryt.offers.models import Status
from rekryt.offers.tests.helpers import draft

pytestmark = pytest.mark.django_db


def test_an_offer_needing_approval_cannot_be_sent_until_approved(
    client: Any, application: Any, rita: Any, hanna: Any
) -> None:
    offer = draft(application, rita, needs_approval=True)
    assert not offer.may_send
    client.force_login(rita)
    client.post(f"/staff/offers/{offer.pk}/send/")
    offer.refresh_from_db()
    assert offer.status == Status.DRAFT
    client.post(f"/staff/offers/{offer.pk}/ask-approval/")
    offer.refresh_from_db()
    assert offer.status == Status.PENDING and offer.approval_asked_by == rita
    # Hanna, the job's hiring manager, hears of it after the undo window.
    mail = Message.objects.get(idempotency_key__startswith=emails.approval_prefix(offer))
    assert mail.to_email == hanna.email and mail.status == MessageStatus.SCHEDULED
    assert f"/staff/offers/{offer.pk}/" in mail.body_text
    # Rita cannot approve her own request.
    assert (
        client.post(f"/staff/offers/{offer.pk}/approve/", {"decision": "approve"}).status_code
        == 404
    )
    client.force_login(hanna)
    page = client.get("/staff/offers/approvals/")
    assert f"/staff/offers/{offer.pk}/" in page.content.decode()
    response = client.post(
        f"/staff/offers/{offer.pk}/approve/", {"decision": "approve", "note": "Bra lön."}
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == Status.APPROVED and offer.approved_by == hanna
    assert offer.approval_note == "Bra lön."
    event = Event.objects.get(application=application, kind=EventKind.OFFER_APPROVED)
    assert event.actor == hanna and event.data["version"] == 1
    audit = AuditEntry.objects.get(detail="offer_approved")
    assert audit.actor == hanna and audit.target_id == str(offer.pk)
    client.force_login(rita)
    client.post(f"/staff/offers/{offer.pk}/send/")
    offer.refresh_from_db()
    assert offer.status == Status.SENT


def test_returning_for_changes_is_recorded(application: Any, rita: Any, alice: Any) -> None:
    offer = draft(application, rita, needs_approval=True)
    actions.ask_approval(offer, rita)
    assert actions.decide_approval(offer, alice, approve=False, note="Sänk lönen.")
    offer.refresh_from_db()
    assert offer.status == Status.DRAFT and offer.approval_note == "Sänk lönen."
    assert Event.objects.filter(application=application, kind=EventKind.OFFER_RETURNED).exists()
    assert AuditEntry.objects.filter(detail="offer_returned", actor=alice).exists()


def test_taking_back_a_request_cancels_the_approvers_emails(
    application: Any, rita: Any, hanna: Any
) -> None:
    offer = draft(application, rita, needs_approval=True)
    actions.ask_approval(offer, rita)
    assert actions.take_back_approval(offer, rita)
    offer.refresh_from_db()
    assert offer.status == Status.DRAFT
    mail = Message.objects.get(idempotency_key__startswith=emails.approval_prefix(offer))
    assert mail.status == MessageStatus.CANCELLED
    # Asking again makes a new email, not the cancelled one.
    actions.ask_approval(offer, rita)
    assert emails.waiting_approval(offer).count() == 1


def test_an_approval_email_for_a_decided_offer_is_not_wanted(
    application: Any, rita: Any, hanna: Any
) -> None:
    offer = draft(application, rita, needs_approval=True)
    actions.ask_approval(offer, rita)
    mail = emails.waiting_approval(offer).get()
    assert emails.still_wanted(mail)
    actions.decide_approval(offer, hanna, approve=True)
    assert not emails.still_wanted(mail)


def test_without_hiring_managers_the_admins_are_asked(
    application: Any, rita: Any, hanna: Any, alice: Any
) -> None:
    application.job.team.remove(hanna)
    offer = draft(application, rita, needs_approval=True)
    actions.ask_approval(offer, rita)
    assert [m.to_email for m in emails.waiting_approval(offer)] == [alice.email]
