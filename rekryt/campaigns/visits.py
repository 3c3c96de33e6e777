"""Counting visits per job, channel and day without knowing the visitor.

Only visits that carry a campaign channel's ?source= tag are counted: they
are the ones a channel's figures need, a page view without a tag costs no
write at all, and a stranger cannot fill the table with invented tags. No
cookie is set and nothing about the visitor (IP address, user agent) is
stored; the counter is a number per job, channel and day. Crawlers, link
previews and browser prefetches are left out, since they are not people."""

from __future__ import annotations

import re
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from rekryt.campaigns.models import Channel, DailyCount

# Self-declared robots: search crawlers, link-preview fetchers of chat and
# social apps, monitoring, command-line clients and headless browsers.
BOTS = re.compile(
    r"bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|whatsapp|telegram|"
    r"skype|curl|wget|python|httpclient|java/|go-http|headless|lighthouse|pingdom|monitor",
    re.IGNORECASE,
)


def is_person(request: HttpRequest) -> bool:
    agent = request.headers.get("User-Agent", "")
    if not agent or BOTS.search(agent):
        return False
    if request.method != "GET":
        return False
    purpose = request.headers.get("Sec-Purpose", "") or request.headers.get("Purpose", "")
    return "prefetch" not in purpose.lower()


def count_page_view(request: HttpRequest, job: Any, page: str, source: str) -> None:
    if not source or not is_person(request):
        return
    if not Channel.objects.filter(source=source).exists():
        return
    field = "visits" if page == "job" else "starts"
    add_one(job.pk, source, field)


def add_one(job_pk: int, source: str, field: str) -> None:
    day = timezone.localdate()
    rows = DailyCount.objects.filter(job_id=job_pk, source=source, day=day)
    if rows.update(**{field: F(field) + 1}):
        return
    try:
        with transaction.atomic():
            DailyCount.objects.create(job_id=job_pk, source=source, day=day, **{field: 1})
    except IntegrityError:  # another request created today's row first
        rows.update(**{field: F(field) + 1})
