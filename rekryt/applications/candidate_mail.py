"""An email to an application's candidate that an app wrote itself (an
interview invitation, a test invitation, an onboarding invitation…): queued
in the outbox, tied to the candidate and the application so it is in their
data and on the timeline, and recorded there as queued."""

from __future__ import annotations

from datetime import datetime

from rekryt.applications.models import Application, EventKind, record
from rekryt.messaging import outbox
from rekryt.messaging.models import Message
from rekryt.messaging.rendering import Rendered


def queue_to_candidate(
    application: Application,
    rendered: Rendered,
    *,
    key: str,
    kind: str,
    send_after: datetime | None = None,
) -> Message:
    message = outbox.queue_rendered(
        key=key,
        kind=kind,
        to_email=application.candidate.email,
        to_name=application.full_name,
        subject=rendered.subject,
        text=rendered.text,
        html=rendered.html,
        language=application.language,
        send_after=send_after,
    )
    Message.objects.filter(pk=message.pk).update(
        application=application, candidate_id=application.candidate_id
    )
    message.application, message.candidate_id = application, application.candidate_id
    record(application, EventKind.MESSAGE_QUEUED, message=message.pk, subject=message.subject)
    return message
