"""A channel's tracked links and ready-made share links.

The short link /c/<code> leads to the campaign's job (or, for a campaign of
several jobs, the career site) with ?source=<the channel's tag>; the job
page and the application form carry the tag on, and the application
records it. Share links prefill the channel's message in the network's own
share dialogue; nothing is posted by Rekryt."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.conf import settings
from django.urls import reverse

from rekryt.campaigns.models import Channel
from rekryt.jobs.models import Job


def target(jobs: list[Job], source: str) -> str:
    open_jobs = [job for job in jobs if job.is_published]
    path = open_jobs[0].get_absolute_url() if len(open_jobs) == 1 else reverse("career_list")
    return f"{path}?{urlencode({'source': source})}"


@dataclass
class Links:
    short: str
    long: str
    share: list[tuple[str, str]]


def links_for(channel: Channel, jobs: list[Job], language: str) -> Links:
    short = settings.SITE_URL + reverse("campaign_short_link", args=[channel.code])
    message = (channel.message_sv if language == "sv" else channel.message_en) or channel.name
    text = f"{message} {short}"
    share = [
        (
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": short}),
        ),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": short})),
        ("X", "https://twitter.com/intent/tweet?" + urlencode({"text": message, "url": short})),
        ("E-post / Email", "mailto:?body=" + quote(text)),
    ]
    return Links(short, settings.SITE_URL + target(jobs, channel.source), share)
