"""Scheduling interviews: offering times, booking, moving, cancelling and
undoing, each one transaction that changes the interview, writes an Event
on the application's timeline, plans the reminders and queues every email.

A slot can be held by one interview only (Interview.slot is a unique
one-to-one): when two candidates race for it, the database lets one commit
and the other gets SlotTaken, and is told kindly to choose another time.
Emails a staff member's action causes wait the organisation's stage email
delay, so the action can be undone before anyone hears of it."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from rekryt.accounts.models import Organisation, User
from rekryt.applications.automations import automation_key, entry_number, send_time
from rekryt.applications.models import Application, EventKind, record
from rekryt.interviews import emails
from rekryt.interviews.calendar import BOOKED, CANCELLED, MOVED
from rekryt.interviews.models import Interview, PlanStep, Reminder, ReminderKind, Slot, Status
from rekryt.jobs.models import StageKind
from rekryt.messaging.actions import cancel_message
from rekryt.messaging.models import Message, MessageStatus


class SlotTaken(Exception):
    """Someone else booked that time a moment ago."""


class NotPossible(Exception):
    """The interview has changed since the page was shown."""


def staff_delay() -> datetime:
    return timezone.now() + timedelta(minutes=Organisation.get().stage_email_delay_minutes)


# --- Slots --------------------------------------------------------------------


def busy(users: list[User], starts: datetime, ends: datetime, buffer: timedelta) -> bool:
    """True when one of `users` is booked, or offers a time, that overlaps
    [starts, ends] widened by `buffer` on both sides."""
    lo, hi = starts - buffer, ends + buffer
    booked = Interview.objects.filter(
        status=Status.BOOKED, interviewers__in=users, starts_at__lt=hi, ends_at__gt=lo
    )
    offered = Slot.objects.filter(
        interviewers__in=users, starts_at__lt=hi, ends_at__gt=lo, starts_at__gt=timezone.now()
    ).filter(Q(interview__isnull=True) | Q(interview__status=Status.BOOKED))
    return booked.exists() or offered.exists()


@transaction.atomic
def offer_slots(
    step: PlanStep,
    day: Any,
    start: time,
    end: time,
    interviewers: list[User],
    buffer_minutes: int,
) -> tuple[list[Slot], int]:
    """Times of the step's length from `start` to `end` on `day` (local
    time), with `buffer_minutes` between them; those clashing with an
    interviewer's other interviews or offered times are left out. Returns
    (the slots made, how many were left out)."""
    zone = timezone.get_current_timezone()
    length = timedelta(minutes=step.duration_minutes)
    buffer = timedelta(minutes=buffer_minutes)
    cursor = timezone.make_aware(datetime.combine(day, start), zone)
    stop = timezone.make_aware(datetime.combine(day, end), zone)
    made: list[Slot] = []
    skipped = 0
    while cursor + length <= stop:
        ends = cursor + length
        if cursor <= timezone.now() or busy(interviewers, cursor, ends, buffer):
            skipped += 1
        else:
            slot = Slot.objects.create(step=step, starts_at=cursor, ends_at=ends)
            slot.interviewers.set(interviewers)
            made.append(slot)
        cursor = ends + buffer
    return made, skipped


def open_slots(step: PlanStep) -> QuerySet[Slot]:
    """Times of `step` nobody holds, from an hour ahead (no booking for
    the next few minutes)."""
    soon = timezone.now() + timedelta(hours=1)
    return Slot.objects.filter(step=step, interview__isnull=True, starts_at__gt=soon)


@transaction.atomic
def remove_slot(slot: Slot) -> bool:
    if Interview.objects.filter(slot=slot).exists():
        return False
    slot.delete()
    return True


# --- Offering and booking -------------------------------------------------------


def _state(interview: Interview) -> dict[str, Any]:
    return {
        "status": interview.status,
        "slot": interview.slot_id,
        "starts_at": interview.starts_at.isoformat() if interview.starts_at else None,
        "ends_at": interview.ends_at.isoformat() if interview.ends_at else None,
        "sequence": interview.sequence,
    }


def _event(interview: Interview, kind: str, actor: User | None, **data: Any) -> None:
    record(
        interview.application,
        kind,
        actor,
        interview=interview.pk,
        step=interview.step.name_sv,
        step_en=interview.step.name_en,
        starts_at=interview.starts_at.isoformat() if interview.starts_at else None,
        **data,
    )


@transaction.atomic
def offer(
    application: Application,
    step: PlanStep,
    actor: User | None,
    *,
    key: str = "",
    send_after: datetime | None = None,
    stage: Any = None,
) -> Interview:
    """Invite the candidate to choose one of the step's open times in the
    portal (or to ask for others)."""
    interview = Interview.objects.create(
        application=application,
        step=step,
        status=Status.OFFERED,
        contact=actor or application.job.recruiter,
        stage=stage,
    )
    _event(interview, EventKind.INTERVIEW_OFFERED, actor)
    emails.queue_candidate(
        interview,
        emails.OFFER,
        key=key or f"iv:{interview.pk}:offer",
        send_after=send_after if send_after is not None else staff_delay(),
    )
    return interview


def on_stage_entered(application: Application, stage: Any, created: bool) -> bool:
    """Registered with applications.hooks.on_stage_entered. Entering an
    interview stage whose job has a plan with open times offers the first
    such interview in place of the stage's plain "we will be in touch"
    invitation, under the stage email's own key (so the move's undo, the
    card's preview and leaving the stage treat it like the stage email)."""
    if created or stage.kind != StageKind.INTERVIEW or not stage.email_kind:
        return False
    for step in PlanStep.objects.filter(job_id=application.job_id):
        if Interview.objects.filter(application=application, step=step).exists():
            continue
        if not open_slots(step).exists():
            continue
        entry = entry_number(application, stage)
        offer(
            application,
            step,
            None,
            key=automation_key(application, stage, entry),
            send_after=send_time(stage),
            stage=stage,
        )
        return True
    return False


