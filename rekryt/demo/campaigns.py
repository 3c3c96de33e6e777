"""The demo's campaign: the spring hiring of warehouse staff in Göteborg,
with its persona, goal, six channels (costs as a Swedish logistics employer
would pay them), a listing for Platsbanken, and the visits each channel
brought, day by day. The applications are the demo's own: their ?source=
tags are those of the channels, so the figures come from the real rows."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db.models import Min
from django.utils import timezone

from rekryt.accounts.models import User
from rekryt.applications.models import Application
from rekryt.campaigns.actions import add_channel, create_campaign, save_listing
from rekryt.campaigns.models import DailyCount
from rekryt.jobs.models import Job, StageKind

# name, kind, ?source= tag, budget, cost, message (sv), message (en), visits per applicant
CHANNELS = [
    (
        "Platsbanken",
        "job_board",
        "platsbanken",
        0,
        0,
        "Vi söker lagermedarbetare till terminalen i Göteborg – heltid, dagtid.",
        "We are hiring warehouse staff for our Gothenburg terminal.",
        9,
    ),
    (
        "LinkedIn, sponsrat inlägg",
        "social",
        "linkedin",
        12000,
        10400,
        "Är du van vid truck och plock? Kom till oss på Hisingen!",
        "Used to forklifts and picking? Join us on Hisingen!",
        14,
    ),
    (
        "Indeed",
        "job_board",
        "indeed",
        6000,
        5800,
        "Lagermedarbetare, Göteborg. Ansök på två minuter utan personligt brev.",
        "Warehouse associate, Gothenburg. Apply in two minutes.",
        11,
    ),
    (
        "Tipsa en vän",
        "referral",
        "friend",
        10000,
        6000,
        "Känner du någon som borde jobba här? 3 000 kr när hen har börjat.",
        "Know someone who should work here? SEK 3,000 once they start.",
        4,
    ),
    (
        "Jobbmässan Göteborg",
        "event",
        "event",
        15000,
        14200,
        "Träffa oss i monter B12 – vi bjuder på kaffe och truckprov.",
        "Meet us at stand B12 – coffee and a forklift try-out.",
        6,
    ),
    (
        "Affisch på Lindholmens gymnasium",
        "school",
        "skola-lindholmen",
        1500,
        900,
        "Sommarjobb som blir fast? Skanna koden och läs mer.",
        "A summer job that turns permanent? Scan the code.",
        7,
    ),
]


def add_campaign(staff: dict[str, User], rng: random.Random) -> None:
    job = Job.objects.filter(title__startswith="Lagermedarbetare").first()
    if job is None:
        return
    applied = Application.objects.filter(job=job).aggregate(first=Min("created_at"))["first"]
    today = timezone.localdate()
    starts = timezone.localdate(applied) if applied else today - timedelta(days=28)
    campaign = create_campaign(
        staff.get("rebecka") or next(iter(staff.values())),
        [job],
        name="Lagerrekrytering Göteborg, våren",
        persona_education="Gymnasieexamen; truckkort A och B är ett plus, annars utbildar vi.",
        persona_experience="Ett par år i lager, terminal, butikslager eller e-handel; "
        "van vid skanner och plocklistor.",
        persona_interests="Vill ha fast dagtid, ett lag att tillhöra och en väg vidare "
        "till teamledare.",
        persona_whereabouts="Platsbanken och Indeed, Facebookgrupper för lagerjobb i Göteborg, "
        "jobbmässor, tips från kollegor, YH- och gymnasieskolor med logistikprogram.",
        starts_on=starts,
        goal_date=max(starts + timedelta(days=56), today + timedelta(days=14)),
        goal_applicants=max(Application.objects.filter(job=job).count() + 12, 30),
        goal_qualified=12,
        qualified_stage=StageKind.INTERVIEW,
    )
    for name, kind, source, budget, cost, sv, en, ratio in CHANNELS:
        add_channel(
            campaign,
            kind=kind,
            name=name,
            source=source,
            budget=budget,
            cost=cost,
            message_sv=sv,
            message_en=en,
        )
        add_visits(rng, job, source, starts, today, ratio)
    # The job's JobTech ids come from its ad (rekryt.demo.ads), as chosen
    # in the job form; the listing adds what only Platsbanken needs.
    save_listing(job, openings=4, contact_email="rekrytering@norrskenlogistik.example")


def add_visits(
    rng: random.Random, job: Job, source: str, starts: date, today: date, ratio: int
) -> None:
    """A day's visits and opened forms in proportion to the applications the
    channel brought that day, plus the visits that came to nothing."""
    days: dict[date, int] = {}
    for created in Application.objects.filter(job=job, source=source).values_list(
        "created_at", flat=True
    ):
        day = timezone.localdate(created)
        days[day] = days.get(day, 0) + 1
    rows, day = [], starts
    while day <= today:
        applied = days.get(day, 0)
        visits = applied * ratio + rng.randint(0, 3)
        rows.append(
            DailyCount(
                job=job,
                source=source,
                day=day,
                visits=visits,
                starts=applied * 3 + (1 if rng.random() < 0.3 else 0),
            )
        )
        day += timedelta(days=1)
    DailyCount.objects.bulk_create(rows)
