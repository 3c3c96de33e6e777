from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from django.utils import timezone

from rekryt.applications.models import Application
from rekryt.messaging.models import Message, MessageStatus


@pytest.fixture(autouse=True)
def english(client: Any, settings: Any) -> None:
    settings.LANGUAGE_CODE = "en"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def contact(application: Application, kind: str, when: datetime | None = None) -> Message:
    """A sent email to the candidate, as the delivery duty leaves it."""
    when = when or timezone.now()
    n = Message.objects.count() + 1
    return Message.objects.create(
        idempotency_key=f"test-contact:{application.pk}:{n}",
        kind=kind,
        to_email=application.candidate.email,
        subject="Hello",
        body_text="Hello",
        candidate=application.candidate,
        application=application,
        status=MessageStatus.SENT,
        sent_at=when,
        send_after=when,
        give_up_at=when,
    )
