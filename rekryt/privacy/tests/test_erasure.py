"""erase_candidate: every row about the person goes, holds stop it, and
what remains says nothing about who it was."""

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import make_application
from rekryt.applications.actions import add_note, move_to_stage, set_outcome
from rekryt.applications.models import (
    AnonymisedApplication,
    Application,
    BulkRejection,
    Event,
    Note,
    RejectionReason,
)
from rekryt.audit.models import Action, AuditEntry
from rekryt.candidates.models import Candidate, Document, SearchEntry
from rekryt.candidates.search import search
from rekryt.lib.tests.files import make_pdf, upload
from rekryt.messaging.models import Message
from rekryt.privacy.consent import record_consent
from rekryt.privacy.erasure import LegalHoldActive, erase_candidate
from rekryt.privacy.models import (
    AccessRequest,
    Consent,
    ErasureReason,
    ErasureRecord,
    LegalHold,
    RequestKind,
    RequestStatus,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def anna(seeded, job):
    return make_application(
        job, first_name="Anna", last_name="Erasedottir", email="Anna@Example.org"
    )


def test_it_removes_the_person_and_keeps_counts_only(anna, rita, job):
    candidate = anna.candidate
    add_note(anna, rita, "Strong Python, ask about Erasedottir's thesis.")
    record_consent(
        candidate,
        purpose="talent_pool",
        given=True,
        text="Keep me",
        method="apply_form",
        language="en",
    )
    record = erase_candidate(candidate, reason=ErasureReason.STAFF, actor=rita)
    assert not Candidate.objects.filter(pk=candidate.pk).exists()
    assert not Application.objects.exists()
    assert not Note.objects.exists()
    assert not Event.objects.exists()
    assert not Consent.objects.exists()
    assert not Message.objects.filter(to_email__iexact="anna@example.org").exists()
    assert not SearchEntry.objects.exists()
    assert record.counts["candidates"] == 1
    assert record.counts["applications_anonymised"] == 1
    assert "Anna" not in str(record.counts)
    entry = AuditEntry.objects.get(action=Action.ERASE)
    assert (entry.target_type, entry.target_id) == ("candidates.candidate", str(candidate.pk))
    assert (entry.detail, entry.params) == ("erased", {"record": record.pk})


def test_applications_become_anonymous_statistics(anna, rita, job):
    stages = list(job.stages.order_by("order", "pk"))
    move_to_stage(anna, stages[1], rita)
    reason = RejectionReason.objects.filter(kind="declined").first()
    set_outcome(anna, "rejected", rita, reason=reason)
    erase_candidate(anna.candidate, reason=ErasureReason.REQUEST)
    kept = AnonymisedApplication.objects.get()
    assert kept.job == job
    assert kept.stages_passed == [stages[0].pk, stages[1].pk]
    assert kept.ended_stage == stages[1]
    assert kept.outcome == "rejected"
    assert kept.rejection_reason == reason
    assert kept.reason_kind == "declined"
    assert kept.applied_month.day == 1
    assert kept.decided_month.day == 1


def test_an_active_hold_on_the_candidate_or_a_job_refuses_and_loses_nothing(anna, job):
    hold = LegalHold.objects.create(candidate=anna.candidate, reason="Dispute")
    with pytest.raises(LegalHoldActive):
        erase_candidate(anna.candidate, reason=ErasureReason.STAFF)
    assert Candidate.objects.filter(pk=anna.candidate_id).exists()
    hold.delete()
    LegalHold.objects.create(job=job, reason="Discrimination claim")
    with pytest.raises(LegalHoldActive):
        erase_candidate(anna.candidate, reason=ErasureReason.STAFF)
    assert Application.objects.filter(pk=anna.pk).exists()
    assert not ErasureRecord.objects.exists()


def test_a_released_hold_does_not_stop_it(anna):
    LegalHold.objects.create(candidate=anna.candidate, reason="Old", released_at=timezone.now())
    erase_candidate(anna.candidate, reason=ErasureReason.STAFF)
    assert not LegalHold.objects.exists()


def test_access_requests_keep_dates_and_outcome_only(anna, alice):
    request = AccessRequest.objects.create(
        candidate=anna.candidate,
        kind=RequestKind.ERASURE,
        channel="post",
        requester="Anna Erasedottir, Storgatan 1",
        details="Please delete me",
        received_at=timezone.now() - timedelta(days=3),
    )
    erase_candidate(
        anna.candidate, reason=ErasureReason.REQUEST, actor=alice, access_request=request
    )
    request.refresh_from_db()
    assert request.candidate is None
    assert (request.requester, request.details) == ("", "")
    assert request.status == RequestStatus.ANSWERED
    assert request.answered_at is not None
    assert ErasureRecord.objects.get().access_request == request


def test_files_go_after_commit_and_the_search_finds_nothing(seeded, job, client):
    from rekryt.ops.duties import run_until_idle

    response = client.post(
        f"/jobs/{job.slug}/apply/",
        {
            "first_name": "Bertil",
            "last_name": "Sokbar",
            "email": "bertil@example.org",
            "consent": "on",
            "cv": upload("CV.pdf", make_pdf("Bertil Sokbar\nKubernetesexpert")),
        },
    )
    assert response.status_code == 302
    run_until_idle()
    candidate = Candidate.objects.get()
    path = Document.objects.get().file.path
    assert search(Candidate.objects.all(), "kubernetesexpert", None).exists()
    erase_candidate(candidate, reason=ErasureReason.STAFF)
    import os

    assert not os.path.exists(path)
    assert not search(Candidate.objects.all(), "kubernetesexpert", None).exists()


def test_other_candidates_in_a_bulk_rejection_stay(anna, job, rita):
    other = make_application(job)
    reason = RejectionReason.objects.filter(kind="declined").first()
    bulk = BulkRejection.objects.create(
        job=job, reason=reason, actor=rita, application_ids=[anna.pk, other.pk]
    )
    erase_candidate(anna.candidate, reason=ErasureReason.STAFF)
    bulk.refresh_from_db()
    assert bulk.application_ids == [other.pk]
    assert Application.objects.filter(pk=other.pk).exists()


def test_an_erasure_from_the_candidate_page_answers_their_open_erasure_request(anna, rita):
    erasure = AccessRequest.objects.create(
        candidate=anna.candidate, kind=RequestKind.ERASURE, channel="portal"
    )
    access = AccessRequest.objects.create(
        candidate=anna.candidate, kind=RequestKind.ACCESS, channel="email"
    )
    erase_candidate(anna.candidate, reason=ErasureReason.STAFF, actor=rita)
    erasure.refresh_from_db()
    access.refresh_from_db()
    assert erasure.status == RequestStatus.ANSWERED and erasure.answered_by == rita
    assert access.status == RequestStatus.OPEN, "staff still owe the person an answer"


def test_emails_to_their_address_go_and_staff_emails_naming_them_are_blanked(anna, rita):
    from rekryt.messaging import outbox

    outbox.queue_rendered(
        key="loose", kind="other", to_email="ANNA@example.org", subject="Hi", text="Hello Anna"
    )
    outbox.queue_rendered(
        key="digest",
        kind="waiting_digest",
        to_email="rita@example.com",
        subject="2 candidates are waiting",
        text="Anna Erasedottir (anna@example.org) and Bo Berg are waiting.",
        html="<p>Anna Erasedottir and Bo Berg</p>",
    )
    erase_candidate(anna.candidate, reason=ErasureReason.STAFF)
    assert not Message.objects.filter(idempotency_key="loose").exists()
    digest = Message.objects.get(idempotency_key="digest")
    assert "Anna" not in digest.body_text and "Erasedottir" not in digest.body_html
    assert "anna@example.org" not in digest.body_text
    assert "Bo Berg" in digest.body_text


def test_names_typed_into_any_of_their_forms_leave_staff_emails_too(anna, rita, other_job):
    from rekryt.applications.actions import Submission
    from rekryt.applications.submissions import submit_application
    from rekryt.messaging import outbox

    # The same address, other names: a new application and a form sent again.
    make_application(other_job, first_name="Annie", last_name="Zetterlund", email=anna.email)
    submit_application(
        anna.job, Submission(first_name="Anja", last_name="Quistgaard", email=anna.email)
    )
    outbox.queue_rendered(
        key="digest",
        kind="waiting_digest",
        to_email="rita@example.com",
        subject="3 candidates are waiting",
        text="Annie Zetterlund, Anja Quistgaard and Bo Berg are waiting.",
    )
    erase_candidate(anna.candidate, reason=ErasureReason.STAFF)
    digest = Message.objects.get(idempotency_key="digest").body_text
    assert "Zetterlund" not in digest and "Quistgaard" not in digest
    assert "Bo Berg" in digest
