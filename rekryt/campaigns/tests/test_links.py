"""A channel's short link leads to the job with its tag, and the
application made from there records the channel."""

import pytest
from django.urls import reverse

from rekryt.applications.models import Application
from rekryt.campaigns.links import links_for
from rekryt.campaigns.tests.helpers import campaign, channel

pytestmark = pytest.mark.django_db


def test_the_short_link_leads_to_the_job_with_the_channel_tag(client, job):
    ch = channel(campaign([job]), "mässa-kth")
    response = client.get(reverse("campaign_short_link", args=[ch.code]))
    assert response.status_code == 302
    assert response["Location"] == f"{job.get_absolute_url()}?source=m%C3%A4ssa-kth"


def test_a_campaign_of_several_jobs_links_to_the_career_site(client, job, other_job):
    ch = channel(campaign([job, other_job]), "skolor")
    response = client.get(reverse("campaign_short_link", args=[ch.code]))
    assert response["Location"] == reverse("career_list") + "?source=skolor"


def test_an_unknown_code_is_404(client):
    assert client.get(reverse("campaign_short_link", args=["nope"])).status_code == 404


def test_the_apply_form_records_the_tag(client, job):
    ch = channel(campaign([job]), "instagram")
    page = client.get(reverse("apply", args=[job.slug]) + f"?source={ch.source}")
    assert b'value="instagram"' in page.content
    form = page.context["form"]
    data = {
        "first_name": "Sara",
        "last_name": "Nilsson",
        "email": "sara@example.org",
        "about": "Jag gillar logistik.",
        "source": "instagram",
        "submission_key": form.initial["submission_key"],
        "notice_version": form.initial["notice_version"],
        "consent": "on",
    }
    client.post(reverse("apply", args=[job.slug]), data)
    assert Application.objects.get().source == "instagram"


def test_share_links_carry_the_short_link_and_message(job):
    ch = channel(campaign([job]), "linkedin-post", message_sv="Vi söker dig!")
    links = links_for(ch, [job], "sv")
    assert links.short.endswith(f"/c/{ch.code}")
    assert all("%2Fc%2F" in url or "/c/" in url for _name, url in links.share)
    assert "Vi%20s%C3%B6ker%20dig" in links.share[-1][1]
