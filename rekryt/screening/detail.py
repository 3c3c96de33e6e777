"""The application page's screening section: each answer against its
criterion, the score and whether every must-have was met."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from rekryt.applications.forms import current_language
from rekryt.applications.hooks import Section
from rekryt.screening import interpret
from rekryt.screening.models import Answer, Invitation, Rule


@dataclass
class AnswerRow:
    answer: Answer
    question: str
    shown: str
    criterion: str


def answers_section(request: HttpRequest, application: Any) -> Section | None:
    answers = list(Answer.objects.filter(application=application).select_related("document"))
    if not answers:
        return None
    language = current_language()
    rows = [
        AnswerRow(a, a.question_in(language), a.shown_in(language), a.criterion_in(language))
        for a in answers
    ]
    missed = [a for a in answers if a.rule == Rule.MUST and not a.met]
    context = {
        "application": application,
        "rows": rows,
        "score": sum(a.points for a in answers),
        "has_merit": any(a.rule == Rule.MERIT for a in answers),
        "missed": len(missed),
    }
    return Section("screening/application_answers.html", context)


def tests_section(request: HttpRequest, application: Any) -> Section | None:
    """The application's tests: invited, done (with what the result means
    and does not mean) or reused from an earlier application."""
    invitations = list(
        Invitation.objects.filter(application=application).select_related("result", "message")
    )
    if not invitations:
        return None
    language = current_language()
    rows = [
        (i, interpret.summary(i.result, language) if i.result and i.result.is_complete else None)
        for i in invitations
    ]
    return Section("screening/application_tests.html", {"rows": rows, "now": timezone.now()})
