"""Platsbanken (Arbetsförmedlingen): a job as the JSON its direct-transfer
job-posting API takes, and the HTTP calls that publish and withdraw it.

Sending is off unless PLATSBANKEN_ENABLED and the employer's credentials are
set; the export can be downloaded either way. Calls are made by the worker
(duties.SyncPlatsbanken), never in a staff request, with a timeout. The API
key is sent as a header and never logged."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from rekryt.accounts.models import Organisation
from rekryt.campaigns.models import ListingState, PlatsbankenListing
from rekryt.jobs import taxonomy
from rekryt.jobs.models import EmploymentType, Job

# Concept ids outside the vendored lists that every ad needs (JobTech taxonomy).
FULL_TIME, PART_TIME = "6YE1_gAC_R2G", "947z_JGS_Uk2"  # worktime-extent
UNTIL_FURTHER_NOTICE = "a7uU_j21_mkL"  # employment-duration "Tills vidare"
FIXED_WAGE = "oG8G_9cW_nRf"  # wage-type "Fast månads- vecko- eller timlön"
TITLE_MAX, DESCRIPTION_MIN, DESCRIPTION_MAX, DAYS_AHEAD_MAX = 75, 100, 6500, 180


def enabled() -> bool:
    return bool(
        settings.PLATSBANKEN_ENABLED
        and settings.PLATSBANKEN_URL
        and settings.PLATSBANKEN_API_KEY
        and settings.PLATSBANKEN_CUSTOMER_NUMBER
    )


def _description(job: Job) -> str:
    parts = [job.description, job.team_description, job.requirements, job.benefits]
    return "\n\n".join(p.strip() for p in parts if p.strip())[:DESCRIPTION_MAX]


def problems(job: Job) -> list[str]:
    """What Platsbanken would refuse, said before anything is sent."""
    from django.utils.translation import gettext as _

    found = []
    for kind, message in (
        ("occupation", _("Choose the occupation (JobTech) in the job form.")),
        ("municipality", _("Choose the municipality (JobTech) in the job form.")),
        ("employment_type", _("Choose the employment type (JobTech) in the job form.")),
    ):
        if not taxonomy.is_usable(kind, getattr(job, f"jobtech_{kind}")):
            found.append(message)
    if len(job.title) > TITLE_MAX:
        found.append(_("The title is longer than 75 characters."))
    if len(_description(job)) < DESCRIPTION_MIN:
        found.append(_("The ad text is shorter than 100 characters."))
    return found


def last_publish_date(job: Job) -> str:
    latest = timezone.localdate() + timedelta(days=DAYS_AHEAD_MAX)
    return min(job.deadline or latest, latest).isoformat()


def payload(job: Job, listing: PlatsbankenListing) -> dict[str, Any]:
    org = Organisation.get()
    apply_url = settings.SITE_URL + reverse("apply", args=[job.slug]) + "?source=platsbanken"
    return {
        "externalId": str(job.pk),
        "customerNumber": settings.PLATSBANKEN_CUSTOMER_NUMBER,
        "title": job.title[:TITLE_MAX],
        "description": _description(job),
        "lastPublishDate": last_publish_date(job),
        "numberOfOpenings": listing.openings,
        "employer": {"name": org.name, "website": org.website},
        "contacts": [{"email": listing.contact_email}] if listing.contact_email else [],
        "application": {"method": "web", "url": apply_url},
        "workplaces": [
            {
                "municipality": job.jobtech_municipality,
                "postalAddress": {"city": job.city, "country": job.country},
            }
        ],
        "occupation": job.jobtech_occupation,
        "employmentType": job.jobtech_employment_type,
        "duration": UNTIL_FURTHER_NOTICE,
        "worktimeExtent": PART_TIME
        if job.employment_type == EmploymentType.PART_TIME
        else FULL_TIME,
        "wageType": FIXED_WAGE,
    }


class SendError(Exception):
    pass


def _request(method: str, path: str, body: dict[str, Any] | None = None) -> int:
    if not settings.PLATSBANKEN_URL.startswith(("https://", "http://")):
        raise SendError("PLATSBANKEN_URL must be an http(s) address")
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(  # noqa: S310  # scheme checked above
        settings.PLATSBANKEN_URL + path,
        data=data,
        method=method,
        headers={
            "Content-Type": "application/json",
            "api-key": settings.PLATSBANKEN_API_KEY,
            "customer-number": settings.PLATSBANKEN_CUSTOMER_NUMBER,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.PLATSBANKEN_TIMEOUT) as answer:  # noqa: S310  # nosec B310
            return int(answer.status)
    except urllib.error.HTTPError as error:
        if method == "DELETE" and error.code in (404, 410):
            return error.code  # already gone
        raise SendError(f"HTTP {error.code}") from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise SendError(type(error).__name__) from error


def send(listing: PlatsbankenListing) -> int:
    return _request("PUT", f"/ads/{listing.job_id}", payload(listing.job, listing))


def withdraw(listing: PlatsbankenListing) -> int:
    return _request("DELETE", f"/ads/{listing.job_id}")


def withdraw_when_closed(job: Job) -> None:
    """jobs.extensions.on_job_closed: a closed job leaves Platsbanken."""
    listing = PlatsbankenListing.objects.filter(job=job).first()
    if listing is None:
        return
    if listing.state in (ListingState.SENT, ListingState.TO_SEND) and enabled():
        state = ListingState.TO_WITHDRAW if listing.sent_at else ListingState.DRAFT
    elif listing.state == ListingState.TO_SEND:
        state = ListingState.DRAFT
    else:
        return
    PlatsbankenListing.objects.filter(pk=listing.pk).update(
        state=state, next_try_at=timezone.now(), attempts=0
    )
