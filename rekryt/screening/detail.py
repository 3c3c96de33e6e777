"""The application page's screening section: each answer against its
criterion, the score and whether every must-have was met."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from rekryt.applications.forms import current_language
from rekryt.applications.hooks import Section
from rekryt.screening.models import Answer, Rule


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
