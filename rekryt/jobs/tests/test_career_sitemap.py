"""sitemap.xml lists the career site and every published job, by SITE_URL."""

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import make_job
from rekryt.jobs.actions import close_job

pytestmark = pytest.mark.django_db


def sitemap(client, **extra):
    response = client.get(reverse("sitemap"), **extra)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return response.content.decode()


def test_it_lists_published_jobs_with_absolute_urls(client, org, settings):
    settings.SITE_URL = "https://jobs.example.se"
    job = make_job()
    xml = sitemap(client)
    assert f"<loc>https://jobs.example.se/jobs/{job.slug}/</loc>" in xml
    assert "<loc>https://jobs.example.se/</loc>" in xml


def test_it_leaves_out_drafts_and_closed_jobs(client, org):
    draft = make_job(publish=False)
    closed = make_job()
    close_job(closed)
    xml = sitemap(client)
    assert draft.slug not in xml
    assert closed.slug not in xml


def test_it_ignores_the_host_header(client, org, settings):
    settings.SITE_URL = "https://jobs.example.se"
    settings.ALLOWED_HOSTS = ["*"]
    make_job()
    xml = sitemap(client, HTTP_HOST="evil.example")
    assert "evil.example" not in xml


def test_it_gives_each_job_its_last_change_date(client, org):
    job = make_job()
    # The date in the site's time zone (Stockholm), as Django's sitemap writes it.
    changed = timezone.localtime(job.updated_at)
    assert f"<lastmod>{changed:%Y-%m-%d}</lastmod>" in sitemap(client)
