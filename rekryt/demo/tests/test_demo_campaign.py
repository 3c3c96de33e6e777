"""The demo's campaign shows at its best: its job carries JobTech ids, its
channels have results, and "qualified" counts both must-haves met in
screening and applicants who reached the interview stage."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from rekryt.accounts.models import User
from rekryt.campaigns.figures import campaign_report
from rekryt.campaigns.models import Campaign
from rekryt.jobs import taxonomy

pytestmark = pytest.mark.django_db


def test_the_demo_campaign_shows_jobtech_ids_and_qualified_figures():
    call_command(
        "seed_demo", "--candidates", "120", "--password", "demo-pass-123", stdout=StringIO()
    )
    camp = Campaign.objects.get()
    (job,) = camp.jobs.all()
    assert taxonomy.label("occupation", job.jobtech_occupation) == "Lagerarbetare"
    assert taxonomy.label("municipality", job.jobtech_municipality) == "Göteborg"
    report = campaign_report(camp, list(camp.channels.all()), [job.pk])
    total = report.total.counts
    assert total.applicants > total.qualified > total.requirements_met > 0
    assert sum(1 for row in report.rows if row.counts.qualified) >= 3
    client = Client()
    client.force_login(User.objects.get(username="rebecka"))
    page = client.get(reverse("campaign_detail", args=[camp.pk])).content.decode()
    assert "Lagerarbetare" in page and "Göteborg" in page
