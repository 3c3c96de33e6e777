"""A job with a scorecard and an interview plan, and times offered."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from rekryt.interviews.models import Attribute, Category, PlanStep, Question, Slot


def scorecard(job: Any) -> list[Attribute]:
    skills = Category.objects.create(job=job, name_sv="Kompetens", name_en="Skills", order=1)
    manner = Category.objects.create(
        job=job, name_sv="Arbetssätt", name_en="Ways of working", order=2
    )
    return [
        Attribute.objects.create(
            category=skills, name_sv="Problemlösning", name_en="Problem solving", order=1
        ),
        Attribute.objects.create(category=skills, name_sv="Python", name_en="Python", order=2),
        Attribute.objects.create(
            category=manner, name_sv="Säkerhetstänk", name_en="Safety mindset", order=1
        ),
    ]


def plan(job: Any, attributes: list[Attribute] | None = None, **fields: Any) -> PlanStep:
    attributes = attributes if attributes is not None else scorecard(job)
    step = PlanStep.objects.create(
        job=job,
        name_sv="Kompetensintervju",
        name_en="Competence interview",
        duration_minutes=fields.pop("duration_minutes", 60),
        agenda_sv="Vi berättar om teamet, du berättar om dig.",
        agenda_en="We tell you about the team, you tell us about you.",
        bring_sv="Legitimation",
        bring_en="Photo ID",
        **fields,
    )
    step.focus.set(attributes[:2])
    Question.objects.create(
        step=step,
        attribute=attributes[0],
        text_sv="Berätta om ett svårt fel du hittade.",
        text_en="Tell us about a hard bug you found.",
    )
    return step


def slot(step: PlanStep, starts: datetime | None = None, people: list[Any] = ()) -> Slot:
    starts = starts or timezone.now() + timedelta(days=3)
    made = Slot.objects.create(
        step=step, starts_at=starts, ends_at=starts + timedelta(minutes=step.duration_minutes)
    )
    made.interviewers.set(people)
    return made
