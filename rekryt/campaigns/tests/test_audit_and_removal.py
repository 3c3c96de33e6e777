"""Campaign and channel changes and Platsbanken sends are in the audit log;
removing a channel that had results archives it and keeps its figures."""

import pytest
from django.urls import reverse

from conftest import make_application
from rekryt.audit.describe import description
from rekryt.audit.models import AuditEntry
from rekryt.campaigns.duties import SyncPlatsbanken
from rekryt.campaigns.figures import campaign_report
from rekryt.campaigns.models import Campaign, Channel, ListingState, PlatsbankenListing
from rekryt.campaigns.tests.helpers import campaign, channel
from rekryt.campaigns.tests.test_platsbanken import listing, server  # noqa: F401
from rekryt.campaigns.visits import add_one

pytestmark = pytest.mark.django_db

CAMPAIGN = {
    "name": "Lagerkampanj",
    "persona_education": "Truckkort A+B",
    "starts_on": "2026-03-01",
    "goal_date": "2026-04-15",
    "goal_applicants": 60,
    "goal_qualified": 15,
    "qualified_stage": "interview",
}


def details():
    entries = AuditEntry.objects.exclude(action="login").order_by("pk")
    return list(entries.values_list("detail", flat=True))


def test_creating_editing_and_deleting_a_campaign_is_audited(client, rita, job):
    client.force_login(rita)
    client.post(reverse("campaign_new"), {**CAMPAIGN, "jobs": [job.pk]})
    camp = Campaign.objects.get()
    edited = {**CAMPAIGN, "jobs": [job.pk], "goal_applicants": 80, "name": "Lager, våren"}
    assert client.post(reverse("campaign_edit", args=[camp.pk]), edited).status_code == 302
    assert client.post(reverse("campaign_delete", args=[camp.pk])).status_code == 302
    assert not Campaign.objects.exists()

    assert details() == ["campaign_created", "campaign_changed", "campaign_deleted"]
    entries = list(AuditEntry.objects.exclude(action="login").order_by("pk"))
    assert all(e.actor == rita and e.target_type == "campaigns.campaign" for e in entries)
    assert {e.target_id for e in entries} == {str(camp.pk)}
    assert entries[1].params == {"fields": ["goal_applicants", "name"]}
    assert description(entries[1]) == "Changed a campaign (applicants wanted, name)"
    assert description(entries[2]) == "Deleted a campaign and its 0 channels"


def test_channel_changes_are_audited(client, rita, job):
    camp = campaign([job])
    client.force_login(rita)
    added = {"kind": "social", "name": "Facebook", "budget": 0, "cost": 0}
    client.post(reverse("channel_add", args=[camp.pk]), added)
    made = Channel.objects.get()
    changed = {**added, "source": made.source, "cost": 5}
    client.post(reverse("channel_edit", args=[made.pk]), changed)
    assert details()[-2:] == ["channel_added", "channel_changed"]
    entry = AuditEntry.objects.latest("pk")
    assert entry.actor == rita and entry.target_type == "campaigns.channel"
    assert entry.params == {"campaign": camp.pk, "fields": ["cost"]}
    assert description(entry) == f"Changed a channel of campaign {camp.pk} (actual cost (SEK))"


def test_a_channel_without_results_is_deleted(client, rita, job):
    camp = campaign([job])
    unused = channel(camp, "affisch")
    client.force_login(rita)
    assert client.post(reverse("channel_delete", args=[unused.pk])).status_code == 302
    assert not Channel.objects.exists()
    assert details()[-1] == "channel_deleted"


@pytest.mark.parametrize("result", ["application", "visit", "cost"])
def test_a_channel_with_results_is_archived_and_keeps_its_figures(client, rita, job, result):
    camp = campaign([job])
    used = channel(camp, "linkedin", cost=1200 if result == "cost" else 0)
    if result == "application":
        make_application(job, source="linkedin")
    if result == "visit":
        add_one(job.pk, "linkedin", "visits")
    before = campaign_report(camp, list(camp.channels.all()), [job.pk])
    client.force_login(rita)
    client.post(reverse("channel_delete", args=[used.pk]))

    kept = Channel.objects.get()
    assert kept.is_archived and details()[-1] == "channel_archived"
    page = client.get(reverse("campaign_detail", args=[camp.pk]))
    after = page.context["report"]
    assert after.rows[0].channel == kept and after.rows[0].counts == before.rows[0].counts
    assert after.total.cost == before.total.cost and after.total.counts == before.total.counts
    assert page.context["links"] == [] and page.context["archived"] == [kept]
    assert "(archived)" in page.content.decode()
    assert client.get(reverse("campaign_short_link", args=[kept.code])).status_code == 302


def test_removing_needs_a_post_and_the_page_asks_first(client, rita, job):
    camp = campaign([job])
    made = channel(camp, "tips")
    client.force_login(rita)
    assert client.get(reverse("channel_delete", args=[made.pk])).status_code == 405
    page = client.get(reverse("campaign_detail", args=[camp.pk])).content.decode()
    assert "Yes, remove the channel" in page and "<details" in page
    assert Channel.objects.exists()


def test_platsbanken_send_and_withdraw_are_audited(server, client, rita, job):  # noqa: F811
    listing(job)
    client.force_login(rita)
    client.post(reverse("job_platsbanken_send", args=[job.pk]))
    assert SyncPlatsbanken().handle_one()
    client.post(reverse("job_platsbanken_withdraw", args=[job.pk]))
    assert PlatsbankenListing.objects.get().state == ListingState.TO_WITHDRAW
    assert SyncPlatsbanken().handle_one()
    assert [c[0] for c in server.calls] == ["PUT", "DELETE"]
    assert PlatsbankenListing.objects.get().state == ListingState.WITHDRAWN
    job.refresh_from_db()
    assert job.is_published, "withdrawing from Platsbanken leaves the job open"

    entries = AuditEntry.objects.filter(detail__startswith="platsbanken").order_by("pk")
    assert [e.detail for e in entries] == [
        "platsbanken_send",
        "platsbanken_sent",
        "platsbanken_withdraw",
        "platsbanken_withdrawn",
    ]
    assert [e.actor for e in entries] == [rita, None, rita, None]
    assert {(e.target_type, e.target_id) for e in entries} == {("jobs.job", str(job.pk))}
    assert "test-key" not in str([e.params for e in entries])
