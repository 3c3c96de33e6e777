"""Where an application stands, in plain language for the candidate.

Each stage kind has an explanation of the step and of what happens next. The
"you will hear from us by" date is the job's promised first reply while the
application is in Applied, and otherwise the organisation's longest silence
counted from the last email the candidate got. A decision is shown only once
the candidate has been told: while the email about it is still waiting to go
out (a rejection can be undone until then), the step it was taken in is shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekryt.accounts.models import Organisation
from rekryt.applications.models import Application, Outcome
from rekryt.jobs.models import Stage, StageKind
from rekryt.messaging.models import Message, TemplateKind

# (what the step means, what happens next)
STEPS = {
    StageKind.APPLIED: (
        _(
            "We have received your application. A person reads "
            "it and decides whether to take it further."
        ),
        _("We will tell you whether we would like to go on with your application."),
    ),
    StageKind.SCREENING: (
        _(
            "We are looking more closely at your application "
            "and comparing it with what the job needs."
        ),
        _(
            "If we would like to meet you, we invite "
            "you to an interview. Either way, we let you know."
        ),
    ),
    StageKind.INTERVIEW: (
        _("We would like to get to know you better in an interview."),
        _(
            "We agree on a time with you. After the "
            "interviews we decide who goes on to the next step."
        ),
    ),
    StageKind.REFERENCES: (
        _("We are talking to the references you gave us."),
        _("When we have spoken to them, we decide whether to offer you the job."),
    ),
    StageKind.OFFER: (
        _("We would like to offer you the job and are working out the terms with you."),
        _("When we agree, we send you the details of your employment."),
    ),
    StageKind.HIRED: (
        _("You have got the job. Welcome!"),
        _("We will be in touch about your first day."),
    ),
    StageKind.OTHER: (
        _("Your application is being considered in this step of our process."),
        _("We let you know when something changes."),
    ),
}

DECISION_KINDS = {
    TemplateKind.REJECTION,
    TemplateKind.REJECTION_AFTER_INTERVIEW,
    TemplateKind.POSITION_FILLED,
}

ENDED = {
    Outcome.HIRED: _("You got the job. Congratulations, and welcome!"),
    Outcome.REJECTED: _(
        "This application has ended: we decided not to go on with it. Thank you for your interest."
    ),
    Outcome.WITHDRAWN: _("You withdrew this application."),
}


@dataclass
class Standing:
    active: bool
    stage: Stage
    meaning: str = ""
    next_step: str = ""
    hear_by: date | None = None
    overdue: bool = False
    final: str = ""
    messages: list[Message] = field(default_factory=list)


def _decision_untold(application: Application, pending: list[Message]) -> bool:
    """A rejection whose email is still scheduled has not been told yet."""
    if application.outcome != Outcome.REJECTED or application.ended_at is None:
        return False
    return any(m.kind in DECISION_KINDS and m.created_at >= application.ended_at for m in pending)


def standing_for(
    application: Application, sent: list[Message], pending: list[Message], org: Organisation
) -> Standing:
    untold = _decision_untold(application, pending)
    stage = (application.ended_stage or application.stage) if untold else application.stage
    if not application.is_active and not untold:
        return Standing(False, stage, final=str(ENDED[Outcome(application.outcome)]))
    meaning, next_step = STEPS.get(StageKind(stage.kind), STEPS[StageKind.OTHER])
    hear_by = _hear_by(application, stage, sent, org)
    return Standing(
        True,
        stage,
        meaning=str(meaning),
        next_step=str(next_step),
        hear_by=hear_by.date(),
        overdue=hear_by < timezone.now(),
    )


def _hear_by(
    application: Application, stage: Stage, sent: list[Message], org: Organisation
) -> datetime:
    last_contact = max([m.sent_at or m.created_at for m in sent], default=application.created_at)
    by_silence = timezone.localtime(last_contact + timedelta(days=org.max_silence_days))
    if stage.kind == StageKind.APPLIED:
        first_reply = application.created_at + timedelta(days=application.job.reply_within_days)
        if first_reply >= timezone.now():
            return timezone.localtime(first_reply)
    return by_silence
