"""Campaign workflows: each a transaction that staff views, the demo and
tests call. Each change a person makes writes an audit entry (described in
audit_labels.py); the worker's sends and withdrawals write one too."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from rekryt.accounts.models import User
from rekryt.applications.models import Application
from rekryt.audit import log as audit
from rekryt.audit.models import Action
from rekryt.campaigns import platsbanken
from rekryt.campaigns.models import (
    Campaign,
    Channel,
    DailyCount,
    ListingState,
    PlatsbankenListing,
)
from rekryt.jobs.models import Job


def _changed(instance: Any, fields: dict[str, Any]) -> list[str]:
    """The fields whose stored value differs (read from the database: a
    ModelForm has already copied the new values onto the instance)."""
    stored = type(instance)._default_manager.filter(pk=instance.pk).values(*fields).first() or {}
    return sorted(name for name, value in fields.items() if stored.get(name) != value)


@transaction.atomic
def create_campaign(actor: User | None, jobs: list[Job], **fields: Any) -> Campaign:
    campaign = Campaign.objects.create(created_by=actor, **fields)
    campaign.jobs.set(jobs)
    audit.record(
        Action.EDIT,
        actor=actor,
        target=campaign,
        detail="campaign_created",
        params={"jobs": sorted(job.pk for job in jobs)},
    )
    return campaign


@transaction.atomic
def update_campaign(campaign: Campaign, actor: User | None, jobs: list[Job], **fields: Any) -> None:
    changed = _changed(campaign, fields)
    before = set(campaign.jobs.values_list("pk", flat=True))
    for name, value in fields.items():
        setattr(campaign, name, value)
    campaign.save()
    campaign.jobs.set(jobs)
    if before != {job.pk for job in jobs}:
        changed.append("jobs")
    audit.record(
        Action.EDIT,
        actor=actor,
        target=campaign,
        detail="campaign_changed",
        params={"fields": changed},
    )


@transaction.atomic
def delete_campaign(campaign: Campaign, actor: User | None) -> None:
    """The plan, channels and costs go; applications keep their ?source= tag
    and the visit counters stay, so another campaign (or analytics) of the
    same jobs still counts them."""
    pk, channels = campaign.pk, campaign.channels.count()
    campaign.delete()
    audit.record(
        Action.EDIT,
        actor=actor,
        target_type="campaigns.campaign",
        target_id=pk,
        detail="campaign_deleted",
        params={"channels": channels},
    )


@transaction.atomic
def add_channel(campaign: Campaign, actor: User | None = None, **fields: Any) -> Channel:
    channel = Channel.objects.create(campaign=campaign, **fields)
    audit.record(
        Action.EDIT,
        actor=actor,
        target=channel,
        detail="channel_added",
        params={"campaign": campaign.pk},
    )
    return channel


@transaction.atomic
def update_channel(channel: Channel, actor: User | None, **fields: Any) -> None:
    changed = _changed(channel, fields)
    for name, value in fields.items():
        setattr(channel, name, value)
    channel.save()
    audit.record(
        Action.EDIT,
        actor=actor,
        target=channel,
        detail="channel_changed",
        params={"campaign": channel.campaign_id, "fields": changed},
    )


def has_results(channel: Channel) -> bool:
    """Whether the channel brought anything or cost anything: then removing
    it would change the campaign's figures."""
    if channel.cost:
        return True
    job_ids = list(channel.campaign.jobs.values_list("pk", flat=True))
    tagged = {"job_id__in": job_ids, "source": channel.source}
    return (
        Application.objects.filter(**tagged).exists()
        or DailyCount.objects.filter(**tagged).exists()
    )


@transaction.atomic
def remove_channel(channel: Channel, actor: User | None) -> bool:
    """Delete a channel that never brought or cost anything; archive one
    that did (its figures and cost stay in the campaign). True if archived."""
    archive = has_results(channel)
    campaign_id, pk = channel.campaign_id, channel.pk
    if archive:
        channel.archived_at = timezone.now()
        channel.save(update_fields=["archived_at"])
    else:
        channel.delete()
    audit.record(
        Action.EDIT,
        actor=actor,
        target_type="campaigns.channel",
        target_id=pk,
        detail="channel_archived" if archive else "channel_deleted",
        params={"campaign": campaign_id},
    )
    return archive


@transaction.atomic
def save_listing(job: Job, actor: User | None = None, **fields: Any) -> PlatsbankenListing:
    listing, _created = PlatsbankenListing.objects.update_or_create(job=job, defaults=fields)
    if actor is not None:
        audit.record(Action.EDIT, actor=actor, target=job, detail="platsbanken_saved")
    return listing


@transaction.atomic
def queue_listing(listing: PlatsbankenListing, actor: User | None = None) -> bool:
    """Ask the worker to publish (or update) the ad; false when sending is
    off or the job is not open, so nothing would be sent."""
    if not platsbanken.enabled() or not listing.job.is_open_for_applications:
        return False
    PlatsbankenListing.objects.filter(pk=listing.pk).update(
        state=ListingState.TO_SEND, next_try_at=timezone.now(), attempts=0, last_error=""
    )
    audit.record(Action.EDIT, actor=actor, target=listing.job, detail="platsbanken_send")
    return True


@transaction.atomic
def withdraw_listing(listing: PlatsbankenListing, actor: User | None) -> bool:
    """Take a published (or queued) ad off Platsbanken while the job stays
    open; false when there is nothing to withdraw."""
    if listing.state not in (ListingState.SENT, ListingState.TO_SEND):
        return False
    state = ListingState.TO_WITHDRAW if listing.sent_at else ListingState.DRAFT
    PlatsbankenListing.objects.filter(pk=listing.pk).update(
        state=state, next_try_at=timezone.now(), attempts=0, last_error=""
    )
    audit.record(Action.EDIT, actor=actor, target=listing.job, detail="platsbanken_withdraw")
    return True
