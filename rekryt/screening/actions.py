"""Workflows on the question bank and a job's questions. Answers already
sent are snapshots, so none of these changes what an application was sent
with or how it was judged."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max

from rekryt.applications.models import Application, EventKind, record
from rekryt.audit.log import record as audit
from rekryt.audit.models import Action
from rekryt.jobs.models import Job, Stage
from rekryt.screening.models import BlindReview, Choice, JobQuestion, Question, Reveal

# More required questions than this and the job editor warns: every
# required question costs applicants (see FEW_REQUIRED in the README).
FEW_REQUIRED = 3


@transaction.atomic
def save_question(form: Any, choices: Any) -> Question:
    question = form.save()
    choices.instance = question
    choices.save()
    # Choices keep the order of the form's rows.
    kept = [f.instance for f in choices.forms if f.instance.pk and f not in choices.deleted_forms]
    for order, choice in enumerate(kept):
        choice.order = order
    Choice.objects.bulk_update(kept, ["order"])
    return question


@transaction.atomic
def add_job_question(job: Job, question: Question) -> JobQuestion:
    last = JobQuestion.objects.filter(job=job).aggregate(last=Max("order"))["last"]
    jq, _created = JobQuestion.objects.get_or_create(
        job=job, question=question, defaults={"order": (last or 0) + 1}
    )
    return jq


@transaction.atomic
def update_job_question(jq: JobQuestion, **changes: Any) -> JobQuestion:
    for name, value in changes.items():
        setattr(jq, name, value)
    jq.save()
    return jq


@transaction.atomic
def move_job_question(jq: JobQuestion, direction: str) -> bool:
    questions = list(JobQuestion.objects.select_for_update().filter(job_id=jq.job_id))
    index = next(i for i, q in enumerate(questions) if q.pk == jq.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(questions):
        return False
    questions[index], questions[other] = questions[other], questions[index]
    for order, question in enumerate(questions, start=1):
        question.order = order
    JobQuestion.objects.bulk_update(questions, ["order"])
    return True


@transaction.atomic
def remove_job_question(jq: JobQuestion) -> None:
    jq.delete()


def drop_off_warning(job: Job) -> int:
    """The number of required questions when it is more than a few, else 0."""
    required = JobQuestion.objects.filter(job=job, required=True).count()
    return required if required > FEW_REQUIRED else 0


@transaction.atomic
def set_blind_review(job: Job, until_stage: Stage | None) -> None:
    """Blind until `until_stage`, or not blind (None)."""
    if until_stage is None:
        BlindReview.objects.filter(job=job).delete()
        return
    BlindReview.objects.update_or_create(job=job, defaults={"until_stage": until_stage})


@transaction.atomic
def reveal_application(application: Application, actor: Any, reason: str, request: Any) -> Reveal:
    """An admin shows a blind application's identity before its stage. The
    reason stays with the application (it may name people); the audit log
    and the timeline record that it happened and by whom."""
    reveal = Reveal.objects.create(application=application, actor=actor, reason=reason)
    record(application, EventKind.REVEALED, actor=actor, reveal=reveal.pk)
    audit(
        Action.VIEW,
        request=request,
        actor=actor,
        target=application,
        detail="blind_revealed",
        params={"reveal": reveal.pk},
    )
    return reveal
