"""Stages have a Swedish and an English name, and every reader sees the one
in their own language: staff pages in the interface's language, the portal
in the page's, an email's {stage_name} in the email's."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from conftest import make_application, make_job
from rekryt.applications.actions import move_to_stage
from rekryt.jobs.models import StageKind, stages_for
from rekryt.messaging.models import EmailTemplate, Message
from rekryt.portal.tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def in_language(client: Any, language: str) -> Any:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def stage(job: Any, kind: str) -> Any:
    return next(s for s in stages_for(job) if s.kind == kind)


def test_a_stage_is_named_in_the_active_language(job: Any) -> None:
    screening = stage(job, StageKind.SCREENING)
    with translation.override("sv"):
        assert screening.name == "Urval"
        assert str(screening) == "Urval"
    with translation.override("en"):
        assert screening.name == "Screening"
    assert screening.name_in("sv") == "Urval"
    assert screening.name_in("en-gb") == "Screening"


def test_the_board_is_in_the_staff_members_language(client: Any, rita: Any, job: Any) -> None:
    make_application(job)
    client.force_login(rita)

    swedish = in_language(client, "sv").get(reverse("board", args=[job.pk])).content.decode()
    english = in_language(client, "en").get(reverse("board", args=[job.pk])).content.decode()

    for name in ("Ansökt", "Urval", "Intervju", "Anställd"):
        assert name in swedish
    for name in ("Applied", "Screening", "Interview", "Hired"):
        assert name not in swedish
        assert name in english
    assert "Urval" not in english


def test_the_dashboard_counts_stages_in_the_staff_members_language(
    client: Any, rita: Any, job: Any
) -> None:
    make_application(job)
    client.force_login(rita)

    page = in_language(client, "sv").get(reverse("dashboard")).content.decode()

    assert "Ansökt <strong>1</strong>" in page
    assert "Applied" not in page


def test_the_portal_names_the_step_in_the_pages_language(client: Any, job: Any) -> None:
    application = make_application(job)  # an English job
    move_to_stage(application, stage(job, StageKind.SCREENING), None)
    portal = sign_in(in_language(client, "sv"), application)

    page = portal.get("/portal/").content.decode()

    assert "<strong>Urval</strong>" in page
    assert "Screening" not in page


def test_the_timeline_reads_a_move_in_the_readers_language(
    client: Any, rita: Any, job: Any
) -> None:
    application = make_application(job)
    move_to_stage(application, stage(job, StageKind.SCREENING), rita)
    client.force_login(rita)
    url = reverse("application_detail", args=[application.pk])

    swedish = in_language(client, "sv").get(url).content.decode()
    english = in_language(client, "en").get(url).content.decode()

    assert "Ansökt till Urval" in swedish
    assert "from Applied to Screening" in english


def test_an_old_move_with_one_name_reads_in_the_readers_language(
    client: Any, rita: Any, job: Any
) -> None:
    application = make_application(job)
    move_to_stage(application, stage(job, StageKind.SCREENING), rita)
    event = application.events.get(kind="stage_moved")
    # As moves were stored before stages had two names.
    event.data = {k: event.data[k] for k in ("from_stage", "from_name", "to_stage", "to_name")}
    event.save()
    client.force_login(rita)

    page = in_language(client, "sv").get(reverse("application_detail", args=[application.pk]))

    assert "Ansökt till Urval" in page.content.decode()


def test_the_stage_name_placeholder_is_in_the_emails_language(rita: Any, org: Any) -> None:
    EmailTemplate.objects.filter(kind="interview_invitation", language="sv").update(
        body_text="Hej {candidate_first_name}, nu är du i steget {stage_name}."
    )
    job = make_job(recruiter=rita, language="sv")
    application = make_application(job)

    with translation.override("en"):  # the recruiter's interface is in English
        move_to_stage(application, stage(job, StageKind.INTERVIEW), rita)

    invitation = Message.objects.get(application=application, kind="interview_invitation")
    assert "nu är du i steget Intervju." in invitation.body_text


def test_the_export_names_stages_in_the_candidates_language(rita: Any, org: Any) -> None:
    from rekryt.applications.personal_data import export

    job = make_job(recruiter=rita, language="sv")
    application = make_application(job)
    move_to_stage(application, stage(job, StageKind.SCREENING), rita)

    with translation.override("en"):
        exported = export(application.candidate)["applications"][0]

    assert exported["stage"] == "Urval"
    assert exported["stage_history"] == [
        {"from": "Ansökt", "to": "Urval", "at": exported["stage_history"][0]["at"]}
    ]


def test_the_stage_editor_keeps_both_names_typed_when_one_is_missing(
    client: Any, rita: Any, job: Any
) -> None:
    client.force_login(rita)

    response = client.post(
        reverse("job_stages", args=[job.pk]),
        {"name_sv": "Arbetsprov", "name_en": "", "kind": "other"},
    )

    assert response.status_code == 200
    assert 'value="Arbetsprov"' in response.content.decode()
    assert not job.stages.filter(name_sv="Arbetsprov").exists()
