"""A channel's short link leads to the job with its tag, and the
application made from there records the channel."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from rekryt.accounts.models import Organisation
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


def test_each_language_gets_a_share_text_and_links_with_the_short_link(job):
    ch = channel(
        campaign([job]),
        "linkedin-post",
        message_sv="Vi söker dig!",
        message_en="We are hiring!",
    )
    links = links_for(ch, [job], Organisation.get())
    assert links.short.endswith(f"/c/{ch.code}")
    sv, en = links.shares
    assert (sv.language, en.language) == ("sv", "en")
    assert sv.text == f"Vi söker dig! {links.short}"
    assert en.text == f"We are hiring! {links.short}"
    for share in links.shares:
        assert [name for name, _url in share.links] == ["LinkedIn", "Facebook", "X", "Email"]
        for _name, url in share.links:
            assert f"c%2F{ch.code}" in url or f"/c/{ch.code}" in url, url
    email = dict(sv.links)["Email"]
    assert email.startswith("mailto:?subject=") and quote(job.title) in email
    assert "Vi%20s%C3%B6ker%20dig" in email
    assert "We%20are%20hiring" in dict(en.links)["X"].replace("+", "%20")


def test_a_channel_without_a_message_shares_the_jobs_title(job, org):
    ch = channel(campaign([job]), "affisch")
    (share,) = links_for(ch, [job], Organisation.get()).shares
    assert share.text.startswith(job.title) and share.text.endswith(f"/c/{ch.code}")


def test_the_campaign_page_shows_copyable_links_and_texts(client, rita, job):
    ch = channel(campaign([job]), "tips", message_sv="Tipsa en vän!")
    client.force_login(rita)
    page = client.get(reverse("campaign_detail", args=[ch.campaign_id])).content.decode()
    assert f'id="short-{ch.pk}"' in page and f'/c/{ch.code}" readonly' in page
    assert f'<label for="share-{ch.pk}-sv">' in page
    assert f'id="share-{ch.pk}-sv" rows="3" lang="sv" readonly>Tipsa en vän! http' in page
    assert 'data-copy="short-' in page and "campaigns/copy.js" in page
