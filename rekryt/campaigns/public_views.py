"""Public distribution: short links, the job-board feeds and the
embeddable job list. None sets a cookie or reads one."""

from __future__ import annotations

import re

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from rekryt.accounts.models import Organisation
from rekryt.campaigns.feeds import cached_feed, open_jobs
from rekryt.campaigns.links import target
from rekryt.campaigns.models import Channel
from rekryt.jobs.career import salary_text

EMBED_LIMIT = 200
# One CSP source expression: *, 'self', 'none', a scheme (https:) or a host
# with an optional scheme, wildcard subdomain, port and path. What follows a
# ";" in EMBED_FRAME_ANCESTORS (another directive) and any token that is not
# a source (a quote, a comma) are dropped rather than copied into the header.
_SOURCE = re.compile(
    r"\*|'self'|'none'|[a-z][a-z0-9+.-]*:"
    r"|([a-z][a-z0-9+.-]*://)?(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:(\d{1,5}|\*))?(/[\w./~%-]*)?",
    re.IGNORECASE,
)


def frame_ancestors() -> str:
    """EMBED_FRAME_ANCESTORS as a safe frame-ancestors source list; 'none'
    when nothing in it is a valid source."""
    first = settings.EMBED_FRAME_ANCESTORS.split(";")[0]  # never another directive
    sources = [s for s in first.split() if _SOURCE.fullmatch(s)]
    return " ".join(sources) or "'none'"


@require_GET
def short_link(request: HttpRequest, code: str) -> HttpResponse:
    channel = get_object_or_404(Channel.objects.select_related("campaign"), code=code)
    return redirect(target(list(channel.campaign.jobs.all()), channel.source))


def _feed(kind: str) -> HttpResponse:
    response = HttpResponse(cached_feed(kind), content_type="application/xml; charset=utf-8")
    response["Cache-Control"] = "public, max-age=900"
    return response


@require_GET
def indeed_feed(request: HttpRequest) -> HttpResponse:
    return _feed("indeed")


@require_GET
def linkedin_feed(request: HttpRequest) -> HttpResponse:
    return _feed("linkedin")


def _embedded_jobs() -> list:
    return list(open_jobs().order_by("-published_at", "-pk")[:EMBED_LIMIT])


@xframe_options_exempt
@require_GET
def embed_jobs(request: HttpRequest) -> HttpResponse:
    """For an <iframe> on the company's own site: no script, no forms, no
    cookies; links open on the career site in the top window."""
    jobs = _embedded_jobs()
    for job in jobs:
        job.salary_text = salary_text(job)  # type: ignore[attr-defined]
    response = render(
        request,
        "campaigns/embed.html",
        {"jobs": jobs, "org": Organisation.get(), "site_url": settings.SITE_URL},
    )
    response["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
        f"form-action 'none'; frame-ancestors {frame_ancestors()}"
    )
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def embed_jobs_json(request: HttpRequest) -> JsonResponse:
    """The same list as JSON for a site that renders it itself. Public data
    only, so any origin may read it; no credentials are involved."""
    jobs = [
        {
            "id": job.pk,
            "title": job.title,
            "department": job.department,
            "city": job.city,
            "workplace": job.workplace,
            "employment_type": job.employment_type,
            "deadline": job.deadline.isoformat() if job.deadline else None,
            "url": f"{settings.SITE_URL}{job.get_absolute_url()}?source=website",
        }
        for job in _embedded_jobs()
    ]
    response = JsonResponse({"jobs": jobs})
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    return response
