"""XML feeds of open jobs for job boards: Indeed's and LinkedIn's formats.

Built with xml.etree (never by joining strings), so titles and descriptions
are escaped by the serialiser; characters XML 1.0 cannot carry at all
(control characters) are dropped first, since escaping cannot save them.
Every link carries ?source=indeed or ?source=linkedin, so applications
arriving from a board are attributed to it.

A feed is built once and cached under a key made of the jobs' latest change,
their number, the organisation and today's date (deadlines pass at
midnight): one aggregate query per request while nothing changes. When
something has changed, each job's element is reused from the process's
memory unless that job changed, so a rebuild renders only what is new."""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from email.utils import format_datetime
from functools import lru_cache
from typing import Any
from xml.etree import ElementTree as ET  # building, never parsing

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import Count, Max, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from rekryt.accounts.models import Organisation
from rekryt.jobs.jsonld import description_html
from rekryt.jobs.models import EmploymentType, Job, SalaryUnit, Workplace

CACHE_SECONDS = 3600
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: Any) -> str:
    return _NOT_XML.sub("", str(value))


def open_jobs() -> QuerySet[Job]:
    today = timezone.localdate()
    return Job.objects.published().filter(Q(deadline=None) | Q(deadline__gte=today))


@lru_cache(maxsize=64)
def _labels(choices: type[models.TextChoices], language: str) -> dict[str, str]:
    return {value: str(label) for value, label in choices.choices}


def _label(choices: type[models.TextChoices], value: str) -> str:
    """A choice's label in the active language. Django's get_FOO_display()
    hashes the field's lazy choices on every call, which was a third of the
    time of building a feed of 1,000 jobs."""
    return _labels(choices, get_language() or "").get(value, value)


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
    return f"{span} {job.salary_currency} {_label(SalaryUnit, job.salary_unit)}"


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
    _add(item, "jobtype", _label(EmploymentType, job.employment_type))
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


# Each job's serialised <job> element, per process, keyed by what it is made
# of: a feed rebuilt after one job changed renders that job alone and
# joins the rest (about 3 kB each; the oldest are dropped past the limit).
FRAGMENTS_MAX = 20_000
_fragments: OrderedDict[tuple[Any, ...], str] = OrderedDict()
_fragments_lock = threading.Lock()


def _fragment(kind: str, job: Job, org: Organisation) -> tuple[tuple[Any, ...], str]:
    holder = ET.Element("holder")
    FORMATS[kind][0](holder, job, org)
    stamp = (job.pk, job.updated_at, job.published_at)
    return _fragment_key(kind, stamp, org), ET.tostring(holder[0], "unicode")


def _fragment_key(kind: str, stamp: tuple[Any, ...], org: Organisation) -> tuple[Any, ...]:
    # published_at too: the demo's seeding back-dates it with update().
    return (kind, *stamp, org.name, settings.SITE_URL, get_language())


def forget_fragments() -> None:
    """Empty this process's memory of rendered jobs (tests, the benchmark)."""
    with _fragments_lock:
        _fragments.clear()


def _remember(found: dict[tuple[Any, ...], str]) -> None:
    with _fragments_lock:
        _fragments.update(found)
        while len(_fragments) > FRAGMENTS_MAX:
            _fragments.popitem(last=False)


def job_fragments(kind: str, jobs: QuerySet[Job], org: Organisation) -> list[str]:
    """The open jobs' <job> elements in feed order: one small query for
    their ids and change times, and the full rows only of jobs not
    rendered before in this process."""
    ordered = jobs.order_by("-published_at", "-pk")
    stamps = list(ordered.values_list("pk", "updated_at", "published_at"))
    keys = {stamp[0]: _fragment_key(kind, stamp, org) for stamp in stamps}
    with _fragments_lock:
        known = {key: _fragments[key] for key in keys.values() if key in _fragments}
    missing = [pk for pk, key in keys.items() if key not in known]
    fresh: dict[int, str] = {}
    rendered: dict[tuple[Any, ...], str] = {}
    for start in range(0, len(missing), 500):
        for job in Job.objects.filter(pk__in=missing[start : start + 500]):
            key, fresh[job.pk] = _fragment(kind, job, org)
            rendered[key] = fresh[job.pk]
    _remember(rendered)
    found = (fresh.get(pk) or known.get(keys[pk]) for pk, *_changed in stamps)
    return [text for text in found if text]  # a job deleted meanwhile is left out


def build_feed(kind: str, jobs: QuerySet[Job], org: Organisation) -> bytes:
    url_tag = FORMATS[kind][1]
    root = ET.Element("source")
    _add(root, "publisher", org.name)
    _add(root, url_tag, settings.SITE_URL + reverse("career_list"))
    _add(root, "lastBuildDate", format_datetime(timezone.now(), usegmt=True))
    head = ET.tostring(root, "unicode")  # "<source>…</source>": the header always has a child
    body = head.removesuffix("</source>") + "".join(job_fragments(kind, jobs, org)) + "</source>"
    return ("<?xml version='1.0' encoding='utf-8'?>\n" + body).encode("utf-8")


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
