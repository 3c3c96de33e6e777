"""The demo's history was surveyed as it happened, so the CNPS page has data.

After `backdate`, the survey planner reads the history's events the way the
worker's duty does (`plan_surveys`: after applying, after an interview, a
rejection, a hire). Each survey that has come due is sent by the real
`send_survey` (which skips opt-outs, the cooldown and rejections not yet
told) and, for about 37 % of them, answered through `record_answer` while
its link is open. Then it moves to when it happened: sent when due, answered
hours to days later, its invitation delivered to the development mailbox.
Surveys not yet due stay scheduled for the worker."""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta

from rekryt.accounts.models import Organisation
from rekryt.applications.models import Event, EventKind
from rekryt.demo.backdate import BATCH, sent_event
from rekryt.demo.scores import RESPONSE_RATE, score_for
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.outbox import RETRY_WINDOW
from rekryt.surveys.actions import plan_surveys, record_answer, send_survey
from rekryt.surveys.models import VALID_FOR, Survey, SurveyAnswer, SurveyStatus, month_of

COMMENTS = {
    "sv": {
        "promoter": [
            "Snabbt besked och en tydlig process från början till slut.",
            "Trevligt bemötande på intervjun, jag kände mig väl omhändertagen.",
            "Jag visste hela tiden vad som skulle hända härnäst.",
        ],
        "passive": [
            "Bra överlag, men det tog några dagar innan jag hörde något.",
            "Annonsen kunde ha sagt mer om arbetstiderna.",
        ],
        "detractor": [
            "Jag fick vänta länge på svar.",
            "Ett kort nej utan förklaring.",
        ],
    },
    "en": {
        "promoter": [
            "Quick answers and a clear process from start to finish.",
            "Friendly interviewers, and they kept me informed throughout.",
        ],
        "passive": [
            "Good overall, but it took a while to hear back after the interview.",
            "The ad could have said more about the team.",
        ],
        "detractor": ["I waited a long time for an answer.", "A short no without any reason."],
    },
}


def survey_the_history(rng: random.Random, application_ids: list[int], now: datetime) -> int:
    """Plan, send and answer the history's surveys; returns the answers given."""
    events = list(
        Event.objects.filter(application_id__in=application_ids)
        .select_related("application__job")
        .order_by("created_at", "pk")
    )
    plan_surveys(events)
    due = Survey.objects.filter(
        application_id__in=application_ids, status=SurveyStatus.SCHEDULED, due_at__lte=now
    ).order_by("due_at", "pk")
    cooldown = timedelta(days=Organisation.get().survey_cooldown_days)
    answers = 0
    for survey in due:
        if _surveyed_lately(survey, cooldown):
            continue
        if not send_survey(survey):
            continue
        score = None
        if rng.random() < RESPONSE_RATE and survey.application_id is not None:
            score = score_for(rng, survey, survey.application_id)
            answers += record_answer(survey, score, _comment(rng, survey, score), {})
        _as_it_happened(rng, survey, now)
    return answers


def _surveyed_lately(survey: Survey, cooldown: timedelta) -> bool:
    """The worker's cooldown as it was on the day the survey came due (its own
    check counts back from today, which the history is not): skipped the same way."""
    earlier = Survey.objects.filter(
        candidate=survey.candidate_id,
        sent_at__gt=survey.due_at - cooldown,
        sent_at__lte=survey.due_at,
    ).exclude(pk=survey.pk)
    if not cooldown or not earlier.exists():
        return False
    Survey.objects.filter(pk=survey.pk).update(status=SurveyStatus.SKIPPED, skip_reason="cooldown")
    return True


def _comment(rng: random.Random, survey: Survey, score: int) -> str:
    if rng.random() > 0.35:
        return ""
    band = "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"
    return rng.choice(COMMENTS.get(survey.language, COMMENTS["en"])[band])


def _as_it_happened(rng: random.Random, survey: Survey, now: datetime) -> None:
    sent_at = min(survey.due_at + timedelta(minutes=rng.randint(1, 30)), now)
    Survey.objects.filter(pk=survey.pk).update(sent_at=sent_at, expires_at=sent_at + VALID_FOR)
    answered_at = min(sent_at + timedelta(hours=rng.lognormvariate(math.log(8), 1.0)), now)
    answer = SurveyAnswer.objects.filter(survey=survey)
    if answer.exists():
        Survey.objects.filter(pk=survey.pk).update(answered_at=answered_at)
        answer.update(month=month_of(answered_at), created_at=answered_at)
    message = Message.objects.get(idempotency_key=f"survey:{survey.pk}")
    Message.objects.filter(pk=message.pk).update(
        created_at=sent_at,
        send_after=sent_at,
        give_up_at=sent_at + RETRY_WINDOW,
        sent_at=sent_at,
        status=MessageStatus.SENT,
        to_mailbox=True,
    )
    if message.application_id is not None:
        Event.objects.filter(
            application_id=message.application_id,
            kind=EventKind.SURVEY_SENT,
            data__message=message.pk,
        ).update(created_at=sent_at)
        Event.objects.bulk_create(
            [sent_event(message, message.application_id, sent_at)], batch_size=BATCH
        )
