"""Answers become part of the application's snapshot: each is judged against
its criterion when sent, and the application's score and "requirements met"
are kept beside it for the board."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import translation

from rekryt.applications.actions import Upload
from rekryt.applications.models import Application, EventKind, record
from rekryt.applications.submissions import store_uploads
from rekryt.candidates.models import DocumentKind
from rekryt.screening.criteria import describe_answer, describe_criterion
from rekryt.screening.models import Answer, JobQuestion, QuestionKind, Rule, Screening


@dataclass
class FileAnswer:
    file: Any
    original_name: str
    content_type: str
    size: int
    sha256: str


def record_answers(
    application: Application,
    questions: list[JobQuestion],
    answers: dict[int, Any],
    files: dict[int, FileAnswer] | None = None,
) -> Screening:
    """Keep every answer with its judgement, then the totals and an event.
    Runs inside the transaction that creates the application."""
    files = files or {}
    rows = []
    for order, jq in enumerate(questions):
        value = answers.get(jq.pk)
        document = None
        if jq.pk in files:
            document = _store_file(application, files[jq.pk])
            value = document.original_name
        rows.append(_answer(application, jq, value, order, document))
    _describe(rows, questions)
    Answer.objects.bulk_create(rows)
    missed = sum(1 for a in rows if a.rule == Rule.MUST and not a.met)
    screening = Screening.objects.create(
        application=application,
        score=sum(a.points for a in rows),
        requirements_met=missed == 0,
        missed=missed,
    )
    record(
        application,
        EventKind.SCREENED,
        score=screening.score,
        requirements_met=screening.requirements_met,
        missed=missed,
    )
    return screening


def _answer(
    application: Application, jq: JobQuestion, value: Any, order: int, document: Any
) -> Answer:
    met, points = jq.judge(value)
    question = jq.question
    return Answer(
        application=application,
        job_question=jq,
        order=order,
        kind=question.kind,
        question_sv=question.text_sv,
        question_en=question.text_en,
        value=value,
        rule=jq.rule,
        met=met if jq.rule == Rule.MUST else None,
        points=points,
        document=document,
    )


def _describe(rows: list[Answer], questions: list[JobQuestion]) -> None:
    """Each answer and criterion as read in Swedish and in English, one
    language switch each."""
    for language in ("sv", "en"):
        with translation.override(language):
            for answer, jq in zip(rows, questions, strict=True):
                setattr(answer, f"shown_{language}", describe_answer(jq, answer.value, language))
                setattr(answer, f"criterion_{language}", describe_criterion(jq, language))


def _store_file(application: Application, answer: FileAnswer) -> Any:
    upload = Upload(
        DocumentKind.OTHER,
        answer.file,
        answer.original_name,
        answer.content_type,
        answer.size,
        answer.sha256,
    )
    (document,) = store_uploads(application.candidate, [upload], application=application)
    record(application, EventKind.DOCUMENT_ADDED, document=document.pk, document_kind=document.kind)
    return document


SEARCHED_KINDS = (QuestionKind.TEXT, QuestionKind.SINGLE, QuestionKind.MULTIPLE)


def searchable_answers(application: Application) -> list[str]:
    """What the candidate wrote or chose, as read in both languages, for
    candidate search (yes/no, numbers, dates and files say little as words)."""
    rows = Answer.objects.filter(application=application, kind__in=SEARCHED_KINDS)
    texts: list[str] = []
    for sv, en in rows.values_list("shown_sv", "shown_en"):
        texts.extend(dict.fromkeys(t for t in (sv, en) if t))
    return texts
