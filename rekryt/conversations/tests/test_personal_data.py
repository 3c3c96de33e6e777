"""Replies by email are the candidate's personal data: in their export, and
gone with the notices that quoted them when the candidate is erased."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import make_application
from rekryt.conversations import personal_data
from rekryt.conversations.inbound.parse import parse
from rekryt.conversations.inbound.replies import store_reply
from rekryt.conversations.models import AddressFailure, Reply
from rekryt.conversations.tests.helpers import reply_mail
from rekryt.messaging.models import Message

pytestmark = pytest.mark.django_db


def test_export_and_erasure(job: Any) -> None:
    application = make_application(job)
    store_reply(application, parse(reply_mail("x@example.com", "Mitt svar.")))
    AddressFailure.objects.create(candidate=application.candidate)
    data = personal_data.export(application.candidate)
    assert [r["body"] for r in data["email_replies"]] == ["Mitt svar."]
    assert data["address_bounced_at"]
    assert Message.objects.filter(kind="reply_notice").exists()
    counts = personal_data.erase(application.candidate)
    assert counts["email_replies"] == 1 and counts["reply_notices"] == 1
    assert not Reply.objects.exists() and not AddressFailure.objects.exists()
    assert not Message.objects.filter(kind="reply_notice").exists()
