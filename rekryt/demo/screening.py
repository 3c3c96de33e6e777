"""The demo's screening: a question bank a Swedish logistics employer would
write, the questions three of its jobs ask (must-haves such as truckkort and
CE-behörighet, merits such as years of experience and languages), and the
answers each demo applicant sends, about a third of them missing a must-have."""

from __future__ import annotations

import math
import random
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from rekryt.applications.models import Application
from rekryt.jobs.models import Job, stages_for
from rekryt.lib.months import add_months
from rekryt.screening import logic, norms, personality
from rekryt.screening.actions import add_job_question, set_blind_review, update_job_question
from rekryt.screening.models import (
    NO,
    YES,
    AssessmentKind,
    Choice,
    Invitation,
    JobQuestion,
    JobTest,
    Question,
    QuestionKind,
    Result,
    Rule,
)
from rekryt.screening.scoring import record_answers
from rekryt.screening.sittings import save_answers, start

# key: (kind, Swedish, English, choices as (sv, en))
BANK: dict[str, tuple[str, str, str, list[tuple[str, str]]]] = {
    "truckkort": (
        QuestionKind.YES_NO,
        "Har du truckkort A och B?",
        "Do you hold a forklift licence (A and B)?",
        [],
    ),
    "b_korkort": (
        QuestionKind.YES_NO,
        "Har du B-körkort?",
        "Do you hold a category B driving licence?",
        [],
    ),
    "ce": (
        QuestionKind.YES_NO,
        "Har du körkort med behörighet CE?",
        "Do you hold a category CE driving licence?",
        [],
    ),
    "ykb": (
        QuestionKind.YES_NO,
        "Har du giltigt yrkeskompetensbevis (YKB)?",
        "Do you hold a valid Driver CPC (YKB)?",
        [],
    ),
    "evenings": (
        QuestionKind.YES_NO,
        "Kan du arbeta kvällar till klockan 01?",
        "Can you work evenings until 1 a.m.?",
        [],
    ),
    "years": (
        QuestionKind.NUMBER,
        "Hur många års erfarenhet har du av yrket?",
        "How many years of experience do you have in the trade?",
        [],
    ),
    "languages": (
        QuestionKind.MULTIPLE,
        "Vilka språk kan du arbeta på?",
        "Which languages can you work in?",
        [
            ("Svenska", "Swedish"),
            ("Engelska", "English"),
            ("Polska", "Polish"),
            ("Arabiska", "Arabic"),
            ("Finska", "Finnish"),
        ],
    ),
    "warehouse_system": (
        QuestionKind.SINGLE,
        "Hur väl känner du till lagersystem med handdator?",
        "How well do you know warehouse systems with hand-held scanners?",
        [
            ("Inte alls", "Not at all"),
            ("Har provat", "I have tried one"),
            ("Använder dagligen", "I use one daily"),
        ],
    ),
    "start": (
        QuestionKind.DATE,
        "När kan du börja tidigast?",
        "When can you start at the earliest?",
        [],
    ),
    "why": (
        QuestionKind.TEXT,
        "Vad lockar dig med jobbet, med en mening?",
        "What draws you to the job, in one sentence?",
        [],
    ),
}

# Job title -> questions in order: (key, rule, required, criterion)
JOBS: dict[str, list[tuple[str, str, bool, dict[str, Any]]]] = {
    "Truckförare, kvällsskift – Jönköping": [
        ("truckkort", Rule.MUST, True, {"accepted": [YES]}),
        ("evenings", Rule.MUST, True, {"accepted": [YES]}),
        ("years", Rule.MERIT, True, {"minimum": Decimal(1), "points_when_met": 3}),
        ("b_korkort", Rule.MERIT, False, {"points": {YES: 2}}),
        (
            "warehouse_system",
            Rule.MERIT,
            False,
            {"points": {"Har provat": 1, "Använder dagligen": 3}},
        ),
        ("start", Rule.NONE, False, {}),
    ],
    "Lastbilschaufför C/CE, fjärrtrafik": [
        ("ce", Rule.MUST, True, {"accepted": [YES]}),
        ("ykb", Rule.MUST, True, {"accepted": [YES]}),
        ("years", Rule.MERIT, True, {"minimum": Decimal(3), "points_when_met": 4}),
        ("languages", Rule.MERIT, False, {"points": {"Engelska": 1, "Polska": 2, "Finska": 1}}),
    ],
    "Lagermedarbetare till vårt terminallager i Göteborg": [
        ("evenings", Rule.MUST, True, {"accepted": [YES]}),
        ("truckkort", Rule.MERIT, True, {"points": {YES: 3}}),
        ("languages", Rule.MERIT, False, {"points": {"Engelska": 1, "Arabiska": 1, "Polska": 1}}),
        ("why", Rule.NONE, False, {}),
    ],
}
# Share of applicants answering yes: most meet each must-have, and about a
# third of them miss one of two (the sector's "half miss the basics" is for
# open ads; these ads state the requirements plainly).
YES_SHARE = {"truckkort": 0.7, "b_korkort": 0.7, "ce": 0.75, "ykb": 0.8, "evenings": 0.8}


# Blind until the job's third stage (the first interview in the default pipeline).
BLIND_JOBS = ["Backend Developer (Python/Django)", "Truckförare, kvällsskift – Jönköping"]


