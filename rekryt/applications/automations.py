"""Stage automations: the email a stage queues when an application enters it.

Each entry into a stage has its own idempotency key,
`stage:<application>:<stage>:<entry>`, where the entry number counts the
application's stage_moved events into that stage (0 when it was created
there). An automation therefore fires once per entry, however often the
action is retried. Leaving a stage cancels that stage's pending automation
emails, so moving a card back and forth does not spam the candidate.

The receipt (`application_received`) keeps the key `received:<application>`
and is never cancelled: every applicant gets exactly one receipt. It goes
out at once when an application is created (no staff action to undo). Every
email a staff member's move causes waits at least the organisation's
`stage_email_delay_minutes` (or the stage's own longer delay), so the move
can be undone and the email previewed before it leaves
(rekryt.applications.stage_emails)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from rekryt.accounts.models import Organisation
from rekryt.applications.models import Application, Event, EventKind, Outcome
from rekryt.jobs.models import STAGE_EMAIL_KINDS, Stage
from rekryt.messaging.actions import cancel_message
from rekryt.messaging.models import EmailTemplate, Message, MessageStatus, TemplateKind

log = logging.getLogger(__name__)


def stage_prefix(application: Application, stage: Stage | int) -> str:
    stage_pk = stage if isinstance(stage, int) else stage.pk
    return f"stage:{application.pk}:{stage_pk}:"


def entry_number(application: Application, stage: Stage) -> int:
    """How many times the application has moved into `stage` (this entry included)."""
    return Event.objects.filter(
        application=application, kind=EventKind.STAGE_MOVED, data__to_stage=stage.pk
    ).count()


def automation_key(application: Application, stage: Stage, entry: int) -> str:
    if stage.email_kind == TemplateKind.APPLICATION_RECEIVED:
        return f"received:{application.pk}"
    return f"{stage_prefix(application, stage)}{entry}"


def on_enter(application: Application, stage: Stage, *, created: bool = False) -> Message | None:
    """Queue the stage's email for this entry, if it has one. Call inside the
    transaction that moved (or created) the application."""
    from rekryt.applications.actions import queue_email  # actions calls this module
    from rekryt.applications.hooks import stage_entered

    replaced = stage_entered(application, stage, created)
    kind = stage.email_kind
    if not kind or replaced:
        return None
    if kind not in STAGE_EMAIL_KINDS:
        log.warning("stage %s wants email %r, which a stage may not send", stage.pk, kind)
        return None
    if not EmailTemplate.objects.filter(kind=kind).exists():
        # A stage must never block a move: log it and carry on without the email.
        log.warning("stage %s wants email %r, which has no template", stage.pk, kind)
        return None
    entry = 0 if created else entry_number(application, stage)
    return queue_email(
        application,
        kind,
        key=automation_key(application, stage, entry),
        send_after=send_time(stage, created=created),
    )


def send_time(stage: Stage, *, created: bool = False) -> datetime:
    """When the email of entering `stage` goes out: the stage's own delay, and
    after a staff move never sooner than the organisation's undo window."""
    delay = timedelta(hours=stage.email_delay_hours)
    if not created:
        undo_window = timedelta(minutes=Organisation.get().stage_email_delay_minutes)
        delay = max(delay, undo_window)
    return timezone.now() + delay


def pending_in(application: Application, stage: Stage | int) -> QuerySet[Message]:
    """The stage's automation emails to this application still waiting to go out."""
    return Message.objects.filter(
        application=application,
        status=MessageStatus.SCHEDULED,
        idempotency_key__startswith=stage_prefix(application, stage),
    )


def on_leave(application: Application, stage: Stage) -> list[int]:
    """Cancel the left stage's automation emails that have not gone out yet;
    returns the ids of those cancelled."""
    return [m.pk for m in pending_in(application, stage) if cancel_message(m, None)]


def still_in_stage(message: Message) -> bool:
    """Checked by the worker before sending: a stage email is only wanted while
    the application is still in the stage it was queued for, and not ended
    without a hire."""
    if not message.idempotency_key.startswith("stage:") or message.application is None:
        return True
    application = message.application
    _prefix, _app, stage_pk, _entry = message.idempotency_key.split(":")
    ongoing = application.outcome in (Outcome.ACTIVE, Outcome.HIRED)
    return ongoing and str(application.stage_id) == stage_pk
