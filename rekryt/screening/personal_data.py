"""Screening answers and their judgement, for export and erasure (see
rekryt.candidates.personal_data for the contract). The answers are part of
each application's snapshot; files sent as answers are the application's
documents and go with them."""

from __future__ import annotations

from typing import Any

from rekryt.candidates.models import Candidate
from rekryt.screening.models import Answer, Screening


def export(candidate: Candidate) -> dict[str, Any]:
    language = candidate.language
    answers = Answer.objects.filter(application__candidate=candidate).order_by(
        "application_id", "order", "pk"
    )
    screenings = Screening.objects.filter(application__candidate=candidate)
    return {
        "screening_answers": [
            {
                "application_id": a.application_id,
                "question": a.question_in(language),
                "answer": a.shown_in(language),
                "criterion": a.criterion_in(language) or None,
                "requirement_met": a.met,
                "merit_points": a.points,
            }
            for a in answers
        ],
        "screening_results": [
            {
                "application_id": s.application_id,
                "score": s.score,
                "requirements_met": s.requirements_met,
            }
            for s in screenings.order_by("application_id")
        ],
    }


def erase_application(application: Any) -> dict[str, int]:
    answers, _by_model = Answer.objects.filter(application=application).delete()
    results, _by_model = Screening.objects.filter(application=application).delete()
    return {"screening_answers": answers, "screening_results": results}


def erase(candidate: Candidate) -> dict[str, int]:
    answers, _by_model = Answer.objects.filter(application__candidate=candidate).delete()
    results, _by_model = Screening.objects.filter(application__candidate=candidate).delete()
    return {"screening_answers": answers, "screening_results": results}