def set_up_screening() -> None:
    for title in BLIND_JOBS:
        blind_job = Job.objects.filter(title=title).first()
        stages = list(stages_for(blind_job)) if blind_job else []
        if blind_job is not None and len(stages) > 2:
            set_blind_review(blind_job, stages[2])
    bank = {key: _question(*spec) for key, spec in BANK.items()}
    for title, asked in JOBS.items():
        job = Job.objects.filter(title=title).first()
        if job is None:
            continue
        for key, rule, required, criterion in asked:
            question = bank[key]
            jq = add_job_question(job, question)
            update_job_question(jq, rule=rule, required=required, **_keyed(question, criterion))


def _question(kind: str, sv: str, en: str, choices: list[tuple[str, str]]) -> Question:
    question, created = Question.objects.get_or_create(
        text_sv=sv, defaults={"text_en": en, "kind": kind}
    )
    if created:
        Choice.objects.bulk_create(
            Choice(question=question, label_sv=c_sv, label_en=c_en, order=n)
            for n, (c_sv, c_en) in enumerate(choices)
        )
    return question


def _keyed(question: Question, criterion: dict[str, Any]) -> dict[str, Any]:
    """Choices are named by their Swedish label above; the rows key them by id."""
    ids = {c.label_sv: str(c.pk) for c in question.choices.all()}
    points = {ids.get(k, k): v for k, v in criterion.get("points", {}).items()}
    return {**criterion, "points": points} if points else criterion


def answer_screening(application: Application) -> None:
    """The answers this demo applicant sends (their own random stream, so the
    rest of the demo is the same whether or not a job asks questions)."""
    questions = list(
        JobQuestion.objects.filter(job_id=application.job_id)
        .select_related("question")
        .prefetch_related("question__choices")
    )
    if not questions:
        return
    rng = random.Random(f"screening:{application.email}:{application.job_id}")
    key_of = {spec[1]: key for key, spec in BANK.items()}
    values = {jq.pk: _answer(rng, key_of.get(jq.question.text_sv, ""), jq) for jq in questions}
    record_answers(application, questions, values)


def _answer(rng: random.Random, key: str, jq: JobQuestion) -> Any:
    kind = jq.kind
    if kind == QuestionKind.YES_NO:
        return YES if rng.random() < YES_SHARE.get(key, 0.6) else NO
    if kind == QuestionKind.NUMBER:
        return str(rng.choice([0, 0.5, 1, 2, 2, 3, 4, 5, 7, 10, 15]))
    if kind == QuestionKind.DATE:
        return (
            timezone.localdate() + timedelta(days=rng.choice([7, 14, 30, 30, 60, 90]))
        ).isoformat()
    if kind == QuestionKind.TEXT:
        return (
            rng.choice(["Jag gillar tempot på ett lager.", "Nära hemmet och bra arbetstider.", ""])
            or None
        )
    choices = [str(c.pk) for c in jq.question.choices.all()]
    if kind == QuestionKind.SINGLE:
        return rng.choice(choices)
    picked = [c for c in choices if rng.random() < 0.35] or choices[:1]
    return picked


# The logic test when applying to the two driving jobs, so someone who applies
# to both takes it once; the questionnaire when a backend applicant reaches
# the interview stage.
TESTS = [
    ("Truckförare, kvällsskift – Jönköping", AssessmentKind.LOGIC, None),
    ("Lastbilschaufför C/CE, fjärrtrafik", AssessmentKind.LOGIC, None),
    ("Backend Developer (Python/Django)", AssessmentKind.PERSONALITY, 2),
]
TAKES_IT = 0.7


def set_up_tests() -> None:
    for title, kind, stage_index in TESTS:
        job = Job.objects.filter(title=title).first()
        if job is None:
            continue
        stage = list(stages_for(job))[stage_index] if stage_index is not None else None
        JobTest.objects.get_or_create(job=job, kind=kind, defaults={"stage": stage})


def take_tests(application: Application) -> None:
    """Most invited applicants take their test soon after (their own random
    stream); answers are drawn so the scores spread like the norm group."""
    rng = random.Random(f"tests:{application.email}:{application.job_id}")
    for invitation in Invitation.objects.filter(application=application, result__isnull=True):
        if rng.random() > TAKES_IT:
            continue
        result = start(invitation, application.language)
        if invitation.kind == AssessmentKind.LOGIC:
            skill = rng.gauss(0, 1)
            answers = {
                str(i.index): i.answer
                if rng.random() < 0.2 + 0.8 / (1 + math.exp(-(skill - norms.DIFFICULTY[i.rule])))
                else next(o for o in i.options if o != i.answer)
                for i in logic.items(result.seed)
            }
        else:
            answers = {str(s.index): rng.randint(2, 5) for s in personality.STATEMENTS}
        save_answers(result, answers)


def backdate_results() -> None:
    """Results taken a day after the application that asked for them (or a
    little while ago, for applications sent today)."""
    now = timezone.now()
    for result in Result.objects.filter(completed_at__isnull=False):
        first = (
            Invitation.objects.filter(result=result, reused=False)
            .select_related("application")
            .first()
        )
        if first is None:
            continue
        applied = first.application.created_at
        taken = max(applied, min(applied + timedelta(days=1, hours=2), now - timedelta(hours=2)))
        Result.objects.filter(pk=result.pk).update(
            started_at=taken,
            time_limit_ends_at=taken + logic.TIME_LIMIT if result.time_limit_ends_at else None,
            completed_at=taken + timedelta(minutes=9),
            valid_until=add_months(taken, 12),
        )
