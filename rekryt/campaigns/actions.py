"""Campaign workflows: each a transaction that staff views, the demo and
tests call."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from rekryt.accounts.models import User
from rekryt.campaigns import platsbanken
from rekryt.campaigns.models import Campaign, Channel, ListingState, PlatsbankenListing
from rekryt.jobs.models import Job


@transaction.atomic
def create_campaign(actor: User | None, jobs: list[Job], **fields: Any) -> Campaign:
    campaign = Campaign.objects.create(created_by=actor, **fields)
    campaign.jobs.set(jobs)
    return campaign


@transaction.atomic
def add_channel(campaign: Campaign, **fields: Any) -> Channel:
    return Channel.objects.create(campaign=campaign, **fields)


@transaction.atomic
def save_listing(job: Job, **fields: Any) -> PlatsbankenListing:
    listing, _created = PlatsbankenListing.objects.update_or_create(job=job, defaults=fields)
    return listing


@transaction.atomic
def queue_listing(listing: PlatsbankenListing) -> bool:
    """Ask the worker to publish (or update) the ad; false when sending is
    off or the job is not open, so nothing would be sent."""
    if not platsbanken.enabled() or not listing.job.is_open_for_applications:
        return False
    PlatsbankenListing.objects.filter(pk=listing.pk).update(
        state=ListingState.TO_SEND, next_try_at=timezone.now(), attempts=0, last_error=""
    )
    return True
