"""The per-job stage editor: add, rename, reorder, delete only when empty."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from conftest import make_application
from rekryt.applications.models import Application, Outcome
from rekryt.jobs import actions
from rekryt.jobs.models import Stage, StageKind, stages_for

# Declared so pytest-django runs these with the other database tests (before the
# transactional ones that flush the rows data migrations seed).
pytestmark = pytest.mark.django_db


def names(job: Any) -> list[str]:
    return [stage.name for stage in stages_for(job)]


def messages_of(response: Any) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_it_lists_the_stages_with_their_applications(client: Any, rita: Any, job: Any) -> None:
    make_application(job)
    client.force_login(rita)

    response = client.get(reverse("job_stages", args=[job.pk]))

    held = {stage.name: stage.held for stage, _form in response.context["rows"]}
    assert held["Applied"] == 1
    assert held["Screening"] == 0


def test_it_adds_a_stage_before_the_hired_stage(client: Any, rita: Any, job: Any) -> None:
    client.force_login(rita)

    response = client.post(
        reverse("job_stages", args=[job.pk]),
        {"name_sv": "Arbetsprov", "name_en": "Work sample", "kind": "other"},
    )

    assert response.status_code == 302
    assert names(job)[-2:] == ["Work sample", "Hired"]
    assert [s.order for s in stages_for(job)] == list(range(len(names(job))))


def test_it_adds_a_stage_last_when_there_is_no_hired_stage(rita: Any, job: Any) -> None:
    job.stages.filter(kind=StageKind.HIRED).delete()

    actions.add_stage(job, "Avstämning", "Debrief", StageKind.OTHER)

    assert names(job)[-1] == "Debrief"


def test_it_keeps_the_add_form_input_when_invalid(client: Any, rita: Any, job: Any) -> None:
    client.force_login(rita)

    response = client.post(
        reverse("job_stages", args=[job.pk]), {"name_sv": "Prov", "name_en": "", "kind": "bogus"}
    )

    assert response.status_code == 200
    assert set(response.context["add_form"].errors) == {"name_en", "kind"}
    assert 'value="Prov"' in response.content.decode()


def test_it_renames_a_stage(client: Any, rita: Any, job: Any) -> None:
    stage = job.first_stage()
    client.force_login(rita)

    client.post(
        reverse("job_stage_rename", args=[job.pk, stage.pk]),
        {f"stage-{stage.pk}-name_sv": "Mottagen", f"stage-{stage.pk}-name_en": "Received"},
    )

    stage.refresh_from_db()
    assert (stage.name_sv, stage.name_en) == ("Mottagen", "Received")


def test_it_shows_a_rename_error_beside_that_stage(client: Any, rita: Any, job: Any) -> None:
    stage = job.first_stage()
    client.force_login(rita)

    response = client.post(
        reverse("job_stage_rename", args=[job.pk, stage.pk]),
        {f"stage-{stage.pk}-name_sv": "", f"stage-{stage.pk}-name_en": "Received"},
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert f'id="id_stage-{stage.pk}-name_sv_error"' in body
    assert 'value="Received"' in body
    stage.refresh_from_db()
    assert stage.name == "Applied"


@pytest.mark.parametrize(
    ("direction", "index", "expected"),
    [("down", 0, ["Screening", "Applied"]), ("up", 1, ["Screening", "Applied"])],
)
def test_it_moves_a_stage(
    client: Any, rita: Any, job: Any, direction: str, index: int, expected: list[str]
) -> None:
    stage = list(stages_for(job))[index]
    client.force_login(rita)

    client.post(reverse("job_stage_move", args=[job.pk, stage.pk]), {"direction": direction})

    assert names(job)[:2] == expected


def test_it_does_not_move_past_either_end(rita: Any, job: Any) -> None:
    before = names(job)

    assert not actions.move_stage(job.first_stage(), -1)
    assert not actions.move_stage(list(stages_for(job))[-1], 1)
    assert names(job) == before


def test_it_renumbers_stages_whose_order_has_ties(rita: Any, job: Any) -> None:
    Stage.objects.filter(job=job).update(order=0)
    last = list(stages_for(job))[-1]

    actions.move_stage(last, -1)

    assert [s.order for s in stages_for(job)] == list(range(len(names(job))))
    assert list(stages_for(job))[-2] == last


def test_it_deletes_an_empty_stage(client: Any, rita: Any, job: Any) -> None:
    stage = job.stages.get(name_en="References")
    client.force_login(rita)

    response = client.post(reverse("job_stage_delete", args=[job.pk, stage.pk]), follow=True)

    assert "References" not in names(job)
    assert messages_of(response) == ["Stage “References” deleted."]


def test_it_refuses_to_delete_a_stage_with_applications(client: Any, rita: Any, job: Any) -> None:
    make_application(job)
    stage = job.first_stage()
    client.force_login(rita)

    response = client.post(reverse("job_stage_delete", args=[job.pk, stage.pk]), follow=True)

    assert Stage.objects.filter(pk=stage.pk).exists()
    assert messages_of(response) == ["“Applied” still holds 1 application. Move it first."]


def test_it_counts_ended_applications_as_held(rita: Any, job: Any) -> None:
    application = make_application(job)
    Application.objects.filter(pk=application.pk).update(outcome=Outcome.REJECTED)

    with pytest.raises(actions.StageNotEmpty):
        actions.delete_stage(job.first_stage())


def test_it_keeps_at_least_one_stage(client: Any, rita: Any, job: Any) -> None:
    *others, last = list(stages_for(job))
    for stage in others:
        actions.delete_stage(stage)
    client.force_login(rita)

    response = client.post(reverse("job_stage_delete", args=[job.pk, last.pk]), follow=True)

    assert names(job) == [last.name]
    assert messages_of(response) == ["A job needs at least one stage."]


def test_it_sends_new_applications_to_the_new_first_stage(rita: Any, job: Any) -> None:
    screening = list(stages_for(job))[1]
    actions.move_stage(screening, -1)

    application = make_application(job)

    assert application.stage == screening
