"""Workflows on applications. Each is one transaction that changes the rows,
writes the timeline Event and queues every email it causes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import override

from rekryt.accounts.models import Organisation, User
from rekryt.applications import automations
from rekryt.applications.models import (
    Application,
    EventKind,
    Note,
    Outcome,
    RejectionReason,
    record,
)
from rekryt.candidates.models import Candidate, Document, normalise_email
from rekryt.candidates.search import index_candidate
from rekryt.jobs.models import Job, Stage
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


def message_values(application: Application) -> dict[str, Any]:
    job = application.job
    org = Organisation.get()
    reply_by = application.created_at + timedelta(days=job.reply_within_days)
    with override(application.language):
        reply_by_text = formats.date_format(timezone.localtime(reply_by), "DATE_FORMAT")
    return {
        "candidate_first_name": application.candidate.first_name,
        "candidate_name": application.candidate.full_name,
        "job_title": job.title,
        "company": org.name,
        "recruiter_name": job.recruiter.display_name if job.recruiter else org.name,
        "reply_by": reply_by_text,
        "job_url": settings.SITE_URL + job.get_absolute_url(),
        "career_site_url": settings.SITE_URL + reverse("career_list"),
        "privacy_contact": org.privacy_contact,
        "stage_name": application.stage.name,
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
        to_name=application.candidate.full_name,
        values={**message_values(application), **(extra or {})},
        candidate=application.candidate,
        application=application,
        **kwargs,
    )
    record(application, EventKind.MESSAGE_QUEUED, message=message.pk, subject=message.subject)
    return message


def _candidate_for(sub: Submission) -> Candidate:
    normalised = normalise_email(sub.email)
    candidate = Candidate.objects.filter(email_normalised=normalised).first()
    if candidate is None:
        candidate = Candidate(email=sub.email.strip())
        candidate.save()
    return candidate


def _update_contact_details(candidate: Candidate, sub: Submission) -> None:
    """A new application carries the freshest contact details. Called only
    when one is created: a resubmit for the same job changes nothing, so
    typing someone's address cannot rename them."""
    candidate.first_name = sub.first_name
    candidate.last_name = sub.last_name
    candidate.phone = sub.phone or candidate.phone
    candidate.link = sub.link or candidate.link
    candidate.language = sub.language
    candidate.save()


def _store_uploads(candidate: Candidate, application: Application, uploads: list[Upload]) -> None:
    for upload in uploads:
        doc = Document(
            candidate=candidate,
            application=application,
            kind=upload.kind,
            original_name=upload.original_name,
            content_type=upload.content_type,
            size=upload.size,
            sha256=upload.sha256,
        )
        doc.file.save("upload", upload.file, save=False)
        doc.save()
        record(application, EventKind.DOCUMENT_ADDED, document=doc.pk, document_kind=upload.kind)


def submit_application(job: Job, sub: Submission) -> tuple[Application, bool]:
    """Create the application (or find the one this person already has for the
    job) and run the first stage's automation, which by default queues the
    receipt under the key `received:<pk>`. Returns (application, created)."""
    if sub.submission_key:
        existing = Application.objects.filter(submission_key=sub.submission_key).first()
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic():
            candidate = _candidate_for(sub)
            previous = Application.objects.filter(candidate=candidate, job=job).first()
            if previous is not None:
                return previous, False
            _update_contact_details(candidate, sub)
            application = Application.objects.create(
                candidate=candidate,
                job=job,
                stage=job.first_stage(),
                about=sub.about,
                cover_letter=sub.cover_letter,
                source=sub.source[:40],
                heard_from=sub.heard_from,
                language=job.language,
                submission_key=sub.submission_key,
            )
            record(application, EventKind.CREATED, source=application.source)
            _store_uploads(candidate, application, sub.uploads)
            index_candidate(candidate)
            automations.on_enter(application, application.stage, created=True)
    except IntegrityError:
        # A concurrent double submit won the race: show its result.
        if sub.submission_key:
            return Application.objects.get(submission_key=sub.submission_key), False
        raise
    return application, True


@transaction.atomic
def move_to_stage(application: Application, stage: Stage, actor: User | None) -> bool:
    """Move an active application to another stage of its job: cancel the left
    stage's pending automation emails and run the new stage's automation."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if not application.can_move_to(stage):
        return False
    previous = application.stage
    application.stage = stage
    application.stage_entered_at = timezone.now()
    application.save(update_fields=["stage", "stage_entered_at", "updated_at"])
    record(
        application,
        EventKind.STAGE_MOVED,
        actor,
        from_stage=previous.pk,
        from_name=previous.name,
        to_stage=stage.pk,
        to_name=stage.name,
    )
    automations.on_leave(application, previous)
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
    return True


# Keys of the emails an ending causes (see rekryt.applications.rejections).
DECISION_PREFIXES = ("reject", "future")


def decision_messages(application: Application) -> QuerySet[Message]:
    keys = Q()
    for prefix in DECISION_PREFIXES:
        keys |= Q(idempotency_key__startswith=f"{prefix}:{application.pk}:")
    return Message.objects.filter(keys, application=application)


@transaction.atomic
def add_note(application: Application, author: User, body: str) -> Note:
    note = Note.objects.create(application=application, author=author, body=body)
    record(application, EventKind.NOTE_ADDED, author, note=note.pk)
    return note
