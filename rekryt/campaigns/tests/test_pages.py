"""The staff pages: who sees which campaign, creating campaigns and
channels, the persona's limits, and constant queries as data grows."""

import pytest
from django.urls import reverse

from conftest import make_application
from rekryt.campaigns.models import Campaign, Channel
from rekryt.campaigns.tests.helpers import campaign, channel
from rekryt.jobs.models import Job

pytestmark = pytest.mark.django_db


def test_a_hiring_manager_sees_only_campaigns_of_their_jobs(client, job, other_job, hanna, otto):
    mine = campaign([job], name="Lager Borås")
    both = campaign([job, other_job], name="Hela våren")
    client.force_login(hanna)
    listed = client.get(reverse("campaign_list")).context["campaigns"]
    assert list(listed) == [mine]
    assert client.get(reverse("campaign_detail", args=[mine.pk])).status_code == 200
    assert client.get(reverse("campaign_detail", args=[both.pk])).status_code == 404
    assert client.get(reverse("campaign_edit", args=[mine.pk])).status_code == 404
    client.force_login(otto)
    assert client.get(reverse("campaign_detail", args=[mine.pk])).status_code == 404


def test_interviewers_see_no_campaigns(client, job, ivan):
    job.team.add(ivan)
    camp = campaign([job])
    client.force_login(ivan)
    assert client.get(reverse("campaign_list")).status_code == 404
    assert client.get(reverse("campaign_detail", args=[camp.pk])).status_code == 404


def test_a_recruiter_creates_a_campaign_and_a_channel(client, rita, job):
    client.force_login(rita)
    form = client.get(reverse("campaign_new")).content.decode()
    assert "Discrimination Act" in form or "diskriminering" in form.lower()
    for protected in ("age", "gender", "birth"):
        assert f'name="persona_{protected}' not in form
    response = client.post(
        reverse("campaign_new"),
        {
            "name": "Lagerkampanj",
            "jobs": [job.pk],
            "persona_education": "Truckkort A+B",
            "persona_whereabouts": "Facebookgrupper för lagerjobb, Blocket Jobb",
            "starts_on": "2026-03-01",
            "goal_date": "2026-04-15",
            "goal_applicants": 60,
            "goal_qualified": 15,
            "qualified_stage": "interview",
        },
    )
    camp = Campaign.objects.get()
    assert response.status_code == 302 and list(camp.jobs.all()) == [job]
    added = client.post(
        reverse("channel_add", args=[camp.pk]),
        {"kind": "social", "name": "Facebook-annons", "budget": 5000, "cost": 4200},
    )
    assert added.status_code == 302
    assert Channel.objects.get().source == "facebook-annons"
    page = client.get(reverse("campaign_detail", args=[camp.pk])).content.decode()
    assert "Facebook-annons" in page and "<svg" in page and "/c/" in page


def test_a_persona_aimed_at_age_or_gender_is_refused_and_nothing_typed_is_lost(client, rita, job):
    client.force_login(rita)
    data = {
        "name": "Unga säljare",
        "jobs": [job.pk],
        "persona_experience": "Unga killar 20-30 år med säljvana",
        "starts_on": "2026-03-01",
        "goal_date": "2026-04-15",
        "goal_applicants": 10,
        "goal_qualified": 2,
        "qualified_stage": "interview",
    }
    response = client.post(reverse("campaign_new"), data)
    assert response.status_code == 200 and not Campaign.objects.exists()
    assert response.context["form"].errors["persona_experience"]
    assert "Unga killar 20-30 år med säljvana" in response.content.decode()


def test_a_source_tag_cannot_be_used_twice(client, rita, job):
    camp = campaign([job])
    channel(camp, "linkedin")
    client.force_login(rita)
    response = client.post(
        reverse("channel_add", args=[camp.pk]), {"kind": "social", "name": "LinkedIn"}
    )
    assert response.status_code == 400 and Channel.objects.count() == 1


def test_the_campaign_page_keeps_its_queries_as_data_grows(
    client, rita, job, other_job, django_assert_max_num_queries
):
    camp = campaign([job])
    channel(camp, "a")
    make_application(job, source="a")
    client.force_login(rita)
    url = reverse("campaign_detail", args=[camp.pk])
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        assert client.get(url).status_code == 200
    camp.jobs.add(other_job)
    for n in range(4):
        channel(camp, f"kanal-{n}")
        make_application(job, source=f"kanal-{n}")
        make_application(other_job, source="a")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_campaign_list_keeps_its_queries(client, rita, job, django_assert_max_num_queries):
    campaign([job])
    client.force_login(rita)
    url = reverse("campaign_list")
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for _ in range(4):
        campaign([job])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_the_campaign_page_names_each_jobs_jobtech_classification(client, rita, job, other_job):
    Job.objects.filter(pk=job.pk).update(
        jobtech_occupation="sizv_uPq_nWf", jobtech_municipality="PVZL_BQT_XtL"
    )
    camp = campaign([job, other_job])
    client.force_login(rita)
    page = client.get(reverse("campaign_detail", args=[camp.pk])).content.decode()
    row = page.split(f">{job.title}</a></th>")[1].split("</tr>")[0]
    assert "Lagerarbetare" in row and "Göteborg" in row and "Not chosen" in row
    other = page.split(f">{other_job.title}</a></th>")[1].split("</tr>")[0]
    assert other.count("Not chosen") == 3
