"""reject_application: a reason, a delayed kind email, undo and the re-check."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from conftest import make_application
from rekryt.applications.actions import reopen
from rekryt.applications.models import Application, EventKind, Outcome, RejectionReason
from rekryt.applications.rejections import reject_application
from rekryt.messaging.duties import DeliverDueMessages
from rekryt.messaging.models import Message, MessageStatus
from rekryt.ops.duties import run_until_idle


@pytest.fixture
def declined(db):
    return RejectionReason.objects.get(name_en="Other candidates matched the requirements better")


@pytest.fixture
def withdrew(db):
    return RejectionReason.objects.filter(kind="withdrew").first()


def rejection_of(application):
    return Message.objects.get(idempotency_key__startswith=f"reject:{application.pk}:")


def test_it_rejects_and_queues_the_email_after_the_organisation_delay(rita, application, declined):
    assert reject_application(application, declined, rita, personal_note="You were close.")
    application.refresh_from_db()
    assert application.outcome == Outcome.REJECTED
    assert application.rejection_reason == declined
    message = rejection_of(application)
    assert message.idempotency_key == f"reject:{application.pk}:1"
    assert message.kind == "rejection"
    assert message.send_after >= timezone.now() + timedelta(hours=23, minutes=59)
    assert "You were close." in message.body_text
    assert declined.name_en in message.body_text


def test_it_follows_the_organisation_delay_setting(rita, application, declined, org):
    org.rejection_delay_hours = 48
    org.save()
    reject_application(application, declined, rita)
    assert rejection_of(application).send_after > timezone.now() + timedelta(hours=47)


def test_it_sends_now_when_asked(rita, application, declined):
    reject_application(application, declined, rita, send_now=True)
    run_until_idle()
    assert rejection_of(application).status == MessageStatus.SENT


def test_it_uses_the_reasons_template(rita, application, declined):
    declined.template_kind = "position_filled"
    declined.save()
    reject_application(application, declined, rita)
    assert rejection_of(application).kind == "position_filled"


def test_it_writes_the_email_in_the_candidates_language(rita, job, declined):
    job.language = "sv"
    job.save()
    application = make_application(job)
    reject_application(application, declined, rita)
    message = rejection_of(application)
    assert message.language == "sv"
    assert declined.name_sv in message.body_text


def test_it_records_a_withdrawal_with_a_confirmation(rita, application, withdrew):
    reject_application(application, withdrew, rita)
    application.refresh_from_db()
    assert application.outcome == Outcome.WITHDRAWN
    message = rejection_of(application)
    assert message.kind == "withdrawal_confirmed"
    assert message.send_after <= timezone.now()


def test_it_records_a_withdrawal_without_a_confirmation_when_told(rita, application, withdrew):
    reject_application(application, withdrew, rita, notify=False)
    assert not Message.objects.filter(idempotency_key__startswith="reject:").exists()


def test_it_refuses_an_application_that_has_already_ended(rita, application, declined):
    assert reject_application(application, declined, rita)
    assert not reject_application(application, declined, rita)
    assert Message.objects.filter(idempotency_key__startswith="reject:").count() == 1


def test_it_sends_nothing_when_undone_within_24_hours(rita, application, declined):
    run_until_idle()  # the receipt
    reject_application(application, declined, rita)
    with time_machine.travel(timezone.now() + timedelta(hours=23)):
        reopen(application, rita)
    with time_machine.travel(timezone.now() + timedelta(hours=30)):
        run_until_idle()
    message = rejection_of(application)
    assert message.status == MessageStatus.CANCELLED
    assert message.sent_at is None
    assert application.events.filter(kind=EventKind.MESSAGE_CANCELLED).exists()


def test_it_sends_the_rejection_after_the_delay_and_not_a_second_sooner(
    rita, application, declined
):
    decided = timezone.now()
    with time_machine.travel(decided, tick=False):
        reject_application(application, declined, rita)
        run_until_idle()
    assert rejection_of(application).status == MessageStatus.SCHEDULED
    with time_machine.travel(decided + timedelta(hours=24) - timedelta(seconds=1), tick=False):
        run_until_idle()
    assert rejection_of(application).status == MessageStatus.SCHEDULED
    with time_machine.travel(decided + timedelta(hours=24), tick=False):
        run_until_idle()
    assert rejection_of(application).status == MessageStatus.SENT


def test_the_worker_cancels_a_stale_rejection(rita, application, declined):
    reject_application(application, declined, rita)
    # Reactivated behind the action's back (say, a race with the undo).
    Application.objects.filter(pk=application.pk).update(outcome=Outcome.ACTIVE)
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        DeliverDueMessages().handle_one()  # the receipt
        DeliverDueMessages().handle_one()
    message = rejection_of(application)
    assert message.status == MessageStatus.CANCELLED
    assert message.last_error == "No longer wanted"


def test_a_second_rejection_after_reopening_gets_a_new_email(rita, application, declined):
    reject_application(application, declined, rita)
    reopen(application, rita)
    reject_application(application, declined, rita)
    keys = Message.objects.filter(idempotency_key__startswith="reject:").values_list(
        "idempotency_key", "status"
    )
    assert set(keys) == {
        (f"reject:{application.pk}:1", MessageStatus.CANCELLED),
        (f"reject:{application.pk}:2", MessageStatus.SCHEDULED),
    }


def test_it_needs_a_reason(rita, application):
    with pytest.raises(ValueError):
        reject_application(application, None, rita)  # type: ignore[arg-type]