def _lock(interview: Interview) -> Interview:
    return (
        Interview.objects.select_for_update(of=("self",))
        .select_related("application__candidate", "application__job", "step__location", "slot")
        .get(pk=interview.pk)
    )


def book(
    interview: Interview,
    slot: Slot,
    actor: User | None,
    *,
    by_candidate: bool = False,
    direct: bool = False,
) -> Interview:
    """Give the interview `slot` (first booking, or a move to another time).
    Raises SlotTaken when someone holds the slot, NotPossible when the
    interview was cancelled or the slot belongs to another step."""
    try:
        with transaction.atomic():
            return _book(interview, slot, actor, by_candidate, direct)
    except IntegrityError as exc:
        raise SlotTaken from exc


def _book(
    interview: Interview, slot: Slot, actor: User | None, by_candidate: bool, direct: bool
) -> Interview:
    interview = _lock(interview)
    if interview.status == Status.CANCELLED or slot.step_id != interview.step_id:
        raise NotPossible
    if slot.starts_at <= timezone.now():
        raise SlotTaken
    before = _state(interview)
    moving = interview.status == Status.BOOKED
    if moving:
        interview.sequence += 1
    interview.slot = slot
    interview.starts_at, interview.ends_at = slot.starts_at, slot.ends_at
    interview.status = Status.BOOKED
    # The unique slot decides a race here (IntegrityError -> SlotTaken).
    interview.save(update_fields=["slot", "starts_at", "ends_at", "status", "sequence"])
    interview.interviewers.set(list(slot.interviewers.all()))
    kind = EventKind.INTERVIEW_MOVED if moving else EventKind.INTERVIEW_BOOKED
    _event(interview, kind, actor, previous=before, by_candidate=by_candidate, direct=direct)
    plan_reminders(interview)
    emails.tell_everyone(
        interview, MOVED if moving else BOOKED, None if by_candidate else staff_delay()
    )
    return interview


@transaction.atomic
def book_directly(
    application: Application,
    step: PlanStep,
    starts_at: datetime,
    interviewers: list[User],
    actor: User,
    *,
    video_url: str = "",
    interview: Interview | None = None,
) -> Interview:
    """Book a time the recruiter agreed with the candidate (or move an
    interview there): a slot of its own, taken at once."""
    slot = Slot.objects.create(
        step=step, starts_at=starts_at, ends_at=starts_at + timedelta(minutes=step.duration_minutes)
    )
    slot.interviewers.set(interviewers)
    direct = interview is None
    if interview is None:
        interview = Interview.objects.create(
            application=application, step=step, status=Status.OFFERED, contact=actor
        )
    if video_url:
        Interview.objects.filter(pk=interview.pk).update(video_url=video_url)
        interview.video_url = video_url
    return book(interview, slot, actor, direct=direct)


@transaction.atomic
def cancel(interview: Interview, reason: str, actor: User | None, *, by_candidate: bool) -> bool:
    interview = _lock(interview)
    if not interview.can_be_cancelled():
        return False
    before = _state(interview)
    was_booked = interview.status == Status.BOOKED
    # Nobody is told of the end of an interview they never heard of.
    told = Message.objects.filter(
        idempotency_key__startswith=f"iv:{interview.pk}:",
        kind__in=[BOOKED, MOVED],
        status=MessageStatus.SENT,
    ).exists()
    interview.status = Status.CANCELLED
    interview.cancel_reason = reason.strip()[:1000]
    interview.cancelled_by_candidate = by_candidate
    interview.slot = None
    if was_booked:
        interview.sequence += 1
    interview.save()
    _event(interview, EventKind.INTERVIEW_CANCELLED, actor, previous=before, reason=reason[:200])
    plan_reminders(interview)
    for message in pending_messages(interview):
        cancel_message(message, actor)
    if was_booked and told:
        emails.tell_everyone(interview, CANCELLED, None if by_candidate else staff_delay())
    return True


