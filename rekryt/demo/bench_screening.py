"""`manage.py bench`'s screening section: a second popular job whose
applications have answered ten screening questions (its board with scores,
sorted by score), and the apply POST of a job that asks ten questions."""

from __future__ import annotations

import random
import secrets
import statistics
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rekryt.accounts.models import User
from rekryt.applications.apply_forms import HONEYPOT, new_submission_key
from rekryt.applications.models import Application
from rekryt.demo.bench import Figure, _time, measure_page, percentile
from rekryt.demo.bench_fixture import _applications, analyze
from rekryt.jobs.actions import create_job, publish_job
from rekryt.jobs.models import Job
from rekryt.screening.models import (
    YES,
    Answer,
    Choice,
    JobQuestion,
    Question,
    QuestionKind,
    Rule,
    Screening,
)

QUESTIONS = 10


def _bank(prefix: str) -> list[Question]:
    """Ten questions of every kind but file (files are the CV's benchmark)."""
    kinds = [QuestionKind.YES_NO] * 4 + [
        QuestionKind.SINGLE,
        QuestionKind.MULTIPLE,
        QuestionKind.NUMBER,
        QuestionKind.NUMBER,
        QuestionKind.DATE,
        QuestionKind.TEXT,
    ]
    questions = Question.objects.bulk_create(
        Question(kind=k, text_sv=f"{prefix} fråga {n}", text_en=f"{prefix} question {n}")
        for n, k in enumerate(kinds)
    )
    Choice.objects.bulk_create(
        Choice(question=q, label_sv=f"Val {c}", label_en=f"Choice {c}", order=c)
        for q in questions
        if q.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
        for c in range(4)
    )
    return questions


def _ask(job: Job, questions: list[Question]) -> list[JobQuestion]:
    asked = []
    for order, q in enumerate(questions):
        jq = JobQuestion(job=job, question=q, order=order, required=order < 3)
        if q.kind == QuestionKind.YES_NO:
            jq.rule, jq.accepted = (Rule.MUST, [YES]) if order < 2 else (Rule.MERIT, [])
            jq.points = {} if order < 2 else {YES: 2}
        elif q.kind == QuestionKind.NUMBER:
            jq.rule, jq.minimum, jq.points_when_met = Rule.MERIT, Decimal(3), 3
        elif q.kind == QuestionKind.SINGLE:
            jq.rule = Rule.MERIT
            jq.points = {str(c.pk): c.order for c in q.choices.all()}
        asked.append(jq)
    return JobQuestion.objects.bulk_create(asked)


def build_screening_fixture(recruiter: User, applications: int) -> tuple[Job, Job]:
    """(the big screened job, a small published job asking ten questions)."""
    rng = random.Random(2)
    prefix = secrets.token_hex(2)
    with transaction.atomic():
        screened = create_job(actor=recruiter, title="Truckförare", city="Jönköping")
        publish_job(screened, actor=recruiter)
        _applications(rng, screened, applications)
        asked = _ask(screened, _bank(prefix))
        _answers(rng, screened, asked)
        form_job = create_job(actor=recruiter, title="Terminalarbetare", city="Malmö")
        publish_job(form_job, actor=recruiter)
        _ask(form_job, _bank(prefix + "f"))
    analyze()
    return screened, form_job


def _answers(rng: random.Random, job: Job, asked: list[JobQuestion]) -> None:
    ids = list(Application.objects.filter(job=job).values_list("pk", flat=True))
    answers, results = [], []
    for pk in ids:
        met = rng.random() < 0.6
        score = rng.randint(0, 12)
        results.append(Screening(application_id=pk, score=score, requirements_met=met))
        for order, jq in enumerate(asked):
            answers.append(
                Answer(
                    application_id=pk,
                    job_question=jq,
                    order=order,
                    kind=jq.question.kind,
                    question_sv=jq.question.text_sv,
                    question_en=jq.question.text_en,
                    value=YES,
                    shown_sv="Ja",
                    shown_en="Yes",
                    rule=jq.rule,
                    met=met if jq.rule == Rule.MUST else None,
                )
            )
    Screening.objects.bulk_create(results, batch_size=1000)
    Answer.objects.bulk_create(answers, batch_size=2000)


def _form_answers(job: Job) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for jq in JobQuestion.objects.filter(job=job).select_related("question"):
        name, kind = f"screening-q{jq.pk}", jq.question.kind
        if kind == QuestionKind.YES_NO:
            data[name] = YES
        elif kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            data[name] = str(jq.question.choices.order_by("order").values_list("pk", flat=True)[1])
        elif kind == QuestionKind.NUMBER:
            data[name] = "4"
        elif kind == QuestionKind.DATE:
            data[name] = "2027-02-01"
        else:
            data[name] = "Jag gillar att köra truck."
    return data


def measure_screened_apply(client: Client, job: Job, requests: int, warmup: int) -> Figure:
    path = reverse("apply", args=[job.slug])
    answers = _form_answers(job)
    run = secrets.token_hex(3)
    secure = settings.SECURE_SSL_REDIRECT

    def post(n: int) -> HttpResponse:
        data = {
            "first_name": "Bench",
            "last_name": f"Screened {n}",
            "email": f"screened-{run}-{n}@example.org",
            "about": "Benchmark application with ten answers.",
            "consent": "on",
            HONEYPOT: "",
            "submission_key": new_submission_key(),
            **answers,
        }
        return client.post(path, data, secure=secure)  # type: ignore[return-value]

    counter = iter(range(10**9))
    _time(lambda: post(next(counter)), warmup, 302, path)
    times = _time(lambda: post(next(counter)), requests, 302, path)
    with CaptureQueriesContext(connection) as queries:
        post(next(counter))
    return Figure(
        "apply-screening", path, statistics.median(times), percentile(times, 0.95), len(queries)
    )


def screening_figures(
    staff: Client, public: Client, recruiter: User, applications: int, requests: int, warmup: int
) -> list[Figure]:
    screened, form_job = build_screening_fixture(recruiter, applications)
    board = reverse("board", args=[screened.pk]) + "?sort=score"
    return [
        measure_page(staff, "board-score", board, requests, warmup),
        measure_screened_apply(public, form_job, requests, warmup),
    ]
