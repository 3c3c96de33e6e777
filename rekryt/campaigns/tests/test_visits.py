"""Job-page visits are counted per job, channel and day without cookies and
without storing anything about the visitor."""

import pytest
from django.test import Client
from django.urls import reverse

from rekryt.campaigns.models import DailyCount
from rekryt.campaigns.tests.helpers import BROWSER, campaign, channel

pytestmark = pytest.mark.django_db


@pytest.fixture
def tagged(job):
    channel(campaign([job]), "facebook")
    return job


def visit(client, job, source="facebook", agent=BROWSER, page="career_job", **extra):
    url = reverse(page, args=[job.slug]) + f"?source={source}"
    return client.get(url, HTTP_USER_AGENT=agent, REMOTE_ADDR="198.51.100.23", **extra)


def test_a_visit_is_counted_without_a_cookie_or_an_ip_address(client, tagged):
    untagged = client.get(reverse("career_job", args=[tagged.slug]), HTTP_USER_AGENT=BROWSER)
    response = visit(Client(), tagged)
    assert response.status_code == 200
    # The page's own CSRF cookie (its language form) is all there is: the
    # count adds none, and reads none (a fresh client counts the same).
    assert set(response.cookies) == set(untagged.cookies) <= {"csrftoken"}
    visit(Client(), tagged)
    row = DailyCount.objects.get()
    assert (row.job_id, row.source, row.visits, row.starts) == (tagged.pk, "facebook", 2, 0)
    stored = {f.name for f in DailyCount._meta.get_fields()}
    assert stored == {"id", "job", "source", "day", "visits", "starts"}
    assert "198.51.100.23" not in str(list(DailyCount.objects.values()))


def test_opening_the_application_form_counts_a_start(client, tagged):
    visit(client, tagged, page="apply")
    assert DailyCount.objects.get().starts == 1


@pytest.mark.parametrize(
    "agent",
    ["", "Googlebot/2.1 (+http://www.google.com/bot.html)", "facebookexternalhit/1.1", "curl/8.5"],
)
def test_robots_and_link_previews_are_not_counted(client, tagged, agent):
    visit(client, tagged, agent=agent)
    assert not DailyCount.objects.exists()


def test_a_prefetch_is_not_counted(client, tagged):
    visit(client, tagged, HTTP_SEC_PURPOSE="prefetch")
    assert not DailyCount.objects.exists()


def test_invented_tags_and_untagged_visits_write_nothing(client, tagged):
    visit(client, tagged, source="made-up-by-a-stranger")
    client.get(reverse("career_job", args=[tagged.slug]), HTTP_USER_AGENT=BROWSER)
    assert not DailyCount.objects.exists()
