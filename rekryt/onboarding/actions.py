"""Onboarding workflows. Each is one transaction that changes the rows,
writes the application's timeline Event and queues the emails it causes.
Events never hold bank or tax details, nor what the new hire wrote."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone

from rekryt.accounts.models import Organisation, User
from rekryt.applications.models import Application, EventKind, Outcome, record
from rekryt.lib.sniff import Checked
from rekryt.messaging.actions import cancel_message
from rekryt.messaging.models import Message, MessageStatus
from rekryt.offers.models import accepted_offer
from rekryt.onboarding import emails, sealing
from rekryt.onboarding.models import (
    Confirmation,
    Material,
    Onboarding,
    Owner,
    Status,
    Task,
    TaskTemplate,
    Upload,
)
from rekryt.onboarding.schedule import first_reminder, morning_of, working_day_from

SURVEY_AFTER_START = timedelta(days=30)


def start_date_for(application: Application) -> date | None:
    """The start date a new onboarding begins with: the accepted offer's,
    when the hire came with one; otherwise none until the recruiter sets it."""
    offer = accepted_offer(application)
    return offer.start_date if offer is not None else None


def on_outcome_changed(application: Application, actor: User | None) -> None:
    """Registered with applications' outcome hook: a hire starts onboarding;
    a reopened hire's open onboarding is cancelled."""
    if application.outcome == Outcome.HIRED:
        start_onboarding(application, actor)
    elif application.outcome == Outcome.ACTIVE:
        cancel_onboarding(application, actor)


@transaction.atomic
def start_onboarding(application: Application, actor: User | None) -> Onboarding:
    onboarding, created = Onboarding.objects.get_or_create(
        application=application, defaults={"start_date": start_date_for(application)}
    )
    if not created and onboarding.status != Status.CANCELLED:
        return onboarding
    onboarding.status = Status.PREPARING
    onboarding.completed_at = None
    onboarding.save(update_fields=["status", "completed_at"])
    if not onboarding.tasks.exists():
        _make_tasks(onboarding)
    record(application, EventKind.ONBOARDING_STARTED, actor, onboarding=onboarding.pk)
    return onboarding


def _owner_user(template: TaskTemplate, application: Application) -> User | None:
    job = application.job
    if template.default_user_id:
        return template.default_user
    if template.owner == Owner.MANAGER:
        managers = job.team.filter(role="hiring_manager", is_active=True).order_by("pk")
        return managers.first() or job.recruiter
    return job.recruiter


def _make_tasks(onboarding: Onboarding) -> None:
    application = onboarding.application
    templates = TaskTemplate.objects.filter(active=True).select_related("default_user")
    Task.objects.bulk_create(
        Task(
            onboarding=onboarding,
            template=t,
            title_sv=t.title_sv,
            title_en=t.title_en,
            owner=t.owner,
            days=t.days,
            user=_owner_user(t, application),
        )
        for t in templates
    )
    _schedule_tasks(onboarding)


def _schedule_tasks(onboarding: Onboarding) -> None:
    """Due dates and reminders of the undone tasks from the start date."""
    start = onboarding.start_date
    now = timezone.now()
    for task in onboarding.tasks.filter(done_at=None):
        task.due_date = working_day_from(start, task.days) if start else None
        remind = first_reminder(task.due_date) if task.due_date else None
        task.remind_at = max(remind, now) if remind else None
        task.save(update_fields=["due_date", "remind_at"])


@transaction.atomic
def set_start_date(onboarding: Onboarding, start: date | None, actor: User | None) -> None:
    if onboarding.start_date == start:
        return
    onboarding.start_date = start
    onboarding.save(update_fields=["start_date"])
    _schedule_tasks(onboarding)
    _move_survey(onboarding)
    record(
        onboarding.application,
        EventKind.START_DATE_SET,
        actor,
        start_date=start.isoformat() if start else None,
    )


def hired_survey_due(application: Application, planned: datetime) -> datetime:
    """Registered with surveys for the "hired" step: 30 days after the start
    date, at the morning hour (30 days after the hire until one is set)."""
    onboarding = Onboarding.objects.filter(application=application).first()
    if onboarding is None or onboarding.start_date is None:
        return planned + SURVEY_AFTER_START
    return morning_of(onboarding.start_date + SURVEY_AFTER_START)


