"""What audit entries about campaigns and Platsbanken mean (rekryt.audit.describe)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from rekryt.audit.describe import Target


def visible(user: Any) -> Any:
    from rekryt.campaigns.models import Campaign

    return Campaign.objects.visible_to(user)


def _fields(model: str, params: dict[str, Any]) -> str:
    """The changed fields by their names in the reader's language."""
    from django.apps import apps
    from django.core.exceptions import FieldDoesNotExist

    meta = apps.get_model(model)._meta
    names = []
    for name in params.get("fields") or []:
        try:
            names.append(str(meta.get_field(str(name)).verbose_name))
        except FieldDoesNotExist:
            names.append(str(name))
    return ", ".join(names) or "—"


TARGETS = {
    "campaigns.campaign": Target(_("Campaign"), "campaign_detail", visible),
    "campaigns.channel": Target(_("Campaign channel")),
}

PAGES = {
    "campaign_new": _("Created a campaign"),
    "campaign_edit": _("Changed a campaign"),
    "campaign_delete": _("Deleted a campaign"),
    "campaign_detail": _("Viewed a campaign"),
    "channel_add": _("Added a channel to a campaign"),
    "channel_edit": _("Changed a campaign channel"),
    "channel_delete": _("Removed a campaign channel"),
    "job_platsbanken": _("Changed a job's Platsbanken details"),
    "job_platsbanken_send": _("Sent a job to Platsbanken"),
    "job_platsbanken_withdraw": _("Withdrew a job from Platsbanken"),
}

DETAILS = {
    "campaign_created": _("Created a campaign"),
    "campaign_changed": lambda p: (
        _("Changed a campaign (%(fields)s)") % {"fields": _fields("campaigns.campaign", p)}
    ),
    "campaign_deleted": _("Deleted a campaign and its %(channels)s channels"),
    "channel_added": _("Added a channel to campaign %(campaign)s"),
    "channel_changed": lambda p: (
        _("Changed a channel of campaign %(campaign)s (%(fields)s)")
        % {"campaign": p.get("campaign", "?"), "fields": _fields("campaigns.channel", p)}
    ),
    "channel_deleted": _("Deleted a channel of campaign %(campaign)s"),
    "channel_archived": _(
        "Archived a channel of campaign %(campaign)s (it had results, which stay in the figures)"
    ),
    "platsbanken_saved": _("Changed a job's Platsbanken details"),
    "platsbanken_send": _("Asked to send a job's ad to Platsbanken"),
    "platsbanken_withdraw": _("Asked to withdraw a job's ad from Platsbanken"),
    "platsbanken_sent": _("The worker sent a job's ad to Platsbanken"),
    "platsbanken_withdrawn": _("The worker withdrew a job's ad from Platsbanken"),
}
