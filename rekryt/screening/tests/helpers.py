"""Questions for tests: a bank, a job that asks them, and a form post."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from rekryt.screening.actions import add_job_question, update_job_question
from rekryt.screening.models import Choice, JobQuestion, Question, QuestionKind, Rule


def make_question(kind: str, sv: str, en: str, choices: list[tuple[str, str]] = ()) -> Question:
    question = Question.objects.create(kind=kind, text_sv=sv, text_en=en)
    for order, (label_sv, label_en) in enumerate(choices):
        Choice.objects.create(question=question, label_sv=label_sv, label_en=label_en, order=order)
    return question


def ask(job: Any, question: Question, **changes: Any) -> JobQuestion:
    jq = add_job_question(job, question)
    return update_job_question(jq, **changes) if changes else jq


def choice_key(question: Question, label_en: str) -> str:
    return str(question.choices.get(label_en=label_en).pk)


def licence_job(job: Any) -> dict[str, JobQuestion]:
    """A driver's job: a must-have licence, merit for languages and years."""
    licence = make_question(
        QuestionKind.YES_NO, "Har du B-körkort?", "Do you hold a driving licence?"
    )
    languages = make_question(
        QuestionKind.MULTIPLE,
        "Vilka språk talar du?",
        "Which languages do you speak?",
        [("Svenska", "Swedish"), ("Engelska", "English"), ("Finska", "Finnish")],
    )
    years = make_question(
        QuestionKind.NUMBER, "Hur många års erfarenhet har du?", "How many years of experience?"
    )
    start = make_question(QuestionKind.DATE, "När kan du börja?", "When can you start?")
    return {
        "licence": ask(job, licence, rule=Rule.MUST, accepted=["yes"]),
        "languages": ask(
            job,
            languages,
            rule=Rule.MERIT,
            required=False,
            points={choice_key(languages, "Swedish"): 2, choice_key(languages, "Finnish"): 3},
        ),
        "years": ask(
            job, years, rule=Rule.MERIT, required=False, minimum=Decimal(3), points_when_met=5
        ),
        "start": ask(job, start, required=False),
    }


def base_form(**overrides: Any) -> dict[str, Any]:
    data = {
        "first_name": "Anna",
        "last_name": "Andersson",
        "email": "anna@example.org",
        "about": "Tio år bakom ratten.",
        "consent": "on",
        "submission_key": "ab" * 16,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def answers(questions: dict[str, JobQuestion], **values: Any) -> dict[str, Any]:
    return {f"screening-q{questions[name].pk}": value for name, value in values.items()}


def seen_digest(html: str) -> str:
    return re.search(r'name="screening-seen" value="([0-9a-f]+)"', html).group(1)