def _move_survey(onboarding: Onboarding) -> None:
    from rekryt.surveys.models import Step, Survey, SurveyStatus

    Survey.objects.filter(
        application=onboarding.application, step=Step.HIRED, status=SurveyStatus.SCHEDULED
    ).update(due_at=hired_survey_due(onboarding.application, timezone.now()))


@transaction.atomic
def save_plan(onboarding: Onboarding, values: dict[str, Any], actor: User | None) -> None:
    """What staff prepare: practical details, people and content."""
    people = values.pop("people", None)
    start = values.pop("start_date", onboarding.start_date)
    for name, value in values.items():
        setattr(onboarding, name, value)
    if values:
        onboarding.save(update_fields=list(values))
    if people is not None:
        onboarding.people.set(people)
    set_start_date(onboarding, start, actor)


def invite_key(onboarding: Onboarding) -> str:
    return f"onb-invite:{onboarding.pk}:{onboarding.invited_at:%Y%m%d%H%M%S%f}"


@transaction.atomic
def invite(onboarding: Onboarding, actor: User | None) -> Message | None:
    """Open the preboarding portal and queue the email that tells the new
    hire, after the organisation's undo window."""
    onboarding = Onboarding.objects.select_for_update().get(pk=onboarding.pk)
    if onboarding.status != Status.PREPARING:
        return None
    onboarding.status = Status.INVITED
    onboarding.invited_at = timezone.now()
    onboarding.save(update_fields=["status", "invited_at"])
    delay = timedelta(minutes=Organisation.get().stage_email_delay_minutes)
    message = emails.queue_invitation(
        onboarding, key=invite_key(onboarding), send_after=timezone.now() + delay
    )
    record(onboarding.application, EventKind.ONBOARDING_INVITED, actor, message=message.pk)
    return message


def pending_invitation(onboarding: Onboarding) -> Message | None:
    if onboarding.status != Status.INVITED or onboarding.invited_at is None:
        return None
    return Message.objects.filter(
        idempotency_key=invite_key(onboarding), status=MessageStatus.SCHEDULED
    ).first()


@transaction.atomic
def undo_invite(onboarding: Onboarding, actor: User | None) -> bool:
    onboarding = Onboarding.objects.select_for_update().get(pk=onboarding.pk)
    message = pending_invitation(onboarding)
    if message is None or not cancel_message(message, actor):
        return False
    Onboarding.objects.filter(pk=onboarding.pk).update(status=Status.PREPARING, invited_at=None)
    record(onboarding.application, EventKind.ONBOARDING_INVITE_UNDONE, actor)
    return True


@transaction.atomic
def set_task_done(task: Task, done: bool, actor: User | None) -> None:
    if done == (task.done_at is not None):
        return
    task.done_at = timezone.now() if done else None
    task.done_by = actor if done else None
    task.remind_at = None if done else (first_reminder(task.due_date) if task.due_date else None)
    if task.remind_at is not None:
        task.remind_at = max(task.remind_at, timezone.now())
    task.save(update_fields=["done_at", "done_by", "remind_at"])
    if done:
        record(
            task.onboarding.application,
            EventKind.ONBOARDING_TASK_DONE,
            actor,
            task=task.pk,
            title_sv=task.title_sv,
            title_en=task.title_en,
        )


@transaction.atomic
def assign_task(task: Task, user: User | None) -> None:
    task.user = user
    task.save(update_fields=["user"])


# --- What the new hire does in the portal ----------------------------------


@transaction.atomic
def confirm_material(onboarding: Onboarding, material: Material) -> bool:
    _confirmation, created = Confirmation.objects.get_or_create(
        onboarding=onboarding, material=material
    )
    if created:
        record(onboarding.application, EventKind.PAPERWORK_DONE, what="confirmed", item=material.pk)
    return created


@transaction.atomic
def save_details(onboarding: Onboarding, values: dict[str, str]) -> None:
    for name, value in values.items():
        setattr(onboarding, name, value)
    onboarding.details_saved_at = timezone.now()
    onboarding.save(update_fields=[*values, "details_saved_at"])
    record(onboarding.application, EventKind.PAPERWORK_DONE, what="details")


