"""Survey workflows: plan invitations from the Event log, send them, record
answers and opt-outs. Each is one transaction."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from rekryt.accounts.models import Organisation
from rekryt.applications.actions import message_values
from rekryt.applications.models import Application, Event, EventKind, Outcome, record
from rekryt.candidates.models import Candidate
from rekryt.jobs.models import Stage, StageKind
from rekryt.lib.tokens import new_token
from rekryt.messaging import outbox
from rekryt.messaging.models import Message, MessageStatus, TemplateKind
from rekryt.surveys.models import (
    VALID_FOR,
    Step,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyStatus,
    month_of,
)

log = logging.getLogger(__name__)

# The receipt goes first; the survey about applying a day later.
AFTER_APPLYING = timedelta(days=1)
# A rejected candidate is asked once the decision has sunk in, and never
# before the rejection email itself has gone out (checked at send time).
AFTER_REJECTION = timedelta(days=2)
AFTER_REJECTION_EMAIL = timedelta(hours=2)
REJECTION_KINDS = (
    TemplateKind.REJECTION,
    TemplateKind.REJECTION_AFTER_INTERVIEW,
    TemplateKind.POSITION_FILLED,
)


@dataclass
class Plan:
    step: str
    due_at: datetime


# step -> (application, planned due time) -> the due time to use instead.
# Onboarding sends the "hired" survey 30 days after the start date.
DueFor = Callable[[Application, datetime], datetime]
_due_for: dict[str, DueFor] = {}


def set_due_for(step: str, due_for: DueFor) -> None:
    """Registered in an app's AppConfig.ready(), so surveys never imports it."""
    _due_for[step] = due_for


def plan_for(event: Event, stages: dict[int, Stage]) -> Plan | None:
    """Whether an event calls for a survey, which step, and when."""
    data: dict[str, Any] = event.data or {}
    if event.kind == EventKind.CREATED:
        return Plan(Step.APPLIED, event.created_at + AFTER_APPLYING)
    if event.kind == EventKind.STAGE_MOVED:
        if data.get("undo"):
            return None  # an undone move: the candidate took no step
        left = stages.get(data.get("from_stage") or 0)
        entered = stages.get(data.get("to_stage") or 0)
        if left is not None and left.kind == StageKind.INTERVIEW:
            return Plan(Step.INTERVIEW, event.created_at)
        if entered is not None and getattr(entered, "send_survey", False):
            step = entered.kind if entered.kind in Step.values else Step.OTHER
            return Plan(step, event.created_at)
        return None
    if event.kind == EventKind.OUTCOME_SET:
        if data.get("outcome") == Outcome.REJECTED:
            return Plan(Step.REJECTED, event.created_at + AFTER_REJECTION)
        if data.get("outcome") == Outcome.HIRED:
            return Plan(Step.HIRED, event.created_at)
    return None


def stages_named_in(events: list[Event]) -> dict[int, Stage]:
    ids: set[int] = set()
    for event in events:
        if event.kind == EventKind.STAGE_MOVED and isinstance(event.data, dict):
            named = (event.data.get("from_stage"), event.data.get("to_stage"))
            ids.update(i for i in named if isinstance(i, int) and i)
    return Stage.objects.in_bulk(ids) if ids else {}


def plan_surveys(events: list[Event]) -> int:
    """Create a scheduled Survey for each event that calls for one and cancel
    the planned outcome surveys of reopened applications. Returns the count
    created. The caller holds the transaction that moves the cursor.

    An event that cannot be planned is logged and passed over: the cursor
    must move on, or one bad event would stop every survey behind it."""
    stages = stages_named_in(events)
    created = 0
    for event in events:
        try:
            with transaction.atomic():
                created += _plan_one(event, stages)
        except Exception as exc:
            log.error("no survey planned for event %s: %s", event.pk, type(exc).__name__)
    return created


def _plan_one(event: Event, stages: dict[int, Stage]) -> int:
    if event.kind == EventKind.REOPENED:
        cancel_outcome_surveys(event.application)
        return 0
    plan = plan_for(event, stages)
    return int(plan is not None and _schedule(event, plan))


def _schedule(event: Event, plan: Plan) -> bool:
    application = event.application
    if Survey.objects.filter(application=application, step=plan.step).exists():
        return False  # one survey per application and step, however often it moves
    try:
        with transaction.atomic():
            Survey.objects.create(
                candidate_id=application.candidate_id,
                application=application,
                job_id=application.job_id,
                department=application.job.department,
                step=plan.step,
                language=application.language,
                source_event=event.pk,
                due_at=_due_for[plan.step](application, plan.due_at)
                if plan.step in _due_for
                else plan.due_at,
            )
    except IntegrityError:  # this event was planned already
        return False
    return True


def cancel_outcome_surveys(application: Application) -> None:
    Survey.objects.filter(
        application=application,
        status=SurveyStatus.SCHEDULED,
        step__in=[Step.REJECTED, Step.HIRED],
    ).update(status=SurveyStatus.SKIPPED, skip_reason="reopened", claimed_until=None)


