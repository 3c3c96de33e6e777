"""`manage.py bench`'s interviews section: a job whose 200 candidates were
interviewed by three interviewers each (600 submitted scorecards over six
attributes), and its comparison view."""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rekryt.accounts.models import Role, User
from rekryt.applications.models import Application
from rekryt.demo.bench import Figure, measure_page
from rekryt.demo.bench_fixture import _applications, analyze
from rekryt.interviews.models import (
    Attribute,
    AttributeRating,
    Category,
    Interview,
    PlanStep,
    Scorecard,
    Status,
)
from rekryt.jobs.actions import create_job, publish_job
from rekryt.jobs.models import Job

CANDIDATES, PER_CANDIDATE = 200, 3


def build_interviews_fixture(recruiter: User, candidates: int = CANDIDATES) -> Job:
    rng = random.Random(11)
    now = timezone.now()
    with transaction.atomic():
        job = create_job(actor=recruiter, title="Lagerchef", city="Borås")
        publish_job(job, actor=recruiter)
        _applications(rng, job, candidates)
        attributes = []
        for c in range(2):
            category = Category.objects.create(
                job=job, name_sv=f"Kategori {c}", name_en=f"Category {c}"
            )
            attributes += [
                Attribute.objects.create(
                    category=category,
                    name_sv=f"Egenskap {c}{a}",
                    name_en=f"Attribute {c}{a}",
                    order=a,
                )
                for a in range(3)
            ]
        step = PlanStep.objects.create(job=job, name_sv="Intervju", name_en="Interview")
        step.focus.set(attributes)
        panel = [
            User.objects.create_user(username=f"bench-iv-{job.pk}-{n}", role=Role.INTERVIEWER)
            for n in range(PER_CANDIDATE)
        ]
        job.team.add(*panel)
        ids = list(Application.objects.filter(job=job).values_list("pk", flat=True))
        interviews = Interview.objects.bulk_create(
            Interview(
                application_id=pk,
                step=step,
                status=Status.BOOKED,
                starts_at=now - timedelta(days=2, minutes=n),
                ends_at=now - timedelta(days=2, minutes=n - 45),
            )
            for n, pk in enumerate(ids)
        )
        through = Interview.interviewers.through
        through.objects.bulk_create(
            through(interview_id=i.pk, user_id=u.pk) for i in interviews for u in panel
        )
        cards = Scorecard.objects.bulk_create(
            Scorecard(
                interview=i,
                interviewer=u,
                recommendation=rng.choice(["definitely_not", "no", "yes", "strong_yes"]),
                submitted_at=now - timedelta(days=1),
            )
            for i in interviews
            for u in panel
        )
        AttributeRating.objects.bulk_create(
            (
                AttributeRating(scorecard=card, attribute=a, rating=rng.randint(1, 4))
                for card in cards
                for a in attributes
            ),
            batch_size=2000,
        )
    analyze()
    return job


def interviews_figures(staff: Client, recruiter: User, requests: int, warmup: int) -> list[Figure]:
    job = build_interviews_fixture(recruiter)
    path = reverse("interview_compare", args=[job.pk])
    return [measure_page(staff, "compare (200×3)", path, requests, warmup)]
