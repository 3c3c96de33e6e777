"""The benchmark's fixture: one job with thousands of applications and a
career site with a thousand published jobs, bulk-inserted for speed (this is
a measuring fixture, not demo data: no emails or notes, and document rows
without files). Most applications have a CV with searchable text, and as many
documents again belong to no application (forms sent again and not yet
added), which is what made SQLite's planner scan the documents table per
board card once it had statistics; `analyze` gives it those statistics."""

from __future__ import annotations

import random
import secrets
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from rekryt.accounts.models import Organisation, Role, User
from rekryt.applications.models import Application, Event, EventKind, Outcome
from rekryt.candidates.models import Candidate, Document, DocumentKind, SearchEntry, TextStatus
from rekryt.candidates.query import stemmed_text
from rekryt.jobs.actions import create_job, publish_job
from rekryt.jobs.models import Job, JobStatus, Stage, StageTemplate


def has_data() -> bool:
    return Job.objects.exists() or Candidate.objects.exists()


def build_fixture(applications: int, jobs: int, seed: int = 1) -> tuple[User, Job]:
    rng = random.Random(seed)
    with transaction.atomic():
        org = Organisation.get()
        org.name = "Benchmark AB"
        org.save()
        recruiter = User.objects.create_user(
            username=f"bench-{secrets.token_hex(3)}", role=Role.RECRUITER, first_name="Bench"
        )
        big = create_job(
            actor=recruiter,
            title="Lagermedarbetare",
            description="Benchmark job with many applications.",
            city="Göteborg",
        )
        publish_job(big, actor=recruiter)
        _applications(rng, big, applications)
        _career_site(rng, jobs, recruiter)
    analyze()
    return recruiter, big


def analyze() -> None:
    """Table statistics, as a database that has run a while has them (SQLite:
    `PRAGMA optimize`, which the worker runs; PostgreSQL: autovacuum)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _applications(rng: random.Random, job: Job, count: int) -> None:
    now = timezone.now()
    stages = list(job.stages.order_by("order", "pk"))
    prefix = secrets.token_hex(3)
    candidates = Candidate.objects.bulk_create(
        [
            Candidate(
                first_name=f"Kandidat{n}",
                last_name=rng.choice(["Andersson", "Nowak", "Haddad", "Lind", "Chen"]),
                email=f"bench-{prefix}-{n}@example.org",
                email_normalised=f"bench-{prefix}-{n}@example.org",
                created_at=now - timedelta(minutes=n),
            )
            for n in range(count)
        ],
        batch_size=1000,
    )
    rows = []
    for n, candidate in enumerate(candidates):
        stage = rng.choices(stages, [0.6**i for i in range(len(stages))])[0]
        roll = rng.random()
        outcome = Outcome.ACTIVE if roll < 0.7 else Outcome.REJECTED
        at = now - timedelta(minutes=n, seconds=rng.randint(0, 59))
        rows.append(
            Application(
                candidate=candidate,
                first_name=candidate.first_name,
                last_name=candidate.last_name,
                email=candidate.email,
                job=job,
                stage=stage,
                outcome=outcome,
                ended_stage=stage if outcome != Outcome.ACTIVE else None,
                ended_at=at if outcome != Outcome.ACTIVE else None,
                source=rng.choice(["career_site", "linkedin", "platsbanken"]),
                created_at=at,
                stage_entered_at=at,
            )
        )
    created = Application.objects.bulk_create(rows, batch_size=1000)
    Event.objects.bulk_create(
        [
            Event(
                application=a,
                kind=EventKind.CREATED,
                data={"source": a.source},
                created_at=a.created_at,
            )
            for a in created
        ],
        batch_size=1000,
    )
    with_cv = [a for a in created if rng.random() < 0.85]
    Document.objects.bulk_create(
        [_document(a.candidate, a) for a in with_cv]
        + [_document(a.candidate, None) for a in created for _n in range(2)],
        batch_size=1000,
    )
    cv_words = {a.pk: rng.sample(SKILLS, 4) for a in with_cv}
    stems = connection.vendor != "postgresql"
    entries = []
    for a in created:
        details = f"{a.first_name} {a.last_name} {a.email.replace('@', ' ')}"
        documents = " ".join(cv_words.get(a.pk, []))
        text = stemmed_text(f"{details} {documents}", a.job_id) if stems else ""
        entries.append(
            SearchEntry(
                application=a,
                candidate=a.candidate,
                job_id=a.job_id,
                details=details,
                documents=documents,
                stems=text,
            )
        )
    SearchEntry.objects.bulk_create(entries, batch_size=1000)


SKILLS = [
    "truckkort",
    "lager",
    "plock",
    "WMS",
    "Python",
    "Excel",
    "svetsning",
    "CNC",
    "körkort",
    "kundservice",
    "SAP",
    "inventering",
    "ledarskap",
    "ADR",
    "Kubernetes",
]


def _document(candidate: Candidate, application: Application | None) -> Document:
    return Document(
        candidate=candidate,
        application=application,
        kind=DocumentKind.CV,
        file="bench/none.pdf",
        original_name="cv.pdf",
        content_type="application/pdf",
        size=1000,
        sha256="0" * 64,
        text_status=TextStatus.DONE,
    )


def _career_site(rng: random.Random, count: int, recruiter: User) -> None:
    now = timezone.now()
    cities = ["Stockholm", "Göteborg", "Malmö", "Jönköping", "Umeå", "Luleå"]
    prefix = secrets.token_hex(3)
    jobs = Job.objects.bulk_create(
        [
            Job(
                title=f"Job {n} {rng.choice(['Lagermedarbetare', 'Chaufför', 'Developer'])}",
                slug=f"bench-{prefix}-{n}",
                department=rng.choice(["Lager", "Transport", "Tech"]),
                city=rng.choice(cities),
                description="A job in the benchmark. " * 40,
                requirements="- Something\n- Something else",
                salary_min=30000,
                salary_max=40000,
                language=rng.choice(["sv", "en"]),
                status=JobStatus.PUBLISHED,
                recruiter=recruiter,
                published_at=now - timedelta(hours=n),
                created_at=now - timedelta(hours=n + 1),
            )
            for n in range(count)
        ],
        batch_size=500,
    )
    templates = list(StageTemplate.objects.all())
    Stage.objects.bulk_create(
        [
            Stage(job=job, order=t.order, kind=t.kind, name_sv=t.name_sv, name_en=t.name_en)
            for job in jobs
            for t in templates
        ],
        batch_size=1000,
    )
