"""Workflows of the scorecards and plans: copying an organisation template
into a job, and saving or submitting an interviewer's scorecard."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from rekryt.accounts.models import User
from rekryt.applications.models import EventKind, record
from rekryt.interviews.models import (
    Attribute,
    AttributeRating,
    Category,
    Interview,
    PlanStep,
    Scorecard,
    ScorecardTemplate,
)
from rekryt.jobs.models import Job


@transaction.atomic
def copy_template(template: ScorecardTemplate, job: Job) -> int:
    """Add the template's categories and attributes to the job's scorecard
    (a copy: editing either later leaves the other alone). Returns how many
    attributes were added."""
    start = (Category.objects.filter(job=job).aggregate(m=Max("order"))["m"] or 0) + 1
    added = 0
    for n, source in enumerate(template.categories.prefetch_related("attributes")):
        category = Category.objects.create(
            job=job, name_sv=source.name_sv, name_en=source.name_en, order=start + n
        )
        Attribute.objects.bulk_create(
            Attribute(category=category, name_sv=a.name_sv, name_en=a.name_en, order=a.order)
            for a in source.attributes.all()
        )
        added += source.attributes.count()
    return added


def uncovered(job: Job) -> list[Attribute]:
    """Attributes of the job's scorecard that no interview of its plan
    focuses on (the plan page warns about them)."""
    return list(
        Attribute.objects.filter(category__job=job, steps__isnull=True).select_related("category")
    )


def next_order(job: Job) -> int:
    return (PlanStep.objects.filter(job=job).aggregate(m=Max("order"))["m"] or 0) + 1


def focus_of(interview: Interview) -> list[Attribute]:
    """What the interviewer rates: the step's focus, or the whole scorecard."""
    focus = list(interview.step.focus.select_related("category"))
    if focus:
        return focus
    return list(
        Attribute.objects.filter(category__job_id=interview.application.job_id).select_related(
            "category"
        )
    )


@transaction.atomic
def save_scorecard(
    interview: Interview,
    interviewer: User,
    ratings: dict[int, tuple[int, str]],
    recommendation: str,
    notes: str,
    *,
    submit: bool,
) -> Scorecard:
    """Store the interviewer's ratings (attribute id -> (1..4, note)); a
    submitted scorecard stays submitted when edited later."""
    scorecard, _created = Scorecard.objects.select_for_update().get_or_create(
        interview=interview, interviewer=interviewer
    )
    first_submit = submit and scorecard.submitted_at is None
    scorecard.recommendation = recommendation
    scorecard.notes = notes
    if first_submit:
        scorecard.submitted_at = timezone.now()
    scorecard.save()
    AttributeRating.objects.filter(scorecard=scorecard).exclude(attribute_id__in=ratings).delete()
    for attribute_id, (rating, note) in ratings.items():
        AttributeRating.objects.update_or_create(
            scorecard=scorecard,
            attribute_id=attribute_id,
            defaults={"rating": rating, "note": note},
        )
    if first_submit:
        record(
            interview.application,
            EventKind.SCORECARD_SUBMITTED,
            interviewer,
            interview=interview.pk,
            step=interview.step.name_sv,
            step_en=interview.step.name_en,
            recommendation=recommendation,
        )
    return scorecard
