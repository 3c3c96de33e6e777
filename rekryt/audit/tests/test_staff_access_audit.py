"""The audit middleware: reads of personal data, successful changes and
refused access by staff are recorded, with target type and id only."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from conftest import make_application
from rekryt.applications.actions import Upload
from rekryt.applications.models import RejectionReason
from rekryt.audit.models import Action, AuditEntry
from rekryt.candidates.models import DocumentKind

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def staff_entries():
    """What the requests wrote, without the sign-ins of force_login."""
    return AuditEntry.objects.exclude(action=Action.LOGIN)


def only_entry():
    entries = list(staff_entries())
    assert len(entries) == 1, [(e.action, e.detail) for e in entries]
    return entries[0]


@pytest.fixture
def named(job):
    return make_application(job, first_name="Zelda", last_name="Secretname")


def test_viewing_a_candidate_is_recorded_without_the_name(client, rita, named):
    client.force_login(rita)
    response = client.get(reverse("candidate_detail", args=[named.candidate_id]))
    assert response.status_code == 200
    entry = only_entry()
    assert (entry.action, entry.target_type, entry.target_id) == (
        Action.VIEW,
        "candidates.candidate",
        str(named.candidate_id),
    )
    assert entry.actor == rita
    assert entry.detail == "candidate_detail"
    for value in AuditEntry.objects.values_list("detail", "params", "path", "target_id"):
        assert "Zelda" not in str(value) and "Secretname" not in str(value)


def test_viewing_an_application_is_recorded(client, hanna, named):
    client.force_login(hanna)
    assert client.get(reverse("application_detail", args=[named.pk])).status_code == 200
    entry = only_entry()
    assert (entry.action, entry.target_type, entry.target_id) == (
        Action.VIEW,
        "applications.application",
        str(named.pk),
    )


def test_downloading_a_document_is_recorded(client, rita, job):
    upload = Upload(
        kind=DocumentKind.CV,
        file=ContentFile(PDF, name="upload"),
        original_name="cv.pdf",
        content_type="application/pdf",
        size=len(PDF),
        sha256=hashlib.sha256(PDF).hexdigest(),
    )
    document = make_application(job, uploads=[upload]).documents.get()
    client.force_login(rita)
    response = client.get(reverse("document_download", args=[document.pk]))
    b"".join(response.streaming_content)
    entry = only_entry()
    assert (entry.action, entry.target_type, entry.target_id) == (
        Action.DOWNLOAD,
        "candidates.document",
        str(document.pk),
    )


def test_a_csv_export_is_recorded(client, rita):
    client.force_login(rita)
    assert client.get(reverse("cnps_export")).status_code == 200
    assert only_entry().action == Action.EXPORT


def test_a_successful_change_is_recorded_as_an_edit(client, rita, named):
    client.force_login(rita)
    response = client.post(reverse("application_note", args=[named.pk]), {"body": "Strong."})
    assert response.status_code in (200, 302)
    entry = only_entry()
    assert (entry.action, entry.target_type, entry.target_id, entry.detail) == (
        Action.EDIT,
        "applications.application",
        str(named.pk),
        "application_note",
    )
    assert "Strong" not in str(entry.params)


def test_a_rejection_is_recorded_as_a_rejection(client, rita, named):
    reason = RejectionReason.objects.get(name_en="Lacks the experience we asked for")
    client.force_login(rita)
    url = reverse("application_reject", args=[named.pk])
    assert client.post(url, {"reason": reason.pk, "confirm": "1"}).status_code == 302
    entry = only_entry()
    assert (entry.action, entry.target_id) == (Action.REJECT, str(named.pk))


def test_ending_an_application_with_a_reason_is_a_rejection(client, rita, named):
    reason = RejectionReason.objects.get(name_en="Lacks the experience we asked for")
    client.force_login(rita)
    url = reverse("application_outcome", args=[named.pk])
    assert client.post(url, {"outcome": "rejected", "reason": reason.pk}).status_code == 302
    assert only_entry().action == Action.REJECT


def test_a_preview_before_rejecting_is_not_recorded(client, rita, named):
    reason = RejectionReason.objects.get(name_en="Lacks the experience we asked for")
    client.force_login(rita)
    url = reverse("application_reject", args=[named.pk])
    response = client.post(url, {"reason": reason.pk})
    assert response.status_code == 200
    assert not staff_entries().exists()


@pytest.mark.parametrize(
    "headers", [{"HX-Request": "true"}, {"Accept": "application/json"}], ids=["htmx", "json"]
)
def test_a_move_from_the_board_is_recorded(client, rita, named, headers):
    target = named.job.stages.exclude(pk=named.stage_id).first()
    client.force_login(rita)
    url = reverse("application_move", args=[named.pk])
    response = client.post(url, {"stage": target.pk}, headers=headers)
    assert response.status_code == 200
    entry = only_entry()
    assert (entry.action, entry.target_id) == (Action.EDIT, str(named.pk))


def test_a_change_that_failed_validation_is_not_recorded(client, rita, named):
    client.force_login(rita)
    response = client.post(reverse("application_note", args=[named.pk]), {"body": ""})
    assert response.status_code == 400
    assert not staff_entries().exists()


def test_an_outsider_reaching_for_an_application_is_recorded_as_denied(client, otto, named):
    client.force_login(otto)
    assert client.get(reverse("application_detail", args=[named.pk])).status_code == 404
    entry = only_entry()
    assert (entry.action, entry.target_type, entry.target_id, entry.actor) == (
        Action.DENIED,
        "applications.application",
        str(named.pk),
        otto,
    )


def test_a_non_admin_on_an_admin_page_is_recorded_as_denied(client, rita):
    client.force_login(rita)
    assert client.get(reverse("audit_log")).status_code == 404
    assert only_entry().action == Action.DENIED


def test_list_pages_and_public_pages_write_nothing(client, rita, named):
    client.force_login(rita)
    client.get(reverse("board", args=[named.job_id]))
    client.get(reverse("candidate_list"))
    client.get(reverse("career_list"))
    assert not staff_entries().exists()


def test_anonymous_visitors_write_nothing(client, named):
    client.get(reverse("candidate_detail", args=[named.candidate_id]))
    client.get("/staff/no-such-page/")
    assert not AuditEntry.objects.exists()


def test_the_board_costs_no_extra_query(client, rita, named, django_assert_max_num_queries):
    client.force_login(rita)
    url = reverse("board", args=[named.job_id])
    client.get(url)
    with django_assert_max_num_queries(100) as board:
        client.get(url)
    assert not any("audit_auditentry" in q["sql"] for q in board.captured_queries)


def test_a_secret_in_the_url_never_reaches_the_log(client, rita):
    client.force_login(rita)
    secret = "s3cret-invitation-token-value"
    client.get(reverse("accept_invite", args=[secret]))
    for path, summary in AuditEntry.objects.values_list("path", "summary"):
        assert secret not in path and secret not in summary
    assert AuditEntry.objects.filter(path="/staff/invitation/…/").exists()


def test_previewing_a_waiting_email_and_undoing_a_move_are_recorded(client, rita, named, job):
    from rekryt.applications.actions import move_to_stage
    from rekryt.messaging.models import Message

    interview = job.stages.get(kind="interview")
    move_to_stage(named, interview, rita)
    invitation = Message.objects.get(application=named, kind="interview_invitation")
    client.force_login(rita)

    assert client.get(reverse("message_preview", args=[invitation.pk])).status_code == 200
    entry = only_entry()
    assert (entry.action, entry.target_type, entry.target_id) == (
        Action.VIEW,
        "messaging.message",
        str(invitation.pk),
    )
    client.post(reverse("application_undo_move", args=[named.pk]))
    entry = staff_entries().order_by("-pk").first()
    assert (entry.action, entry.target_type, entry.target_id) == (
        Action.EDIT,
        "applications.application",
        str(named.pk),
    )
