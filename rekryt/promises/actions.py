"""Workflows of the no-silence promise. Each is one transaction that writes
the timeline Event for anything touching an application."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import override

from rekryt.accounts.models import Organisation
from rekryt.applications.actions import message_values
from rekryt.applications.models import Application, Event, EventKind, record
from rekryt.messaging import outbox
from rekryt.messaging.models import Message, TemplateKind


def hear_by_for(today: date) -> date:
    return today + timedelta(days=Organisation.get().max_silence_days)


@transaction.atomic
def send_status_update(application: Application) -> Message:
    """Queue the "we are still working on it, you will hear from us by DATE"
    email and record that date as a promise the waiting view tracks.

    The key counts earlier promises, so each silence gets its own email and
    a retry of the same one is a no-op."""
    hear_by = hear_by_for(timezone.localdate())
    n = Event.objects.filter(application=application, kind=EventKind.PROMISE_SET).count() + 1
    with override(application.language):
        hear_by_text = formats.date_format(hear_by, "DATE_FORMAT")
    message = outbox.queue(
        key=f"status:{application.pk}:{n}",
        kind=TemplateKind.STATUS_UPDATE,
        language=application.language,
        to_email=application.candidate.email,
        to_name=application.full_name,
        values={**message_values(application), "hear_by": hear_by_text},
        candidate=application.candidate,
        application=application,
    )
    record(application, EventKind.MESSAGE_QUEUED, message=message.pk, subject=message.subject)
    record(application, EventKind.PROMISE_SET, hear_by=hear_by.isoformat(), message=message.pk)
    return message
