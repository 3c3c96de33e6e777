"""XML feeds of open jobs for job boards: Indeed's and LinkedIn's formats.

Built with xml.etree (never by joining strings), so titles and descriptions
are escaped by the serialiser; characters XML 1.0 cannot carry at all
(control characters) are dropped first, since escaping cannot save them.
Every link carries ?source=indeed or ?source=linkedin, so applications
arriving from a board are attributed to it.

A feed is built once and cached under a key made of the jobs' latest change,
their number, the organisation and today's date (deadlines pass at
midnight): one aggregate query per request while nothing changes. When
something has changed, each job's element is reused unless that job
changed — from the process's memory, or from one shared cache entry that
survives restarts and serves every machine — so a rebuild renders only what
is new."""

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
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.translation import get_language

from rekryt.accounts.models import Organisation
from rekryt.jobs.jsonld import description_html
from rekryt.jobs.models import EmploymentType, Job, SalaryUnit, Workplace

CACHE_SECONDS = 3600
# The rendered jobs, shared between processes: kept a week, rewritten
# (with only the open jobs) whenever one is rendered.
SHARED_SECONDS = 7 * 24 * 3600
SHARED_BUCKETS = 32
READ_MARK_SECONDS = 7 * 24 * 3600
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


_SLUG = "feed-slug-here"


@lru_cache(maxsize=16)
def _path(name: str, prefix: str) -> str:
    return reverse(name, args=[_SLUG])


def _url(name: str, job: Job, source: str) -> str:
    # One reverse() per feed, not per job: a slug needs no quoting in a path.
    path = _path(name, get_script_prefix()).replace(_SLUG, job.slug)
    return f"{settings.SITE_URL}{path}?source={source}"


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


def _shared_key(kind: str, org: Organisation, bucket: int) -> str:
    place = _digest(f"{org.name}|{settings.SITE_URL}")
    return f"campaigns:feed-jobs:{kind}:{place}:{get_language()}:{bucket}"


def _bucket(key: tuple[Any, ...]) -> int:
    return int(key[1]) % SHARED_BUCKETS  # key[1] is the job's id


def _shared(kind: str, org: Organisation, wanted: list[tuple[Any, ...]]) -> dict[Any, str]:
    """The wanted elements another process (or this one before a restart)
    left in the shared cache: one read of the buckets they are in."""
    names = {_shared_key(kind, org, bucket) for bucket in map(_bucket, wanted)}
    stored: dict[Any, Any] = {}
    for entry in cache.get_many(names).values():
        if isinstance(entry, dict):
            stored.update(entry)
    return {key: stored[key] for key in wanted if isinstance(stored.get(key), str)}


def _share(kind: str, org: Organisation, every: dict[Any, str], changed: set[int]) -> None:
    """Rewrite the buckets that hold a job rendered now, with their open jobs."""
    buckets: dict[str, dict[Any, str]] = {_shared_key(kind, org, b): {} for b in changed}
    for key, text in every.items():
        if _bucket(key) in changed:
            buckets[_shared_key(kind, org, _bucket(key))][key] = text
    cache.set_many(buckets, SHARED_SECONDS)


def job_fragments(kind: str, jobs: QuerySet[Job], org: Organisation) -> list[str]:
    """The open jobs' <job> elements in feed order: one small query for
    their ids and change times, and the full rows only of jobs rendered
    neither in this process nor (after a restart, or on another machine) in
    the shared cache, which keeps them in SHARED_BUCKETS entries by job id
    (so an edit rewrites a thirty-second of them, a new process reads all)."""
    ordered = jobs.order_by("-published_at", "-pk")
    stamps = list(ordered.values_list("pk", "updated_at", "published_at"))
    keys = {stamp[0]: _fragment_key(kind, stamp, org) for stamp in stamps}
    with _fragments_lock:
        known = {key: _fragments[key] for key in keys.values() if key in _fragments}
    if len(known) < len(keys):
        shared = _shared(kind, org, [key for key in keys.values() if key not in known])
        _remember(shared)
        known.update(shared)
    missing = [pk for pk, key in keys.items() if key not in known]
    fresh: dict[int, str] = {}
    rendered: dict[tuple[Any, ...], str] = {}
    for start in range(0, len(missing), 500):
        for job in Job.objects.filter(pk__in=missing[start : start + 500]):
            key, fresh[job.pk] = _fragment(kind, job, org)
            rendered[key] = fresh[job.pk]
    _remember(rendered)
    if rendered:
        _share(kind, org, {**known, **rendered}, {_bucket(key) for key in rendered})
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


def _feed_key(kind: str, jobs: QuerySet[Job], org: Organisation) -> str:
    """What the feed is made of: the jobs' latest change and number, today
    (deadlines pass at midnight), the organisation and the language."""
    state = jobs.aggregate(changed=Max("updated_at"), n=Count("pk"))
    changed = state["changed"].timestamp() if state["changed"] else 0
    day, language = timezone.localdate(), get_language()
    return f"campaigns:feed:{kind}:{changed}:{state['n']}:{day}:{_digest(org.name)}:{language}"


def _read_key(kind: str) -> str:
    return f"campaigns:feed-read:{kind}"


def cached_feed(kind: str) -> bytes:
    # Marks the feed as read, for a week: the worker keeps only those built.
    cache.add(_read_key(kind), True, READ_MARK_SECONDS)
    jobs, org = open_jobs(), Organisation.get()
    key = _feed_key(kind, jobs, org)
    body = cache.get(key)
    if body is None:
        body = build_feed(kind, jobs, org)
        cache.set(key, body, CACHE_SECONDS)
    return bytes(body)


def warm(kind: str) -> bool:
    """Build the feed into the cache unless it is there already or nobody
    read it for a week (the worker's `warm_feeds`, so a job board's request
    never waits for a build); whether it built."""
    if not cache.get(_read_key(kind)):
        return False
    jobs, org = open_jobs(), Organisation.get()
    key = _feed_key(kind, jobs, org)
    if cache.has_key(key):
        return False
    cache.set(key, build_feed(kind, jobs, org), CACHE_SECONDS)
    return True
