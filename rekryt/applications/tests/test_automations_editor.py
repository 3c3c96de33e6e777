"""Setting stage automations in the stage editors, and a reason's email."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from rekryt.applications.models import RejectionReason
from rekryt.jobs.models import StageKind, StageTemplate, stages_for


def test_it_sets_a_job_stages_automation(client, rita, job):
    stage = stages_for(job)[1]
    client.force_login(rita)
    prefix = f"stage-{stage.pk}"
    client.post(
        reverse("job_stage_rename", args=[job.pk, stage.pk]),
        {
            f"{prefix}-name_sv": "Telefonintervju",
            f"{prefix}-name_en": "Phone screen",
            f"{prefix}-email_kind": "interview_invitation",
            f"{prefix}-email_delay_hours": "4",
            f"{prefix}-send_survey": "on",
        },
    )
    stage.refresh_from_db()
    assert (stage.name_sv, stage.email_kind, stage.email_delay_hours, stage.send_survey) == (
        "Telefonintervju",
        "interview_invitation",
        4,
        True,
    )


def email_options(page: str, field: str) -> set[str]:
    select = page.split(f'name="{field}"', 1)[1].split("</select>", 1)[0]
    return set(re.findall(r'<option value="([^"]*)"', select))


def test_it_offers_only_the_emails_that_make_sense_on_entering_a_stage(client, rita, job):
    client.force_login(rita)
    page = client.get(reverse("job_stages", args=[job.pk])).content.decode()
    first = job.first_stage()
    assert '<option value="application_received" selected>' in page
    assert email_options(page, f"stage-{first.pk}-email_kind") == {
        "",
        "application_received",
        "interview_invitation",
        "hired_welcome",
    }


def test_the_default_stages_editor_offers_the_same_emails(client, alice):
    template = StageTemplate.objects.order_by("order")[0]
    client.force_login(alice)
    page = client.get(reverse("stage_templates")).content.decode()
    assert email_options(page, f"template-{template.pk}-email_kind") == {
        "",
        "application_received",
        "interview_invitation",
        "hired_welcome",
    }


@pytest.mark.parametrize(
    "kind", ["consent_renewal", "data_export", "status_update", "rejection", "portal_link"]
)
def test_it_refuses_an_email_a_stage_cannot_send(client, rita, job, kind):
    stage = job.first_stage()
    client.force_login(rita)
    prefix = f"stage-{stage.pk}"
    names = {f"{prefix}-name_sv": "Ansökt", f"{prefix}-name_en": "Applied"}
    response = client.post(
        reverse("job_stage_rename", args=[job.pk, stage.pk]),
        {**names, f"{prefix}-email_kind": kind},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    stage.refresh_from_db()
    assert stage.email_kind == "application_received"
    # The same names with an email a stage may send are saved.
    client.post(
        reverse("job_stage_rename", args=[job.pk, stage.pk]),
        {**names, f"{prefix}-email_kind": "interview_invitation"},
    )
    stage.refresh_from_db()
    assert stage.email_kind == "interview_invitation"


@pytest.mark.parametrize("kind", ["consent_renewal", "data_export"])
def test_the_default_stages_refuse_a_system_email(client, alice, kind):
    template = StageTemplate.objects.get(kind=StageKind.OFFER)
    client.force_login(alice)
    prefix = f"template-{template.pk}"
    response = client.post(
        reverse("stage_template_rename", args=[template.pk]),
        {
            f"{prefix}-name_sv": "Erbjudande",
            f"{prefix}-name_en": "Offer",
            f"{prefix}-email_kind": kind,
        },
    )
    assert response.status_code == 200
    template.refresh_from_db()
    assert template.email_kind == ""


def test_it_sets_a_stage_templates_automation(client, alice):
    template = StageTemplate.objects.get(kind=StageKind.OFFER)
    client.force_login(alice)
    prefix = f"template-{template.pk}"
    client.post(
        reverse("stage_template_rename", args=[template.pk]),
        {
            f"{prefix}-name_sv": "Erbjudande",
            f"{prefix}-name_en": "Offer",
            f"{prefix}-email_kind": "interview_invitation",
            f"{prefix}-email_delay_hours": "",
        },
    )
    template.refresh_from_db()
    assert (template.email_kind, template.email_delay_hours, template.send_survey) == (
        "interview_invitation",
        0,
        False,
    )


def test_it_maps_a_reason_to_an_email(client, alice, org):
    reason = RejectionReason.objects.get(name_en="Lacks the experience we asked for")
    client.force_login(alice)
    prefix = f"reason-{reason.pk}"
    client.post(
        reverse("settings_reason_edit", args=[reason.pk]),
        {
            f"{prefix}-name_sv": reason.name_sv,
            f"{prefix}-name_en": reason.name_en,
            f"{prefix}-kind": "declined",
            f"{prefix}-template_kind": "rejection_after_interview",
        },
    )
    reason.refresh_from_db()
    assert reason.template_kind == "rejection_after_interview"


def test_a_withdrawal_reason_always_confirms(client, alice, org):
    client.force_login(alice)
    client.post(
        reverse("settings_reasons"),
        {
            "name_sv": "Flyttar",
            "name_en": "Moving",
            "kind": "withdrew",
            "template_kind": "rejection",
        },
    )
    assert RejectionReason.objects.get(name_en="Moving").template_kind == "withdrawal_confirmed"
