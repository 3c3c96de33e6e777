"""A channel's tracked links and ready-made share texts and links.

The short link /c/<code> leads to the campaign's job (or, for a campaign of
several jobs, the career site) with ?source=<the channel's tag>; the job
page and the application form carry the tag on, and the application
records it. For each language the channel has a message in, there is a
text to paste anywhere (the message and the short link) and share links
that prefill it in the network's own share dialogue or an email; nothing
is posted by Rekryt."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from rekryt.accounts.models import Organisation
from rekryt.campaigns.models import Channel
from rekryt.jobs.models import Job


def target(jobs: list[Job], source: str) -> str:
    open_jobs = [job for job in jobs if job.is_published]
    path = open_jobs[0].get_absolute_url() if len(open_jobs) == 1 else reverse("career_list")
    return f"{path}?{urlencode({'source': source})}"


@dataclass
class Share:
    language: str  # "sv" or "en": the language of the text
    text: str  # the message and the short link, to paste anywhere
    links: list[tuple[str, str]]  # (network, address of its share dialogue)


@dataclass
class Links:
    short: str
    long: str
    shares: list[Share]


def subject(jobs: list[Job], org: Organisation, language: str) -> str:
    """An email's subject: the job's title, or the company's open jobs."""
    if len(jobs) == 1:
        return jobs[0].title
    with translation.override(language):
        return _("Open jobs at %(company)s") % {"company": org.name}


def share_links(short: str, message: str, title: str) -> list[tuple[str, str]]:
    # LinkedIn and Facebook take only the address (they read the job page's
    # own title and description); X and email take the text as well.
    body = f"{message}\n\n{short}"
    return [
        (
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": short}),
        ),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": short})),
        ("X", "https://twitter.com/intent/tweet?" + urlencode({"text": message, "url": short})),
        (
            _("Email"),
            f"mailto:?subject={quote(title)}&body={quote(body)}",
        ),
    ]


def links_for(channel: Channel, jobs: list[Job], org: Organisation) -> Links:
    short = settings.SITE_URL + reverse("campaign_short_link", args=[channel.code])
    messages = [("sv", channel.message_sv.strip()), ("en", channel.message_en.strip())]
    written = [(language, text) for language, text in messages if text]
    if not written:  # no message yet: the name of the job or company
        written = [(org.default_language or "sv", subject(jobs, org, org.default_language))]
    shares = [
        Share(language, f"{text} {short}", share_links(short, text, subject(jobs, org, language)))
        for language, text in written
    ]
    return Links(short, settings.SITE_URL + target(jobs, channel.source), shares)
