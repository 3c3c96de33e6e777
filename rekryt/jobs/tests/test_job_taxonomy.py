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


def test_every_municipality_is_vendored_once_in_its_county() -> None:
    municipalities = taxonomy.load()["municipality"]
    assert len(municipalities) == 290
    assert len({c["id"] for c in municipalities}) == 290
    assert len({c["label"] for c in municipalities}) == 290
    assert all(taxonomy.looks_like_id(c["id"]) for c in municipalities)
    counties = taxonomy.grouped_choices("municipality")
    assert len(counties) == 21
    skane = dict(counties)["Skåne län"]
    assert skane[:2] == [("waQp_FjW_qhF", "Bjuv"), ("WMNK_PXa_Khm", "Bromölla")]
    assert ("Ft9P_E8F_VLJ", "Gotland") in dict(counties)["Gotlands län"]


def test_municipalities_are_grouped_by_county_in_the_form(client: Any, rita: Any) -> None:
    client.force_login(rita)
    page = client.get(reverse("job_create")).content.decode()
    municipality = page.split('name="jobtech_municipality"')[1].split("</select>")[0]
    assert '<optgroup label="Norrbottens län">' in municipality
    assert municipality.count("<option") == 291  # and "—"
    assert '<option value="ymBu_aFc_QJA">Årjäng</option>' in municipality


def test_an_occupation_outside_the_list_can_be_typed_as_its_concept_id(
    client: Any, rita: Any
) -> None:
    client.force_login(rita)
    typed = "Xk2p_9Qa_Zz1"
    data = job_data(**{**CHOSEN, "jobtech_occupation": "", "jobtech_occupation_other": typed})
    assert client.post(reverse("job_create"), data).status_code == 302
    job = Job.objects.get()
    assert job.jobtech_occupation == typed
    assert taxonomy.label("occupation", typed) == typed
    assert taxonomy.is_usable("occupation", typed)
    assert not taxonomy.is_usable("municipality", typed)
    edit = client.get(reverse("job_edit", args=[job.pk])).content.decode()
    assert f'name="jobtech_occupation_other" value="{typed}"' in edit
    # Editing something else keeps it; emptying the field clears it.
    again = job_data(**{**CHOSEN, "jobtech_occupation": "", "jobtech_occupation_other": typed})
    client.post(reverse("job_edit", args=[job.pk]), {**again, "title": "Renamed"})
    assert Job.objects.get().jobtech_occupation == typed
    client.post(reverse("job_edit", args=[job.pk]), {**again, "jobtech_occupation_other": ""})
    assert Job.objects.get().jobtech_occupation == ""


@pytest.mark.parametrize("hostile", ["fg7B_yov_smw_", "fg7B-yov-smw", "<b>x</b>", "A" * 41])
def test_a_typed_occupation_that_is_not_a_concept_id_is_refused_and_kept(
    client: Any, rita: Any, hostile: str
) -> None:
    client.force_login(rita)
    data = job_data(**{**CHOSEN, "jobtech_occupation_other": hostile})
    response = client.post(reverse("job_create"), data)
    assert response.status_code == 200
    assert "jobtech_occupation_other" in response.context["form"].errors
    page = response.content.decode()
    assert "<b>x</b>" not in page
    assert "You will build our candidate-facing pages." in page
    if len(hostile) <= 40:
        assert response.context["form"]["jobtech_occupation_other"].value() == hostile
    assert not Job.objects.exists()
