"""Keep in mind for future roles: the question email and the consent page."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import signing
from django.utils import timezone

from rekryt.applications.actions import reopen
from rekryt.applications.models import RejectionReason
from rekryt.applications.rejections import (
    FUTURE_CONTACT_MAX_AGE,
    FUTURE_CONTACT_SALT,
    reject_application,
)
from rekryt.messaging.models import Message, MessageStatus
from rekryt.ops.duties import run_until_idle
from rekryt.privacy.models import Consent


@pytest.fixture(autouse=True)
def english(client, settings):
    settings.LANGUAGE_CODE = "en"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def reason(db):
    return RejectionReason.objects.filter(kind="declined").first()


def answer_path(application):
    message = Message.objects.get(kind="future_contact", application=application)
    return re.search(r"https?://[^/]+(/future-roles/\S+/)", message.body_text).group(1)


def test_it_queues_the_question_with_the_rejection(rita, application, reason):
    reject_application(application, reason, rita, keep_in_mind=True)
    rejection = Message.objects.get(idempotency_key__startswith="reject:")
    question = Message.objects.get(kind="future_contact")
    assert question.idempotency_key == f"future:{application.pk}:1"
    assert question.application == application and question.candidate == application.candidate
    assert question.send_after == rejection.send_after
    assert "/future-roles/" in question.body_text
    assert "/future-roles/" in question.body_html


def test_undoing_cancels_the_question_too(rita, application, reason):
    reject_application(application, reason, rita, keep_in_mind=True)
    reopen(application, rita)
    assert Message.objects.get(kind="future_contact").status == MessageStatus.CANCELLED
    application.refresh_from_db()
    assert not application.keep_in_mind
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        run_until_idle()
    assert not Message.objects.filter(kind="future_contact", status=MessageStatus.SENT).exists()


def test_a_get_shows_the_question_and_records_nothing(client, rita, application, reason):
    reject_application(application, reason, rita, keep_in_mind=True)
    response = client.get(answer_path(application))
    assert response.status_code == 200
    page = response.content.decode()
    assert "may keep my details and contact me about future roles" in page
    assert not Consent.objects.exists()


def test_a_post_records_the_consent_with_the_sentence(client, rita, application, reason, org):
    reject_application(application, reason, rita, keep_in_mind=True)
    response = client.post(answer_path(application), {"answer": "yes"})
    assert response.status_code == 200
    consent = Consent.objects.get()
    assert consent.candidate == application.candidate
    assert consent.given is True
    assert consent.text == (
        "Exempelbolaget AB may keep my details and contact me about future roles."
    )
    assert consent.language == "en"
    assert consent.ip == "127.0.0.1"


def test_a_no_is_recorded_too(client, rita, application, reason):
    reject_application(application, reason, rita, keep_in_mind=True)
    client.post(answer_path(application), {"answer": "no"})
    assert Consent.objects.get().given is False


def test_a_tampered_or_foreign_token_gets_one_generic_error(client, rita, application, reason):
    reject_application(application, reason, rita, keep_in_mind=True)
    path = answer_path(application)
    tampered = path[:-3] + ("A" if path[-3] != "A" else "B") + path[-2:]
    foreign = signing.dumps({"c": application.candidate_id, "a": 99999}, salt=FUTURE_CONTACT_SALT)
    other_salt = signing.dumps({"c": application.candidate_id, "a": application.pk})
    for bad in (tampered, f"/future-roles/{foreign}/", f"/future-roles/{other_salt}/"):
        response = client.post(bad, {"answer": "yes"})
        assert response.status_code == 404
        assert "This link does not work" in response.content.decode()
    assert not Consent.objects.exists()


def test_the_link_answers_for_180_days_then_gets_the_same_error(client, rita, application, reason):
    queued = timezone.now()
    with time_machine.travel(queued, tick=False):
        reject_application(application, reason, rita, keep_in_mind=True)
        path = answer_path(application)
    with time_machine.travel(queued + FUTURE_CONTACT_MAX_AGE - timedelta(minutes=1), tick=False):
        assert "contact me about future roles" in client.get(path).content.decode()
    with time_machine.travel(queued + FUTURE_CONTACT_MAX_AGE + timedelta(minutes=1), tick=False):
        expired = client.get(path)
        late_post = client.post(path, {"answer": "yes"})
    for response in (expired, late_post):
        assert response.status_code == 404
        assert "This link does not work" in response.content.decode()
    assert not Consent.objects.exists()
