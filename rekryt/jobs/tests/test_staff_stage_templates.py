"""The default stages (settings): what every new job copies."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from conftest import make_job
from rekryt.jobs import actions
from rekryt.jobs.models import StageKind, StageTemplate

# Declared so pytest-django runs these with the other database tests (before the
# transactional ones that flush the rows data migrations seed).
pytestmark = pytest.mark.django_db


def english() -> list[str]:
    return [t.name_en for t in StageTemplate.objects.order_by("order", "pk")]


def messages_of(response: Any) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_it_lists_both_names(client: Any, alice: Any) -> None:
    client.force_login(alice)

    html = client.get(reverse("stage_templates")).content.decode()

    assert "Screening" in html and "Urval" in html


def test_it_adds_a_template_that_new_jobs_copy(
    client: Any, alice: Any, rita: Any, org: Any
) -> None:
    client.force_login(alice)

    client.post(
        reverse("stage_templates"),
        {"name_sv": "Arbetsprov", "name_en": "Work sample", "kind": "other"},
    )

    assert english()[-2:] == ["Work sample", "Hired"]
    job = make_job(recruiter=rita, language="sv")
    assert ("Arbetsprov", "Work sample") in [(s.name_sv, s.name_en) for s in job.stages.all()]


def test_it_needs_both_names(client: Any, alice: Any) -> None:
    client.force_login(alice)

    response = client.post(
        reverse("stage_templates"), {"name_sv": "", "name_en": "Work sample", "kind": "other"}
    )

    assert response.status_code == 200
    assert "name_sv" in response.context["add_form"].errors
    assert "Work sample" not in english()


def test_it_renames_both_names(client: Any, alice: Any) -> None:
    template = StageTemplate.objects.get(kind=StageKind.SCREENING)
    client.force_login(alice)

    client.post(
        reverse("stage_template_rename", args=[template.pk]),
        {f"template-{template.pk}-name_sv": "Gallring", f"template-{template.pk}-name_en": "Sift"},
    )

    template.refresh_from_db()
    assert (template.name_sv, template.name_en) == ("Gallring", "Sift")


def test_it_shows_a_rename_error_beside_the_template(client: Any, alice: Any) -> None:
    template = StageTemplate.objects.get(kind=StageKind.SCREENING)
    client.force_login(alice)

    response = client.post(
        reverse("stage_template_rename", args=[template.pk]),
        {f"template-{template.pk}-name_sv": "Gallring", f"template-{template.pk}-name_en": ""},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_template-{template.pk}-name_en_error"' in html
    assert 'value="Gallring"' in html


def test_it_moves_a_template(client: Any, alice: Any) -> None:
    first = StageTemplate.objects.order_by("order")[0]
    client.force_login(alice)

    client.post(reverse("stage_template_move", args=[first.pk]), {"direction": "down"})

    assert english()[:2] == ["Screening", "Applied"]


def test_it_ignores_an_unknown_direction(client: Any, alice: Any) -> None:
    first = StageTemplate.objects.order_by("order")[0]
    client.force_login(alice)

    response = client.post(reverse("stage_template_move", args=[first.pk]), {"direction": "x"})

    assert response.status_code == 302
    assert english()[0] == "Applied"


def test_it_deletes_a_template_without_touching_existing_jobs(
    client: Any, alice: Any, job: Any
) -> None:
    template = StageTemplate.objects.get(kind=StageKind.REFERENCES)
    client.force_login(alice)

    client.post(reverse("stage_template_delete", args=[template.pk]))

    assert "References" not in english()
    assert job.stages.filter(name_en="References").exists()


def test_it_keeps_at_least_one_template(client: Any, alice: Any) -> None:
    *others, last = list(StageTemplate.objects.all())
    for template in others:
        actions.delete_stage_template(template)
    client.force_login(alice)

    response = client.post(reverse("stage_template_delete", args=[last.pk]), follow=True)

    assert StageTemplate.objects.count() == 1
    assert messages_of(response) == ["The default pipeline needs at least one stage."]


def test_it_adds_a_hired_template_last() -> None:
    actions.add_stage_template("Anställd igen", "Hired again", StageKind.HIRED)

    assert english()[-1] == "Hired again"