@transaction.atomic
def add_upload(onboarding: Onboarding, kind: str, file: File[Any], checked: Checked) -> Upload:
    upload = Upload(
        onboarding=onboarding,
        kind=kind,
        original_name=checked.original_name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
    )
    upload.file.save("upload.bin", file, save=False)
    upload.save()
    record(onboarding.application, EventKind.PAPERWORK_DONE, what="upload", file_kind=kind)
    return upload


def pay_erase_time(onboarding: Onboarding) -> datetime:
    """When details never handed over are erased: PAY_DETAILS_DAYS after the
    start date (after now, while there is none)."""
    days = timedelta(days=settings.ONBOARDING_PAY_DETAILS_DAYS)
    if onboarding.start_date is None:
        return timezone.now() + days
    return morning_of(onboarding.start_date + days)


@transaction.atomic
def save_pay_details(onboarding: Onboarding, bank: dict[str, str], tax: dict[str, str]) -> None:
    onboarding.bank_sealed = sealing.seal(bank)
    onboarding.tax_sealed = sealing.seal(tax)
    onboarding.pay_saved_at = timezone.now()
    onboarding.pay_handed_over_at = None
    onboarding.pay_erase_at = pay_erase_time(onboarding) if onboarding.has_pay_details else None
    onboarding.save(
        update_fields=[
            "bank_sealed",
            "tax_sealed",
            "pay_saved_at",
            "pay_handed_over_at",
            "pay_erase_at",
        ]
    )
    record(onboarding.application, EventKind.PAY_DETAILS_SAVED)


def _erase_pay(onboarding: Onboarding) -> None:
    Onboarding.objects.filter(pk=onboarding.pk).update(
        bank_sealed="", tax_sealed="", pay_erase_at=None
    )
    onboarding.bank_sealed = onboarding.tax_sealed = ""
    onboarding.pay_erase_at = None


@transaction.atomic
def hand_over_pay_details(onboarding: Onboarding, actor: User) -> bool:
    """Payroll has the details: erase them here and say who handed them over."""
    onboarding = Onboarding.objects.select_for_update().get(pk=onboarding.pk)
    if not onboarding.has_pay_details:
        return False
    _erase_pay(onboarding)
    Onboarding.objects.filter(pk=onboarding.pk).update(
        pay_handed_over_at=timezone.now(), pay_handed_over_by=actor
    )
    record(onboarding.application, EventKind.PAY_DETAILS_HANDED_OVER, actor)
    return True


@transaction.atomic
def erase_pay_details(onboarding: Onboarding, reason: str) -> bool:
    """The worker's erasure of details never handed over (`reason`: why)."""
    onboarding = Onboarding.objects.select_for_update().get(pk=onboarding.pk)
    if not onboarding.has_pay_details:
        return False
    _erase_pay(onboarding)
    record(onboarding.application, EventKind.PAY_DETAILS_ERASED, reason=reason)
    return True


@transaction.atomic
def complete_onboarding(onboarding: Onboarding, actor: User) -> bool:
    if not onboarding.is_open:
        return False
    onboarding.status = Status.DONE
    onboarding.completed_at = timezone.now()
    onboarding.save(update_fields=["status", "completed_at"])
    Task.objects.filter(onboarding=onboarding, done_at=None).update(remind_at=None)
    # The onboarding's id lets the webhook point at the hand-over document.
    record(onboarding.application, EventKind.ONBOARDING_DONE, actor, onboarding=onboarding.pk)
    return True


@transaction.atomic
def cancel_onboarding(application: Application, actor: User | None) -> bool:
    onboarding = Onboarding.objects.select_for_update().filter(application=application).first()
    if onboarding is None or not onboarding.is_open:
        return False
    message = pending_invitation(onboarding)
    if message is not None:
        cancel_message(message, actor)
    onboarding.status = Status.CANCELLED
    onboarding.save(update_fields=["status"])
    Task.objects.filter(onboarding=onboarding, done_at=None).update(remind_at=None)
    _erase_pay(onboarding)
    record(application, EventKind.ONBOARDING_CANCELLED, actor)
    return True


def reminder_still_wanted(message: Message) -> bool:
    """Checked by delivery just before a task reminder goes: only while the
    task is open and its onboarding too."""
    if not message.idempotency_key.startswith("onb-task:"):
        return True
    pk = message.idempotency_key.split(":")[1]
    task = Task.objects.select_related("onboarding").filter(pk=pk).first()
    return task is not None and task.done_at is None and task.onboarding.is_open
