"""Small factories for campaign tests."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from rekryt.campaigns.actions import add_channel, create_campaign
from rekryt.campaigns.models import Campaign, Channel
from rekryt.jobs.models import Job

BROWSER = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"
)


def campaign(jobs: list[Job], **fields: Any) -> Campaign:
    today = timezone.localdate()
    data: dict[str, Any] = {
        "name": "Våren 2026",
        "starts_on": today - timedelta(days=20),
        "goal_date": today + timedelta(days=20),
        "goal_applicants": 40,
        "goal_qualified": 10,
        "persona_education": "Gymnasieexamen, gärna YH inom logistik",
    }
    data.update(fields)
    return create_campaign(None, jobs, **data)


def channel(camp: Campaign, source: str, **fields: Any) -> Channel:
    data: dict[str, Any] = {"kind": "social", "name": source.title(), "source": source}
    data.update(fields)
    return add_channel(camp, **data)
