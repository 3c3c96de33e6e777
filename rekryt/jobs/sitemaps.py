"""sitemap.xml for the career site, with absolute URLs from SITE_URL.

Django's Sitemap takes the domain from the request (or the sites framework);
a forged Host header must never reach a crawler, so both the protocol and
the domain come from settings.SITE_URL here."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from rekryt.jobs.models import Job


class SiteUrlSitemap(Sitemap):
    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site: Any = None) -> str:
        return urlsplit(settings.SITE_URL).netloc


class CareerSitemap(SiteUrlSitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self) -> list[str]:
        return ["career_list"]

    def location(self, item: str) -> str:  # type: ignore[override]
        return reverse(item)


class JobSitemap(SiteUrlSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self) -> QuerySet[Job]:
        return Job.objects.published().only("slug", "updated_at").order_by("-published_at", "-pk")

    def lastmod(self, job: Job) -> datetime:
        return job.updated_at


SITEMAPS = {"career": CareerSitemap, "jobs": JobSitemap}
