"""Screening answers and their judgement, for export and erasure (see
rekryt.candidates.personal_data for the contract). The answers are part of
each application's snapshot; files sent as answers are the application's
documents and go with them."""

from __future__ import annotations

from typing import Any

from rekryt.candidates.models import Candidate
from rekryt.candidates.personal_data import iso
from rekryt.screening.models import Answer, Invitation, Result, Screening


def export(candidate: Candidate) -> dict[str, Any]:
    return {**export_answers(candidate), **export_tests(candidate)}


def export_answers(candidate: Candidate) -> dict[str, Any]:
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
    """The answers go with the application; a test result stays with the
    candidate it belongs to (and goes by its own retention rule)."""
    answers, _by_model = Answer.objects.filter(application=application).delete()
    results, _by_model = Screening.objects.filter(application=application).delete()
    invitations, _by_model = Invitation.objects.filter(application=application).delete()
    return {
        "screening_answers": answers,
        "screening_results": results,
        "test_invitations": invitations,
    }


def erase(candidate: Candidate) -> dict[str, int]:
    answers, _by_model = Answer.objects.filter(application__candidate=candidate).delete()
    results, _by_model = Screening.objects.filter(application__candidate=candidate).delete()
    invitations, _by_model = Invitation.objects.filter(application__candidate=candidate).delete()
    tests, _by_model = Result.objects.filter(candidate=candidate).delete()
    return {
        "screening_answers": answers,
        "screening_results": results,
        "test_invitations": invitations,
        "test_results": tests,
    }


def export_tests(candidate: Candidate) -> dict[str, Any]:
    results = Result.objects.filter(candidate=candidate).order_by("started_at", "pk")
    invitations = Invitation.objects.filter(application__candidate=candidate).order_by("pk")
    return {
        "test_results": [
            {
                "id": r.pk,
                "test": r.kind,
                "started_at": iso(r.started_at),
                "completed_at": iso(r.completed_at),
                "valid_until": iso(r.valid_until),
                "score": r.score,
                "percentile_in_simulated_norm_group": r.percentile,
                "traits": r.traits,
                "answers": r.answers,
                "items_seed": r.seed,
            }
            for r in results
        ],
        "test_invitations": [
            {
                "application_id": i.application_id,
                "test": i.kind,
                "invited_at": iso(i.created_at),
                "deadline": iso(i.deadline),
                "reminded_at": iso(i.reminded_at),
                "result_id": i.result_id,
                "earlier_result_reused": i.reused,
            }
            for i in invitations
        ],
    }