def _skip(survey: Survey, reason: str) -> None:
    Survey.objects.filter(pk=survey.pk).update(
        status=SurveyStatus.SKIPPED, skip_reason=reason, claimed_until=None
    )


def _postpone(survey: Survey, until: datetime) -> None:
    Survey.objects.filter(pk=survey.pk).update(due_at=until, claimed_until=None)


def _why_not(survey: Survey, candidate: Candidate | None, application: Application | None) -> str:
    """The reason this survey must not be sent now, or an empty string."""
    org = Organisation.get()
    if not org.surveys_enabled:
        return "disabled"
    if candidate is None or application is None:
        return "erased"
    if candidate.surveys_opt_out:
        return "opted_out"
    if survey.step == Step.REJECTED and application.outcome != Outcome.REJECTED:
        return "not_rejected"
    if survey.step == Step.HIRED and application.outcome != Outcome.HIRED:
        return "not_hired"
    if org.survey_cooldown_days:
        since = timezone.now() - timedelta(days=org.survey_cooldown_days)
        recent = Survey.objects.filter(candidate=candidate, sent_at__gte=since)
        if recent.exclude(pk=survey.pk).exists():
            return "cooldown"
    return ""


def _rejection_email(application: Application) -> Message | None:
    """The latest decision email (`reject:<application>:<n>` is the key
    `rekryt.applications.rejections.reject_application` queues it under)."""
    decision = Q(kind__in=REJECTION_KINDS) | Q(
        idempotency_key__startswith=f"reject:{application.pk}:"
    )
    return (
        Message.objects.filter(decision, application=application)
        .order_by("-created_at", "-pk")
        .first()
    )


@transaction.atomic
def send_survey(survey: Survey) -> bool:
    """Queue the invitation for a due, claimed survey, or skip or postpone it.
    Returns whether an email was queued."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.status != SurveyStatus.SCHEDULED:
        return False
    application = None
    if survey.application_id is not None:
        application = (
            Application.objects.select_related("candidate", "job", "job__recruiter")
            .filter(pk=survey.application_id)
            .first()
        )
    candidate = application.candidate if application is not None else None
    reason = _why_not(survey, candidate, application)
    if reason or application is None or candidate is None:
        _skip(survey, reason or "erased")
        return False
    if survey.step == Step.REJECTED:
        rejection = _rejection_email(application)
        if rejection is not None and rejection.status == MessageStatus.SCHEDULED:
            _postpone(survey, max(rejection.send_after, timezone.now()) + AFTER_REJECTION_EMAIL)
            return False
        if rejection is not None and rejection.status != MessageStatus.SENT:
            _skip(survey, "rejection_not_sent")
            return False
    _queue_invitation(survey, application, candidate)
    return True


def _queue_invitation(survey: Survey, application: Application, candidate: Candidate) -> None:
    raw, hashed = new_token()
    now = timezone.now()
    survey_url = settings.SITE_URL + reverse("survey_answer", args=[raw])
    message = outbox.queue(
        key=f"survey:{survey.pk}",
        kind=TemplateKind.SURVEY_INVITATION,
        language=survey.language,
        to_email=candidate.email,
        to_name=candidate.full_name,
        values={**message_values(application), "survey_url": survey_url},
        candidate=candidate,
        application=application,
    )
    Survey.objects.filter(pk=survey.pk).update(
        status=SurveyStatus.SENT,
        token_hash=hashed,
        sent_at=now,
        expires_at=now + VALID_FOR,
        claimed_until=None,
    )
    record(application, EventKind.SURVEY_SENT, step=survey.step, message=message.pk)


def record_answer(survey: Survey, score: int, comment: str, extra: dict[str, Any]) -> bool:
    """Store the one answer a survey may have. False when it already has one
    or can no longer be answered."""
    with transaction.atomic():
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        if not survey.is_open:
            return False
        now = timezone.now()
        try:
            with transaction.atomic():
                SurveyAnswer.objects.create(
                    survey=survey,
                    score=score,
                    comment=comment,
                    extra_answers=extra,
                    month=month_of(now),
                    created_at=now,
                )
        except IntegrityError:
            return False
        Survey.objects.filter(pk=survey.pk).update(answered_at=now)
    return True


def extra_answers(questions: list[SurveyQuestion], language: str, data: dict[str, str]) -> dict:
    """Answers keyed by question id, each with the question as it was asked."""
    answers = {}
    for question in questions:
        text = (data.get(f"question_{question.pk}") or "").strip()
        if text:
            answers[str(question.pk)] = {"question": question.text_in(language), "answer": text}
    return answers


@transaction.atomic
def opt_out_of_surveys(survey: Survey) -> None:
    """The candidate asked for no more surveys: pending ones are dropped too."""
    if survey.candidate_id is None:
        return
    Candidate.objects.filter(pk=survey.candidate_id).update(surveys_opt_out=True)
    Survey.objects.filter(candidate_id=survey.candidate_id, status=SurveyStatus.SCHEDULED).update(
        status=SurveyStatus.SKIPPED, skip_reason="opted_out", claimed_until=None
    )
