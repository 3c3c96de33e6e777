"""schema.org JobPosting for Google for Jobs and other crawlers.

Built only for jobs open for applications: a closed or expired job loses the
markup. Every URL is absolute from SITE_URL (never the request's Host), and
the JSON is escaped the way `json_script` does, so a title containing
`</script>` cannot end the script element."""

from __future__ import annotations

import json
from datetime import datetime, time
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy

from rekryt.accounts.models import Organisation
from rekryt.jobs.models import Job
from rekryt.lib import richtext

_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


# The headings of the ad's parts, read in the job's language (cached per
# language: switching the active language per job was most of the time of
# building a job-board feed).
SECTION_HEADINGS = (
    gettext_lazy("The team"),
    gettext_lazy("Requirements"),
    gettext_lazy("Benefits"),
    gettext_lazy("What happens after you apply"),
)


@lru_cache(maxsize=8)
def _headings(language: str) -> tuple[str, ...]:
    with translation.override(language):
        return tuple(str(escape(heading)) for heading in SECTION_HEADINGS)


def description_html(job: Job) -> str:
    """The ad's text as the sanitised HTML the job page shows (rekryt.lib.richtext)."""
    sections: list[str] = [richtext.render(job.description, 3)]
    texts = (job.team_description, job.requirements, job.benefits, job.after_apply)
    for heading, text in zip(_headings(job.language), texts, strict=True):
        if text.strip():
            sections.append(f"<h3>{heading}</h3>{richtext.render(text, 4)}")
    return "\n".join(sections)


def _organisation(org: Organisation) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Organization", "name": org.name}
    if org.website:
        data["sameAs"] = org.website
    if org.logo:
        data["logo"] = settings.SITE_URL + reverse("organisation_logo")
    return data


def _place(job: Job) -> dict[str, Any]:
    address = {
        "@type": "PostalAddress",
        "addressLocality": job.city,
        "addressRegion": job.region,
        "addressCountry": job.country,
    }
    return {"@type": "Place", "address": {k: v for k, v in address.items() if v}}


def _salary(job: Job) -> dict[str, Any]:
    value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": job.salary_unit}
    if job.salary_min is not None:
        value["minValue"] = job.salary_min
    if job.salary_max is not None:
        value["maxValue"] = job.salary_max
    return {"@type": "MonetaryAmount", "currency": job.salary_currency, "value": value}


def valid_through(job: Job) -> str | None:
    """The end of the deadline day in the organisation's time zone."""
    if job.deadline is None:
        return None
    end = datetime.combine(job.deadline, time(23, 59, 59), tzinfo=timezone.get_default_timezone())
    return end.isoformat()


def job_posting(job: Job, org: Organisation) -> dict[str, Any]:
    posted = timezone.localtime(job.published_at or job.created_at)
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": job.title,
        "description": description_html(job),
        "datePosted": posted.isoformat(),
        "hiringOrganization": _organisation(org),
        "employmentType": job.employment_type,
        "identifier": {"@type": "PropertyValue", "name": org.name, "value": str(job.pk)},
        "directApply": True,
        "url": settings.SITE_URL + job.get_absolute_url(),
    }
    if job.is_remote:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": job.country}
    if not job.is_remote or job.city:
        data["jobLocation"] = _place(job)
    if job.has_salary:
        data["baseSalary"] = _salary(job)
    deadline = valid_through(job)
    if deadline:
        data["validThrough"] = deadline
    return data


def job_posting_script(job: Job, org: Organisation) -> SafeString:
    """`<script type="application/ld+json">` for an open job, else empty."""
    if not job.is_open_for_applications:
        return SafeString("")
    text = json.dumps(job_posting(job, org), ensure_ascii=False).translate(_ESCAPES)
    # Safe: <, > and & are \u-escaped above, so nothing can close the element.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308  # nosec B308 B703
