"""Workflows of references, each one transaction that changes the rows,
writes the application's timeline Event and queues the emails it causes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from rekryt.accounts.models import User
from rekryt.applications.actions import move_to_stage
from rekryt.applications.models import Application, EventKind, record
from rekryt.jobs.models import stages_for
from rekryt.messaging import outbox
from rekryt.messaging.actions import cancel_message
from rekryt.messaging.models import Message, MessageStatus
from rekryt.references import emails, tokens
from rekryt.references.models import (
    OPEN,
    Referee,
    ReferenceRequest,
    StageRule,
    Status,
)
from rekryt.references.questionnaire import build_items


@dataclass
class RefereeDetails:
    name: str
    relation: str
    email: str
    organisation: str = ""
    phone: str = ""
    language: str = "sv"


@transaction.atomic
def add_referee(
    application: Application, details: RefereeDetails, actor: User | None
) -> Referee | None:
    """Name a referee (the candidate when `actor` is None), who has agreed
    to be contacted. None when the application already has that address."""
    email = details.email.strip().lower()
    if Referee.objects.filter(application=application, email__iexact=email).exists():
        return None
    referee = Referee.objects.create(
        application=application,
        name=details.name.strip(),
        relation=details.relation,
        organisation=details.organisation.strip(),
        email=email,
        phone=details.phone.strip(),
        language=details.language,
        added_by=actor,
        contact_confirmed_at=timezone.now(),
    )
    record(
        application,
        EventKind.REFEREE_ADDED,
        actor,
        referee=referee.pk,
        relation=referee.relation,
        by_candidate=actor is None,
    )
    return referee


@transaction.atomic
def remove_referee(referee: Referee) -> bool:
    """The candidate takes back a referee nobody has asked yet."""
    if referee.requests.exists():
        return False
    record(referee.application, EventKind.REFEREE_REMOVED, None, referee=referee.pk)
    referee.delete()
    return True


@transaction.atomic
def erase_referee(referee: Referee, actor: User) -> None:
    """A referee's own request to be forgotten: their details, answers and
    the emails to them go; the timeline keeps only that it happened."""
    application = referee.application
    keys = Q(pk__in=[])
    for pk in referee.requests.values_list("pk", flat=True):
        keys |= Q(idempotency_key__startswith=f"ref:{pk}:")
    Message.objects.filter(keys).delete()
    referee.delete()
    record(application, EventKind.REFEREE_ERASED, actor)


def to_request(application: Application) -> list[Referee]:
    """Referees with no open request and no answer: never asked, or whose
    link expired or was cancelled."""
    now = timezone.now()
    found = []
    for referee in application.referees.prefetch_related("requests"):
        requests = list(referee.requests.all())
        done = any(r.status in (Status.ANSWERED, Status.DECLINED) for r in requests)
        waiting = any(r.status in OPEN and r.expires_at > now for r in requests)
        if not done and not waiting:
            found.append(referee)
    return found


@transaction.atomic
def request_references(application: Application, actor: User) -> list[ReferenceRequest]:
    """Send every referee still to ask a request with a fresh link (after the
    staff delay: until then `undo_requests` takes it back)."""
    made = []
    for referee in to_request(application):
        # A link that expired unanswered gives way to the new one.
        referee.requests.filter(status__in=OPEN).update(status=Status.CANCELLED)
        raw, digest = tokens.mint()
        request = ReferenceRequest.objects.create(
            referee=referee, token_hash=digest, expires_at=tokens.expires(), requested_by=actor
        )
        build_items(request, application.job)
        request.save(update_fields=["template_name"])
        emails.queue_all(request, tokens.referee_url(raw))
        made.append(request)
    if made:
        record(
            application,
            EventKind.REFERENCES_REQUESTED,
            actor,
            requests=[r.pk for r in made],
            count=len(made),
        )
    return made


def undoable(application: Application) -> list[ReferenceRequest]:
    """Open requests whose first email has not gone out yet."""
    requests = ReferenceRequest.objects.filter(referee__application=application, status=Status.SENT)
    keys = [f"{emails.key_prefix(r)}request" for r in requests]
    still = set(
        Message.objects.filter(
            idempotency_key__in=keys, status=MessageStatus.SCHEDULED
        ).values_list("idempotency_key", flat=True)
    )
    return [r for r in requests if f"{emails.key_prefix(r)}request" in still]


@transaction.atomic
def undo_requests(application: Application, actor: User) -> int:
    """Take back the requests not sent yet: their emails are cancelled and
    the links stop working. Returns how many were taken back."""
    undone = 0
    for request in undoable(application):
        first = emails.pending(request).filter(idempotency_key__endswith=":request").first()
        if first is None or not cancel_message(first, actor):
            continue
        outbox.cancel_pending(emails.pending(request))
        ReferenceRequest.objects.filter(pk=request.pk).update(status=Status.CANCELLED)
        undone += 1
    if undone:
        record(application, EventKind.REFERENCES_UNDONE, actor, count=undone)
    return undone


def _lock(request: ReferenceRequest) -> ReferenceRequest | None:
    found = ReferenceRequest.objects.select_for_update().filter(pk=request.pk, status__in=OPEN)
    return found.select_related("referee__application").first()


@transaction.atomic
def save_answers(
    request: ReferenceRequest,
    answers: dict[int, tuple[int | None, str]],
    shown_at: datetime | None,
    *,
    submit: bool,
) -> bool:
    """Store the referee's answers (item id -> (rating, text)); a submitted
    request is answered and its reminders are cancelled. False when the
    request is no longer open."""
    locked = _lock(request)
    if locked is None:
        return False
    items = {item.pk: item for item in locked.items.all()}
    for pk, (rating, text) in answers.items():
        if pk in items:
            items[pk].rating, items[pk].text = rating, text
    locked.items.bulk_update(list(items.values()), ["rating", "text"])
    if locked.shown_at is None and shown_at is not None:
        locked.shown_at = min(shown_at, timezone.now())
    locked.status = Status.ANSWERED if submit else Status.STARTED
    if submit:
        locked.answered_at = timezone.now()
    locked.save()
    if submit:
        outbox.cancel_pending(emails.pending(locked))
        application = locked.referee.application
        record(application, EventKind.REFERENCE_ANSWERED, None, request=locked.pk)
        advance_if_complete(application)
    return True


@transaction.atomic
def decline(request: ReferenceRequest, reason: str) -> bool:
    locked = _lock(request)
    if locked is None:
        return False
    locked.status = Status.DECLINED
    locked.declined_at = timezone.now()
    locked.decline_reason = reason.strip()
    locked.save()
    locked.items.update(rating=None, text="")
    outbox.cancel_pending(emails.pending(locked))
    application = locked.referee.application
    record(application, EventKind.REFERENCE_DECLINED, None, request=locked.pk)
    return True


def rule_for(application: Application) -> StageRule | None:
    return StageRule.objects.filter(stage_id=application.stage_id).first()


def is_complete(application: Application, rule: StageRule | None) -> bool:
    """Every request answered or declined, none open, and at least as many
    answers as the stage asks for."""
    requests = ReferenceRequest.objects.filter(referee__application=application).exclude(
        status=Status.CANCELLED
    )
    statuses = list(requests.values_list("status", flat=True))
    answered = statuses.count(Status.ANSWERED)
    needed = rule.referees_required if rule else 1
    return answered >= max(needed, 1) and not any(s in OPEN for s in statuses)


def advance_if_complete(application: Application) -> bool:
    """When all references are in: an Event, and the move to the next stage
    when the stage's rule says so. Returns True when it moved."""
    application = Application.objects.select_related("stage").get(pk=application.pk)
    rule = rule_for(application)
    if not application.is_active or not is_complete(application, rule):
        return False
    record(application, EventKind.REFERENCES_COMPLETE, None, stage=application.stage_id)
    if rule is None or not rule.advance_when_complete:
        return False
    later = stages_for(application.job).filter(order__gt=application.stage.order).first()
    if later is None or later.kind == "hired":
        return False
    return move_to_stage(application, later, None)
