"""Survey answers, for export and erasure (see
rekryt.candidates.personal_data for the contract).

An erased person's answers stay for statistics as score, step and month
only: the link to them, the free-text comment and the extra answers go, and
the dates are rounded to the month so the row cannot be matched to a day."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from rekryt.candidates.models import Candidate
from rekryt.candidates.personal_data import iso
from rekryt.surveys.models import Survey, SurveyAnswer, SurveyStatus


def month_start(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    local = timezone.localtime(moment)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _surveys(candidate: Candidate) -> QuerySet[Survey]:
    return Survey.objects.filter(Q(candidate=candidate) | Q(application__candidate=candidate))


def export(candidate: Candidate) -> dict[str, Any]:
    answers = (
        SurveyAnswer.objects.filter(survey__in=_surveys(candidate))
        .select_related("survey")
        .order_by("month", "pk")
    )
    return {
        "survey_answers": [
            {
                "step": a.survey.step,
                "application_id": a.survey.application_id,
                "score": a.score,
                "comment": a.comment,
                "extra_answers": a.extra_answers,
                "answered_at": iso(a.created_at),
            }
            for a in answers
        ]
    }


def _scrub(surveys: QuerySet[Survey]) -> dict[str, int]:
    # An invitation not sent yet has nothing worth keeping.
    unsent, _by_model = surveys.filter(status=SurveyStatus.SCHEDULED).delete()
    kept = list(surveys)
    answers = 0
    for survey in kept:
        survey.candidate = None
        survey.application = None
        survey.token_hash = None
        survey.claimed_until = None
        survey.due_at = month_start(survey.due_at) or survey.due_at
        survey.created_at = month_start(survey.created_at) or survey.created_at
        survey.sent_at = month_start(survey.sent_at)
        survey.expires_at = month_start(survey.expires_at)
        survey.answered_at = month_start(survey.answered_at)
        survey.save()
    for answer in SurveyAnswer.objects.filter(survey__in=[s.pk for s in kept]):
        answer.comment = ""
        answer.extra_answers = {}
        answer.created_at = month_start(answer.created_at) or answer.created_at
        answer.save(update_fields=["comment", "extra_answers", "created_at"])
        answers += 1
    return {"surveys_unlinked": len(kept), "survey_comments_removed": answers, "surveys": unsent}


def erase_application(application: Any) -> dict[str, int]:
    return _scrub(Survey.objects.filter(application=application))


def erase(candidate: Candidate) -> dict[str, int]:
    return _scrub(_surveys(candidate))