@transaction.atomic
def ask_for_other_times(interview: Interview, text: str) -> None:
    interview = _lock(interview)
    interview.times_asked = text.strip()[:2000]
    interview.save(update_fields=["times_asked"])
    _event(interview, EventKind.INTERVIEW_TIMES_ASKED, None)
    recruiter = interview.contact or interview.application.job.recruiter
    if recruiter is not None:
        emails.queue_staff(
            interview,
            recruiter,
            "interview_times_asked",
            key=f"iv:{interview.pk}:asked:{timezone.now().timestamp():.0f}",
        )


# --- Undo -----------------------------------------------------------------------


def pending_messages(interview: Interview) -> QuerySet[Message]:
    return Message.objects.filter(
        status=MessageStatus.SCHEDULED, idempotency_key__startswith=f"iv:{interview.pk}:"
    )


def undoable(interview: Interview) -> bool:
    """A staff member's last booking, move or cancellation can be undone
    while every email it caused is still waiting."""
    return pending_messages(interview).filter(
        idempotency_key__startswith=f"iv:{interview.pk}:{interview.sequence}:"
    ).exists() and bool(_last_change(interview))


def _last_change(interview: Interview) -> Any:
    from rekryt.applications.models import Event

    kinds = [EventKind.INTERVIEW_BOOKED, EventKind.INTERVIEW_MOVED, EventKind.INTERVIEW_CANCELLED]
    last = (
        Event.objects.filter(application_id=interview.application_id, kind__in=kinds)
        .filter(data__interview=interview.pk)
        .order_by("-created_at", "-pk")
        .first()
    )
    if last is None or last.data.get("by_candidate") or last.data.get("undo"):
        return None
    return last


@transaction.atomic
def undo(interview: Interview, actor: User) -> bool:
    """Put the interview back as it was before the staff member's last
    change, cancelling that change's waiting emails. False when an email
    has gone (or is going) out, or the old time has been taken since."""
    interview = _lock(interview)
    change = _last_change(interview)
    waiting = list(
        pending_messages(interview).filter(
            idempotency_key__startswith=f"iv:{interview.pk}:{interview.sequence}:"
        )
    )
    if change is None or not waiting:
        return False
    if not all(cancel_message(message, actor) for message in waiting):
        transaction.set_rollback(True)
        return False
    previous = change.data.get("previous") or {}
    interview.status = previous.get("status", Status.CANCELLED)
    interview.sequence = previous.get("sequence", interview.sequence)
    interview.starts_at = _parse(previous.get("starts_at"))
    interview.ends_at = _parse(previous.get("ends_at"))
    slot = Slot.objects.filter(pk=previous.get("slot") or 0).first()
    if change.data.get("direct"):
        # A direct booking made the interview: undoing it leaves nothing.
        interview.status = Status.CANCELLED
    try:
        with transaction.atomic():
            interview.slot = slot
            interview.save()
    except IntegrityError:
        transaction.set_rollback(True)
        return False
    if slot is not None:
        interview.interviewers.set(list(slot.interviewers.all()))
    _event(interview, change.kind, actor, undo=change.pk)
    plan_reminders(interview)
    return True


def _parse(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


# --- Reminders --------------------------------------------------------------------


def plan_reminders(interview: Interview) -> None:
    """The reminders of the interview as it is now: the unsent ones of an
    earlier time go, so a moved interview reminds for its new time only and
    a cancelled one not at all."""
    Reminder.objects.filter(interview=interview, done_at__isnull=True).delete()
    if interview.status != Status.BOOKED or interview.starts_at is None:
        return
    now = timezone.now()
    start, end = interview.starts_at, interview.ends_at or interview.starts_at
    rows = [
        Reminder(
            interview=interview,
            kind=ReminderKind.CANDIDATE,
            hours_before=hours,
            for_start=start,
            due_at=start - timedelta(hours=hours),
        )
        for hours in settings.INTERVIEW_REMINDER_HOURS
        if start - timedelta(hours=hours) > now
    ]
    zone = timezone.get_current_timezone()
    morning = timezone.make_aware(
        datetime.combine(timezone.localtime(start).date(), time(settings.INTERVIEW_KIT_HOUR)), zone
    )
    for user in interview.interviewers.all():
        if now < morning < start:
            rows.append(
                Reminder(
                    interview=interview,
                    kind=ReminderKind.KIT,
                    user=user,
                    for_start=start,
                    due_at=morning,
                )
            )
        rows.append(
            Reminder(
                interview=interview,
                kind=ReminderKind.SCORECARD,
                user=user,
                for_start=start,
                due_at=end + timedelta(hours=24),
            )
        )
    Reminder.objects.bulk_create(rows)


def reminder_still_wanted(message: Message) -> bool:
    """Checked by delivery just before a reminder goes: only for a booked
    interview still at the time the reminder was made for."""
    if not message.idempotency_key.startswith("iv-reminder:"):
        return True
    pk = message.idempotency_key.rsplit(":", 1)[-1]
    reminder = Reminder.objects.select_related("interview").filter(pk=pk).first()
    if reminder is None:
        return False
    interview = reminder.interview
    return interview.status == Status.BOOKED and interview.starts_at == reminder.for_start
