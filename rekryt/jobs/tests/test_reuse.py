"""Duplicating a job and starting one from a job template: the ad and the
stages are copied into a new draft; applications, dates and the status
never are. Recruiters and admins only."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from conftest import make_application
from rekryt.jobs.models import Job, JobStatus, JobTemplate, stages_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client: Any) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def names(job: Job) -> list[str]:
    return [s.name_en for s in stages_for(job)]


def test_duplicating_makes_a_draft_with_the_ad_stages_and_team(
    client: Any, rita: Any, hanna: Any, job: Any
) -> None:
    make_application(job)
    stage = stages_for(job)[1]
    stage.name_en, stage.name_sv = "Case", "Case"
    stage.save()
    client.force_login(rita)
    response = client.post(reverse("job_duplicate", args=[job.pk]))
    copy = Job.objects.exclude(pk=job.pk).get()
    assert response["Location"] == reverse("job_edit", args=[copy.pk])
    assert copy.status == JobStatus.DRAFT and copy.published_at is None
    assert copy.title == job.title and copy.description == job.description
    assert copy.slug != job.slug
    assert names(copy) == names(job)
    assert list(copy.team.all()) == [hanna]
    assert not copy.applications.exists()


def test_a_template_saved_from_a_job_starts_new_drafts(client: Any, rita: Any, job: Any) -> None:
    client.force_login(rita)
    client.post(reverse("job_save_template", args=[job.pk]), {"name": "Utvecklare"})
    template = JobTemplate.objects.get()
    assert template.name == "Utvecklare"
    assert [row["name_en"] for row in template.stages] == names(job)
    listing = client.get(reverse("job_templates")).content.decode()
    assert "Utvecklare" in listing
    client.post(reverse("job_templates"), {"template": template.pk})
    made = Job.objects.exclude(pk=job.pk).get()
    assert made.status == JobStatus.DRAFT
    assert made.salary_max == job.salary_max
    assert names(made) == names(job)


def test_a_malformed_template_id_is_a_404(client: Any, rita: Any) -> None:
    client.force_login(rita)
    assert client.post(reverse("job_templates"), {"template": "1'; DROP"}).status_code == 404


def test_hiring_managers_cannot_reuse_jobs(client: Any, hanna: Any, job: Any) -> None:
    client.force_login(hanna)
    assert client.post(reverse("job_duplicate", args=[job.pk])).status_code == 404
    assert client.get(reverse("job_templates")).status_code == 404
    assert Job.objects.count() == 1


def test_deleting_a_template_leaves_its_jobs(client: Any, rita: Any, job: Any) -> None:
    client.force_login(rita)
    client.post(reverse("job_save_template", args=[job.pk]), {"name": "X"})
    template = JobTemplate.objects.get()
    client.post(reverse("job_templates"), {"template": template.pk})
    client.post(reverse("job_template_delete", args=[template.pk]))
    assert not JobTemplate.objects.exists()
    assert Job.objects.count() == 2
