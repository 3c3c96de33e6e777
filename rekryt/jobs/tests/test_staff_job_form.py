"""Creating and editing a job through the staff form."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import make_job
from rekryt.jobs.models import Job, JobStatus, StageTemplate

# Declared so pytest-django runs these with the other database tests (before the
# transactional ones that flush the rows data migrations seed).
pytestmark = pytest.mark.django_db


def job_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "Frontend Developer",
        "department": "Engineering",
        "language": "en",
        "city": "Malmö",
        "region": "Skåne",
        "country": "se",
        "workplace": "hybrid",
        "employment_type": "FULL_TIME",
        "working_hours": "40 hours a week",
        "salary_min": "42000",
        "salary_max": "52000",
        "salary_currency": "sek",
        "salary_unit": "MONTH",
        "benefits": "Wellness allowance",
        "team_description": "Six developers and a designer.",
        "description": "You will build our candidate-facing pages.",
        "requirements": "HTML, CSS, accessibility.",
        "after_apply": "We reply within a week.",
        "reply_within_days": "5",
        "deadline": "",
    }
    data.update(overrides)
    return data


def test_it_creates_a_draft_with_the_default_stages(
    client: Any, rita: Any, hanna: Any, org: Any
) -> None:
    client.force_login(rita)

    response = client.post(reverse("job_create"), job_data(team=[hanna.pk]))

    job = Job.objects.get(title="Frontend Developer")
    assert response.status_code == 302
    assert response["Location"] == reverse("job_edit", args=[job.pk])
    assert job.status == JobStatus.DRAFT
    assert job.slug == "frontend-developer"
    assert job.country == "SE" and job.salary_currency == "SEK"
    assert job.recruiter == rita
    assert list(job.team.all()) == [hanna]
    names = [stage.name for stage in job.stages.order_by("order")]
    assert names == [t.name_en for t in StageTemplate.objects.order_by("order")]


def test_it_names_the_stages_in_both_languages(client: Any, rita: Any, org: Any) -> None:
    client.force_login(rita)

    client.post(reverse("job_create"), job_data(language="sv"))

    job = Job.objects.get(title="Frontend Developer")
    first = StageTemplate.objects.order_by("order")[0]
    assert (job.first_stage().name_sv, job.first_stage().name_en) == (first.name_sv, first.name_en)


def test_it_suggests_the_organisation_language_and_the_recruiter(
    client: Any, rita: Any, org: Any
) -> None:
    org.default_language = "en"
    org.save()
    client.force_login(rita)

    form = client.get(reverse("job_create")).context["form"]

    assert form["language"].value() == "en"
    assert form["recruiter"].value() == rita.pk


def test_it_explains_why_to_show_a_salary(client: Any, rita: Any, org: Any) -> None:
    client.force_login(rita)

    html = client.get(reverse("job_create")).content.decode()

    assert "ads that show a salary range get more applicants" in html


def test_it_refuses_a_salary_range_upside_down_and_keeps_the_input(
    client: Any, rita: Any, org: Any
) -> None:
    client.force_login(rita)

    response = client.post(reverse("job_create"), job_data(salary_min="60000", salary_max="50000"))

    assert response.status_code == 200
    assert not Job.objects.exists()
    form = response.context["form"]
    assert "salary_max" in form.errors
    html = response.content.decode()
    assert 'id="id_salary_max_error"' in html
    assert 'aria-describedby="id_salary_max_error"' in html
    assert "You will build our candidate-facing pages." in html
    assert 'value="Frontend Developer"' in html


def test_it_requires_a_title_and_a_description(client: Any, rita: Any, org: Any) -> None:
    client.force_login(rita)

    response = client.post(reverse("job_create"), job_data(title="", description=""))

    assert set(response.context["form"].errors) == {"title", "description"}


def test_it_offers_only_recruiters_and_admins_as_recruiter(
    client: Any, rita: Any, alice: Any, hanna: Any, ivan: Any, org: Any
) -> None:
    client.force_login(rita)

    form = client.get(reverse("job_create")).context["form"]

    assert set(form.fields["recruiter"].queryset) == {rita, alice}
    assert {hanna, ivan} <= set(form.fields["team"].queryset)

    response = client.post(reverse("job_create"), job_data(recruiter=hanna.pk))
    assert "recruiter" in response.context["form"].errors


def test_it_leaves_inactive_staff_out_of_the_team(
    client: Any, rita: Any, ivan: Any, org: Any
) -> None:
    ivan.is_active = False
    ivan.save()
    client.force_login(rita)

    response = client.post(reverse("job_create"), job_data(team=[ivan.pk]))

    assert "team" in response.context["form"].errors


def test_it_gives_a_second_job_with_the_same_title_its_own_slug(
    client: Any, rita: Any, org: Any
) -> None:
    client.force_login(rita)
    client.post(reverse("job_create"), job_data())
    client.post(reverse("job_create"), job_data())

    slugs = list(Job.objects.values_list("slug", flat=True))

    assert len(set(slugs)) == 2


def test_it_saves_an_edit_and_the_team(
    client: Any, rita: Any, job: Any, hanna: Any, otto: Any
) -> None:
    client.force_login(rita)

    response = client.post(
        reverse("job_edit", args=[job.pk]),
        job_data(title="Senior Backend Developer", team=[otto.pk], recruiter=rita.pk),
    )

    assert response.status_code == 302
    job.refresh_from_db()
    assert job.title == "Senior Backend Developer"
    assert list(job.team.all()) == [otto]
    assert job.city == "Malmö"


def test_it_keeps_the_slug_of_a_published_job(client: Any, rita: Any, job: Any) -> None:
    slug = job.slug
    client.force_login(rita)

    client.post(reverse("job_edit", args=[job.pk]), job_data(title="Renamed"))

    job.refresh_from_db()
    assert job.title == "Renamed"
    assert job.slug == slug


def test_it_follows_the_title_in_the_slug_of_a_draft(client: Any, rita: Any, org: Any) -> None:
    draft = make_job(recruiter=rita, publish=False)
    client.force_login(rita)

    client.post(reverse("job_edit", args=[draft.pk]), job_data(title="Data Engineer"))

    draft.refresh_from_db()
    assert draft.slug == "data-engineer"


def test_it_keeps_the_slug_of_a_job_that_was_published_and_closed(
    client: Any, rita: Any, job: Any
) -> None:
    from rekryt.jobs.actions import close_job

    close_job(job)
    slug = job.slug
    client.force_login(rita)

    client.post(reverse("job_edit", args=[job.pk]), job_data(title="Renamed"))

    job.refresh_from_db()
    assert job.slug == slug


def test_it_refuses_moving_a_published_deadline_into_the_past(
    client: Any, rita: Any, job: Any
) -> None:
    yesterday = timezone.localdate() - timedelta(days=1)
    client.force_login(rita)

    response = client.post(
        reverse("job_edit", args=[job.pk]), job_data(deadline=yesterday.isoformat())
    )

    assert "deadline" in response.context["form"].errors
    job.refresh_from_db()
    assert job.deadline is None


def test_it_lets_a_draft_keep_a_past_deadline_until_publishing(
    client: Any, rita: Any, org: Any
) -> None:
    yesterday = timezone.localdate() - timedelta(days=1)
    client.force_login(rita)

    response = client.post(reverse("job_create"), job_data(deadline=yesterday.isoformat()))

    assert response.status_code == 302
    job = Job.objects.get(title="Frontend Developer")
    assert job.deadline == yesterday
    assert job.status == JobStatus.DRAFT


def test_it_shows_the_stored_title_while_the_form_has_errors(
    client: Any, rita: Any, job: Any
) -> None:
    client.force_login(rita)

    response = client.post(
        reverse("job_edit", args=[job.pk]), job_data(title="Typed but invalid", description="")
    )

    assert response.context["job"].title == job.title
    assert 'value="Typed but invalid"' in response.content.decode()


@pytest.mark.parametrize("field", ["country", "salary_currency"])
def test_it_refuses_malformed_codes(client: Any, rita: Any, org: Any, field: str) -> None:
    client.force_login(rita)

    response = client.post(reverse("job_create"), job_data(**{field: "S3"}))

    assert field in response.context["form"].errors


def test_it_labels_every_field(client: Any, rita: Any, org: Any) -> None:
    client.force_login(rita)

    response = client.get(reverse("job_create"))

    html = response.content.decode()
    for name in response.context["form"].fields:
        if name == "team":  # checkboxes: a fieldset with a legend
            assert "<legend>Hiring team:</legend>" in html
        else:
            assert f'for="id_{name}"' in html, name
