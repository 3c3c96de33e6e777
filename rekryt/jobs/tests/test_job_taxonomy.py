"""JobTech taxonomy ids chosen in the job form: a plain select of the
vendored ids, checked on the server, stored on the job."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from rekryt.jobs import taxonomy
from rekryt.jobs.models import Job
from rekryt.jobs.reuse import duplicate_job
from rekryt.jobs.tests.test_staff_job_form import job_data

pytestmark = pytest.mark.django_db

MALMO, DEVELOPER, PERMANENT = "oYPt_yRA_Smm", "rQds_YGd_quU", "kpPX_CNN_gDU"
CHOSEN = {
    "jobtech_occupation": DEVELOPER,
    "jobtech_municipality": MALMO,
    "jobtech_employment_type": PERMANENT,
}


def test_the_form_offers_the_vendored_ids_as_plain_selects(client: Any, rita: Any) -> None:
    client.force_login(rita)
    page = client.get(reverse("job_create")).content.decode()
    assert '<select name="jobtech_municipality"' in page
    assert f'<option value="{MALMO}">Malmö</option>' in page
    assert "<script" not in page.split('name="jobtech_occupation"')[1].split("</select>")[0]


def test_chosen_ids_are_stored_on_the_job(client: Any, rita: Any) -> None:
    client.force_login(rita)
    response = client.post(reverse("job_create"), job_data(**CHOSEN))
    assert response.status_code == 302
    job = Job.objects.get(title="Frontend Developer")
    assert (job.jobtech_occupation, job.jobtech_municipality) == (DEVELOPER, MALMO)
    assert job.jobtech_employment_type == PERMANENT
    assert taxonomy.label("municipality", job.jobtech_municipality) == "Malmö"
    assert duplicate_job(job, rita).jobtech_municipality == MALMO


@pytest.mark.parametrize(
    "field", ["jobtech_occupation", "jobtech_municipality", "jobtech_employment_type"]
)
@pytest.mark.parametrize("hostile", ["not-an-id", "<script>x</script>", "' OR 1=1 --", "A" * 300])
def test_a_value_outside_the_taxonomy_is_refused_and_nothing_typed_is_lost(
    client: Any, rita: Any, field: str, hostile: str
) -> None:
    client.force_login(rita)
    response = client.post(reverse("job_create"), job_data(**{**CHOSEN, field: hostile}))
    assert response.status_code == 200
    assert "from the list" in str(response.context["form"].errors[field][0])
    page = response.content.decode()
    assert "You will build our candidate-facing pages." in page
    assert f'<option value="{MALMO}" selected>' in page or field == "jobtech_municipality"
    assert "<script>x</script>" not in page
    assert not Job.objects.exists()


def test_leaving_them_empty_is_allowed(client: Any, rita: Any) -> None:
    client.force_login(rita)
    assert client.post(reverse("job_create"), job_data()).status_code == 302
    assert Job.objects.get().jobtech_occupation == ""


def test_an_id_the_list_no_longer_has_survives_an_edit(client: Any, rita: Any) -> None:
    client.force_login(rita)
    client.post(reverse("job_create"), job_data(**CHOSEN))
    job = Job.objects.get()
    Job.objects.filter(pk=job.pk).update(jobtech_occupation="old_Id0_gone")
    url = reverse("job_edit", args=[job.pk])
    assert "old_Id0_gone" in client.get(url).content.decode()
    edited = job_data(**{**CHOSEN, "jobtech_occupation": "old_Id0_gone", "title": "Renamed"})
    assert client.post(url, edited).status_code == 302
    assert Job.objects.get().jobtech_occupation == "old_Id0_gone"
