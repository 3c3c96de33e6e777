"""Generated candidates for the search benchmark: realistic Swedish and
English CV text (roles, skills, employers, cities, with the inflections
people write), one application each, spread over 100 jobs so a hiring
manager on one job's team sees 1 % of them.

Rows are bulk-inserted (a measuring fixture, not demo data) in batches; the
stems for SQLite's index come from a per-word cache, so a million CVs take
minutes. Nothing is checked in: `manage.py bench_search` builds it."""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from rekryt.accounts.models import Role, User
from rekryt.applications.models import Application, Outcome
from rekryt.candidates import query
from rekryt.candidates.models import Candidate, SearchEntry
from rekryt.jobs.actions import create_job
from rekryt.jobs.models import Job
from rekryt.lib.bulk import Rows, moment, next_ids
from rekryt.privacy.models import Consent, ConsentMethod, ConsentPurpose
from rekryt.talentpool.models import Intent, Member, MemberEntry, Pool, PoolKind

JOBS = 100
BATCH = 5000

FIRST = [
    "Anna",
    "Erik",
    "Maria",
    "Lars",
    "Karin",
    "Johan",
    "Sara",
    "Ahmed",
    "Fatima",
    "Mikael",
    "Eva",
    "Oskar",
    "Li",
    "Wei",
    "Elin",
    "Hassan",
    "Nora",
    "Jonas",
    "Emma",
    "Ali",
]
LAST = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Haddad",
    "Nowak",
    "Chen",
    "Lind",
    "Berg",
    "Holm",
    "Ekström",
    "Åberg",
]
CITIES = [
    "Stockholm",
    "Göteborg",
    "Malmö",
    "Uppsala",
    "Västerås",
    "Örebro",
    "Linköping",
    "Helsingborg",
    "Jönköping",
    "Umeå",
    "Luleå",
    "Borås",
]
COMPANIES = [
    "Volvo",
    "Ericsson",
    "IKEA",
    "Scania",
    "Spotify",
    "Klarna",
    "H&M",
    "Postnord",
    "ICA",
    "Telia",
    "SKF",
    "Atlas",
    "Sandvik",
    "Vattenfall",
    "Region",
    "Kommunen",
    "Bring",
    "DHL",
    "Schenker",
    "Coop",
]
SV_ROLES = [
    ("utvecklare", "utvecklaren", "utvecklarna"),
    ("lagerarbetare", "lagerarbetaren", "lagerarbetarna"),
    ("säljare", "säljaren", "säljarna"),
    ("sjuksköterska", "sjuksköterskan", "sjuksköterskorna"),
    ("truckförare", "truckföraren", "truckförarna"),
    ("projektledare", "projektledaren", "projektledarna"),
    ("ekonom", "ekonomen", "ekonomerna"),
    ("elektriker", "elektrikern", "elektrikerna"),
    ("kundtjänstmedarbetare", "kundtjänstmedarbetaren", "kundtjänstmedarbetarna"),
    ("lärare", "läraren", "lärarna"),
]
EN_ROLES = [
    ("developer", "developers"),
    ("warehouse operative", "warehouse operatives"),
    ("sales representative", "sales representatives"),
    ("nurse", "nurses"),
    ("project manager", "project managers"),
    ("accountant", "accountants"),
    ("electrician", "electricians"),
    ("customer service agent", "customer service agents"),
    ("teacher", "teachers"),
    ("data engineer", "data engineers"),
]
SKILLS = [
    "Python",
    "Java",
    "Kubernetes",
    "SQL",
    "Excel",
    "SAP",
    "truckkort",
    "WMS",
    "React",
    "TypeScript",
    "Linux",
    "AWS",
    "Azure",
    "CNC",
    "svetsning",
    "körkort",
    "B-körkort",
    "C-körkort",
    "journalföring",
    "Scrum",
    "Salesforce",
    "bokföring",
    "Terraform",
    "Go",
    "PLC",
]
SV_FILL = [
    "Jag har arbetat i team med höga krav på kvalitet och leveransprecision.",
    "Jag trivs med att lösa problem och ta ansvar för helheten.",
    "Under mina år har jag utbildat nya kollegor och förbättrat våra rutiner.",
    "Jag är noggrann, flexibel och van att arbeta i skift.",
    "Jag har god samarbetsförmåga och talar svenska och engelska flytande.",
    "Jag har lett förbättringsarbete och minskat ledtiderna med en femtedel.",
]
EN_FILL = [
    "I have worked in teams with high demands on quality and delivery.",
    "I enjoy solving problems and taking responsibility for the whole.",
    "Over the years I trained new colleagues and improved our routines.",
    "I am thorough, flexible and used to working shifts.",
    "I work well with others and speak Swedish and English fluently.",
    "I led improvement work and cut lead times by a fifth.",
]


def cv_text(rng: random.Random) -> str:
    """About 80–120 words of CV in Swedish (60 %) or English."""
    city, company = rng.choice(CITIES), rng.choice(COMPANIES)
    skills = ", ".join(rng.sample(SKILLS, 4))
    years = rng.randint(1, 25)
    if rng.random() < 0.6:
        role = rng.choice(SV_ROLES)
        head = (
            f"Erfaren {role[0]} med {years} års erfarenhet av {skills}. "
            f"Senast arbetade jag som {role[1]} på {company} i {city}, "
            f"där {role[2]} ansvarade för planering och uppföljning."
        )
        fill = rng.sample(SV_FILL, 4)
    else:
        role_en = rng.choice(EN_ROLES)
        head = (
            f"Experienced {role_en[0]} with {years} years of {skills}. "
            f"Most recently I worked at {company} in {city} with a team of {role_en[1]}."
        )
        fill = rng.sample(EN_FILL, 4)
    return " ".join([head, *fill])


