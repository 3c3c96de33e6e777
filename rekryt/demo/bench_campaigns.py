"""`manage.py bench`'s campaigns section: the Indeed and LinkedIn feeds over
every open job of the fixture (at least 1,000), a campaign page of six
channels over the big job, and a job page visited through a tracked link
(each visit writes its counter)."""

from __future__ import annotations

import random
from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rekryt.accounts.models import User
from rekryt.campaigns.actions import add_channel, create_campaign
from rekryt.campaigns.feeds import open_jobs
from rekryt.campaigns.models import DailyCount
from rekryt.demo.bench import Figure, host, measure_page
from rekryt.jobs.models import Job

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126 Safari/537.36"
SOURCES = ["platsbanken", "linkedin", "indeed", "friend", "event", "career_site"]


def build_campaign(recruiter: User, big: Job) -> int:
    today = timezone.localdate()
    starts = today - timedelta(days=60)
    campaign = create_campaign(
        recruiter, [big], name="Bench", starts_on=starts, goal_date=today, goal_applicants=5000
    )
    rng = random.Random(3)
    for name in SOURCES:
        source = f"{name}-{campaign.pk}"
        add_channel(campaign, kind="social", name=name, source=source)
        DailyCount.objects.bulk_create(
            DailyCount(
                job=big, source=source, day=starts + timedelta(days=d), visits=rng.randint(0, 90)
            )
            for d in range(61)
        )
    return campaign.pk


def campaigns_figures(
    staff: Client, recruiter: User, big: Job, requests: int, warmup: int
) -> list[Figure]:
    campaign = build_campaign(recruiter, big)
    public = Client(HTTP_HOST=host())
    visitor = Client(HTTP_HOST=host(), HTTP_USER_AGENT=BROWSER)
    sample = open_jobs().exclude(pk=big.pk).first() or big
    tagged = reverse("career_job", args=[sample.slug]) + f"?source=linkedin-{campaign}"
    pages = [
        ("feed indeed.xml", public, reverse("feed_indeed")),
        ("feed linkedin.xml", public, reverse("feed_linkedin")),
        ("campaign page", staff, reverse("campaign_detail", args=[campaign])),
        ("career_job (tagged)", visitor, tagged),
    ]
    return [measure_page(c, name, path, requests, warmup) for name, c, path in pages]
