"""Workflows on applications. Each is one transaction that changes the rows,
writes the timeline Event and queues every email it causes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import File
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import override

from rekryt.accounts.models import Organisation, User
from rekryt.applications import automations, hooks
from rekryt.applications.mentions import colleagues_named, notify_mentioned
from rekryt.applications.models import (
    Application,
    EventKind,
    Note,
    Outcome,
    RejectionReason,
    record,
)
from rekryt.jobs.models import Stage
from rekryt.messaging import outbox
from rekryt.messaging.actions import cancel_message
from rekryt.messaging.models import Message, MessageStatus


@dataclass
class Upload:
    """A file that has passed the upload checks (rekryt.lib.sniff)."""

    kind: str
    file: File[Any]
    original_name: str
    content_type: str
    size: int
    sha256: str


@dataclass
class Submission:
    first_name: str
    last_name: str
    email: str
    phone: str = ""
    link: str = ""
    about: str = ""
    cover_letter: str = ""
    source: str = ""
    heard_from: str = ""
    language: str = "sv"
    submission_key: str | None = None
    uploads: list[Upload] = field(default_factory=list)
    # Sections other apps added to the form (rekryt.applications.hooks),
    # saved with a new application.
    parts: list[Any] = field(default_factory=list)
    # The privacy notice the form showed, kept on a new application.
    notice: Any = None
    # Run with a new application in the transaction that creates it (the
    # form's consent choices, say), so one commit records it all.
    on_created: list[Callable[[Application], None]] = field(default_factory=list)
    # The caller already found no earlier submission with this key (a race
    # that follows is still caught by the key's unique constraint).
    key_checked: bool = False

    def snapshot(self) -> dict[str, str]:
        return {
            "first_name": self.first_name,
            "last_name": self.last_name,
            "email": self.email.strip(),
            "phone": self.phone,
            "link": self.link,
        }


def email_date(moment: datetime, language: str) -> str:
    """A date as an email in `language` writes it."""
    with override(language):
        return formats.date_format(timezone.localtime(moment), "DATE_FORMAT")


def message_values(application: Application) -> dict[str, Any]:
    """The placeholders of an email about `application`. It greets the name
    the application was sent with: that is who the email answers."""
    job = application.job
    org = Organisation.get()
    reply_by = application.created_at + timedelta(days=job.reply_within_days)
    return {
        "candidate_first_name": application.first_name,
        "candidate_name": application.full_name,
        "job_title": job.title,
        "company": org.name,
        "recruiter_name": job.recruiter.display_name if job.recruiter else org.name,
        "reply_by": email_date(reply_by, application.language),
        "job_url": settings.SITE_URL + job.get_absolute_url(),
        "career_site_url": settings.SITE_URL + reverse("career_list"),
        "privacy_contact": org.privacy_contact,
        "stage_name": application.stage.name_in(application.language),
    }


def queue_email(
    application: Application,
    kind: str,
    key: str,
    extra: dict[str, str] | None = None,
    **kwargs: Any,
) -> Message:
    """Queue a templated email to the candidate about `application`; `extra`
    adds placeholder values (a personal note, say) to the usual ones."""
    message = outbox.queue(
        key=key,
        kind=kind,
        language=application.language,
        to_email=application.candidate.email,
        to_name=application.full_name,
        values={**message_values(application), **(extra or {})},
        candidate=application.candidate,
        application=application,
        **kwargs,
    )
    record(application, EventKind.MESSAGE_QUEUED, message=message.pk, subject=message.subject)
    return message


def stage_names(prefix: str, stage: Stage, language: str) -> dict[str, Any]:
    """A stage as a moved event keeps it: its id and its names as they were,
    so the timeline reads in each reader's language even after a rename."""
    return {
        f"{prefix}_stage": stage.pk,
        f"{prefix}_name": stage.name_in(language),
        f"{prefix}_name_sv": stage.name_sv,
        f"{prefix}_name_en": stage.name_en,
    }


@transaction.atomic
def move_to_stage(application: Application, stage: Stage, actor: User | None) -> bool:
    """Move an active application to another stage of its job: cancel the left
    stage's pending automation emails and run the new stage's automation
    (after the staff delay, so the move can be undone; see stage_emails)."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if not application.can_move_to(stage):
        return False
    previous = application.stage
    previous_entered_at = application.stage_entered_at
    application.stage = stage
    application.stage_entered_at = timezone.now()
    application.save(update_fields=["stage", "stage_entered_at", "updated_at"])
    cancelled = automations.on_leave(application, previous)
    record(
        application,
        EventKind.STAGE_MOVED,
        actor,
        **stage_names("from", previous, application.language),
        **stage_names("to", stage, application.language),
        # An undo of this move restores these (rekryt.applications.stage_emails).
        cancelled=cancelled,
        from_entered_at=previous_entered_at.isoformat(),
    )
    automations.on_enter(application, stage)
    return True


@transaction.atomic
def set_outcome(
    application: Application,
    outcome: str,
    actor: User | None,
    reason: RejectionReason | None = None,
) -> bool:
    """End an active application as hired, rejected or withdrawn."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if outcome == Outcome.ACTIVE or not application.can_set_outcome(outcome):
        return False
    if outcome in (Outcome.REJECTED, Outcome.WITHDRAWN) and reason is None:
        raise ValueError("A rejection or withdrawal needs a reason")
    application.outcome = outcome
    application.rejection_reason = reason if outcome != Outcome.HIRED else None
    application.ended_stage = application.stage
    application.ended_at = timezone.now()
    application.save()
    record(
        application,
        EventKind.OUTCOME_SET,
        actor,
        outcome=outcome,
        reason=reason.pk if reason else None,
        reason_name=reason.name_en if reason else "",
        stage=application.stage_id,
    )
    if outcome != Outcome.HIRED:
        # An ended application's stage emails (an interview invitation, say)
        # would now be wrong.
        automations.on_leave(application, application.stage)
    hooks.outcome_changed(application, actor)
    return True


@transaction.atomic
def reopen(application: Application, actor: User | None) -> bool:
    """Undo an outcome: the application is active again in the stage it ended
    in, and the decision's emails that have not gone out yet are cancelled."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.is_active:
        return False
    previous = application.outcome
    application.outcome = Outcome.ACTIVE
    application.rejection_reason = None
    application.ended_at = None
    application.ended_stage = None
    application.keep_in_mind = False
    application.save()
    record(application, EventKind.REOPENED, actor, previous_outcome=previous)
    for message in decision_messages(application).filter(status=MessageStatus.SCHEDULED):
        cancel_message(message, actor)
    hooks.outcome_changed(application, actor)
    return True


# Keys of the emails an ending causes (see rekryt.applications.rejections).
DECISION_PREFIXES = ("reject", "future")


def decision_messages(application: Application) -> QuerySet[Message]:
    keys = Q()
    for prefix in DECISION_PREFIXES:
        keys |= Q(idempotency_key__startswith=f"{prefix}:{application.pk}:")
    return Message.objects.filter(keys, application=application)


@transaction.atomic
@transaction.atomic
def add_note(application: Application, author: User, body: str) -> Note:
    """Add the note, and email each colleague it @mentions who may see the
    application (rekryt.applications.mentions)."""
    named = colleagues_named(application, body, author)
    note = Note.objects.create(application=application, author=author, body=body, told=len(named))
    told = notify_mentioned(note, author, named)
    record(application, EventKind.NOTE_ADDED, author, note=note.pk, mentions=[u.pk for u in told])
    return note