def build(count: int, out: Callable[[str], None], seed: int = 7) -> tuple[User, User]:
    """`count` candidates with one application each over JOBS jobs; the admin
    and a hiring manager on the team of one job."""
    rng = random.Random(seed)  # noqa: S311 (generated fixture text, not security)
    tag = secrets.token_hex(3)
    admin = User.objects.create_user(username=f"bench-admin-{tag}", role=Role.ADMIN)
    manager = User.objects.create_user(username=f"bench-hm-{tag}", role=Role.HIRING_MANAGER)
    jobs = [create_job(actor=admin, title=f"Bench job {n}", city="Malmö") for n in range(JOBS)]
    jobs[0].team.add(manager)
    stages = {job.pk: job.stages.order_by("order", "pk").first() for job in jobs}
    vendor_stems = connection.vendor != "postgresql"
    now = timezone.now()
    done = 0
    while done < count:
        size = min(BATCH, count - done)
        with transaction.atomic():
            _batch(rng, jobs, stages, done, size, now, vendor_stems, tag)
        done += size
        if done % 100_000 == 0 or done == count:
            out(f"  {done:,} candidates")
    members = max(1, count // 20)
    _pool_members(rng, admin, members)
    out(f"  {members:,} talent-pool members")
    agreed = _future_contact(rng, count)
    out(f"  {agreed:,} earlier applicants who agreed to future contact")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return admin, manager


def _future_contact(rng: random.Random, count: int) -> int:
    """One candidate in ten, at random, agrees to be contacted about future
    roles, so most matches of a job's words lack that consent (the
    earlier-applicants suggestions must still find 20)."""
    now = timezone.now()
    everyone = Candidate.objects.order_by("pk").values_list("pk", flat=True)[:count]
    ids = [pk for pk in everyone if rng.random() < 0.1]
    for start in range(0, len(ids), BATCH):
        with transaction.atomic():
            Consent.objects.bulk_create(
                [
                    Consent(
                        candidate_id=pk,
                        purpose=ConsentPurpose.FUTURE_CONTACT,
                        given=True,
                        text="bench",
                        method=ConsentMethod.APPLY_FORM,
                        created_at=now,
                        expires_at=now + timedelta(days=365),
                    )
                    for pk in ids[start : start + BATCH]
                ],
                batch_size=1000,
            )
    return len(ids)


def _pool_members(rng: random.Random, owner: User, count: int) -> None:
    """The newest `count` candidates in an area pool, with consent in force
    for nine in ten of them (the rest withdrew), for the suggestions run."""
    pool = Pool.objects.create(
        kind=PoolKind.AREA,
        name_sv="Utveckling",
        name_en="Engineering",
        slug=f"bench-{secrets.token_hex(3)}",
        owner=owner,
        public=True,
    )
    now = timezone.now()
    ids = list(Candidate.objects.order_by("-pk").values_list("pk", flat=True)[:count])
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        with transaction.atomic():
            Consent.objects.bulk_create(
                [
                    Consent(
                        candidate_id=pk,
                        purpose=ConsentPurpose.TALENT_POOL,
                        given=rng.random() < 0.9,
                        text="bench",
                        method=ConsentMethod.APPLY_FORM,
                        created_at=now,
                        expires_at=now + timedelta(days=365),
                    )
                    for pk in chunk
                ],
                batch_size=1000,
            )
            made = Member.objects.bulk_create(
                [Member(pool=pool, candidate_id=pk, intent=Intent.FUTURE) for pk in chunk],
                batch_size=1000,
            )
            entries = []
            for member in made:
                text = f"Utveckling Engineering {' '.join(rng.sample(SKILLS, 3))} {cv_text(rng)}"
                text = " ".join(query.WORDS.findall(text))
                stems = query.stemmed_text(text) if connection.vendor != "postgresql" else ""
                entries.append(
                    MemberEntry(
                        member=member, candidate_id=member.candidate_id, text=text, stems=stems
                    )
                )
            MemberEntry.objects.bulk_create(entries, batch_size=1000)


def _batch(
    rng: random.Random,
    jobs: list[Job],
    stages: dict[int, Any],
    start: int,
    size: int,
    now: datetime,
    with_stems: bool,
    tag: str,
) -> None:
    """`size` candidates, each with one application and its search entry,
    written as three executemany inserts with ids chosen here."""
    people, applications, entries = Rows(Candidate), Rows(Application), Rows(SearchEntry)
    candidate_ids = next_ids(Candidate, size)
    application_ids = next_ids(Application, size)
    for k, n in enumerate(range(start, start + size)):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        email = f"{first.lower()}.{n}.{tag}@example.org"
        job = jobs[n % JOBS]
        at = moment(now - timedelta(minutes=start + size - n))
        people.add(
            id=candidate_ids[k],
            first_name=first,
            last_name=last,
            email=email,
            email_normalised=email,
            created_at=at,
            updated_at=at,
        )
        applications.add(
            id=application_ids[k],
            candidate_id=candidate_ids[k],
            first_name=first,
            last_name=last,
            email=email,
            job_id=job.pk,
            stage_id=stages[job.pk].pk,
            outcome=Outcome.ACTIVE.value,
            source="career_site",
            created_at=at,
            updated_at=at,
            stage_entered_at=at,
        )
        details = " ".join(query.WORDS.findall(f"{first} {last} {email}"))
        documents = " ".join(query.WORDS.findall(cv_text(rng)))
        stems = query.stemmed_text(f"{details} {documents}", job.pk) if with_stems else ""
        entries.add(
            application_id=application_ids[k],
            candidate_id=candidate_ids[k],
            job_id=job.pk,
            details=details,
            documents=documents,
            stems=stems,
        )
    for rows in (people, applications, entries):
        rows.finish()
