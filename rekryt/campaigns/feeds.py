"""XML feeds of open jobs for job boards: Indeed's and LinkedIn's formats.

Built with xml.etree (never by joining strings), so titles and descriptions
are escaped by the serialiser; characters XML 1.0 cannot carry at all
(control characters) are dropped first, since escaping cannot save them.
Every link carries ?source=indeed or ?source=linkedin, so applications
arriving from a board are attributed to it.

A feed is built once and cached under a key made of the jobs' latest change,
their number, the organisation and today's date (deadlines pass at
midnight): one aggregate query per request while nothing changes."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from email.utils import format_datetime
from typing import Any
from xml.etree import ElementTree as ET  # building, never parsing

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from rekryt.accounts.models import Organisation
from rekryt.jobs.jsonld import description_html
from rekryt.jobs.models import Job, Workplace

CACHE_SECONDS = 3600
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: Any) -> str:
    return _NOT_XML.sub("", str(value))


def open_jobs() -> QuerySet[Job]:
    today = timezone.localdate()
    return Job.objects.published().filter(Q(deadline=None) | Q(deadline__gte=today))


def _add(parent: ET.Element, tag: str, value: Any) -> None:
    if value not in (None, ""):
        ET.SubElement(parent, tag).text = xml_text(value)


def _url(name: str, job: Job, source: str) -> str:
    return f"{settings.SITE_URL}{reverse(name, args=[job.slug])}?source={source}"


def _salary(job: Job) -> str:
    if not job.has_salary:
        return ""
    low, high = job.salary_min, job.salary_max
    span = f"{low}-{high}" if low is not None and high is not None else str(low or high)
    return f"{span} {job.salary_currency} {job.get_salary_unit_display()}"


def indeed_job(root: ET.Element, job: Job, org: Organisation) -> None:
    item = ET.SubElement(root, "job")
    _add(item, "title", job.title)
    _add(item, "date", format_datetime(job.published_at or job.created_at, usegmt=True))
    _add(item, "referencenumber", job.pk)
    _add(item, "url", _url("career_job", job, "indeed"))
    _add(item, "company", org.name)
    _add(item, "city", job.city)
    _add(item, "state", job.region)
    _add(item, "country", job.country)
    _add(item, "description", description_html(job))
    _add(item, "salary", _salary(job))
    _add(item, "jobtype", job.get_employment_type_display())
    _add(item, "category", job.department)
    if job.deadline:
        _add(item, "expirationdate", job.deadline.isoformat())
    if job.workplace != Workplace.ONSITE:
        _add(item, "remotetype", "Fully remote" if job.is_remote else "Hybrid remote")


WORKPLACE_TYPES: dict[str, str] = {
    Workplace.ONSITE: "On-site",
    Workplace.HYBRID: "Hybrid",
    Workplace.REMOTE: "Remote",
}


def linkedin_job(root: ET.Element, job: Job, org: Organisation) -> None:
    item = ET.SubElement(root, "job")
    _add(item, "partnerJobId", job.pk)
    _add(item, "company", org.name)
    _add(item, "title", job.title)
    _add(item, "description", description_html(job))
    _add(item, "applyUrl", _url("apply", job, "linkedin"))
    _add(item, "location", ", ".join(v for v in (job.city, job.region, job.country) if v))
    _add(item, "city", job.city)
    _add(item, "state", job.region)
    _add(item, "country", job.country)
    _add(item, "jobtype", job.employment_type)
    _add(item, "workplaceTypes", WORKPLACE_TYPES.get(job.workplace, ""))
    if job.deadline:
        _add(item, "expirationDate", job.deadline.isoformat())


Writer = Callable[[ET.Element, Job, Organisation], None]
FORMATS: dict[str, tuple[Writer, str]] = {
    "indeed": (indeed_job, "publisherurl"),
    "linkedin": (linkedin_job, "publisherUrl"),
}


def build_feed(kind: str, jobs: QuerySet[Job], org: Organisation) -> bytes:
    write, url_tag = FORMATS[kind]
    root = ET.Element("source")
    _add(root, "publisher", org.name)
    _add(root, url_tag, settings.SITE_URL + reverse("career_list"))
    _add(root, "lastBuildDate", format_datetime(timezone.now(), usegmt=True))
    for job in jobs.order_by("-published_at", "-pk").iterator(chunk_size=500):
        write(root, job, org)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def cached_feed(kind: str) -> bytes:
    jobs = open_jobs()
    state = jobs.aggregate(changed=Max("updated_at"), n=Count("pk"))
    org = Organisation.get()
    changed = state["changed"].timestamp() if state["changed"] else 0
    key = f"campaigns:feed:{kind}:{changed}:{state['n']}:{timezone.localdate()}:{_digest(org.name)}"
    body = cache.get(key)
    if body is None:
        body = build_feed(kind, jobs, org)
        cache.set(key, body, CACHE_SECONDS)
    return bytes(body)
