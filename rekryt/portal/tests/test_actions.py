"""What a candidate can do from the portal, each leaving an Event behind."""

import pytest

from rekryt.applications.models import Event, Outcome
from rekryt.candidates.models import Document, SearchEntry
from rekryt.lib.tests.files import make_pdf, upload
from rekryt.messaging.models import Message, MessageStatus
from rekryt.portal.models import PortalMessage

pytestmark = pytest.mark.django_db


def last_event(application, kind):
    return Event.objects.filter(application=application, kind=kind).latest("pk")


def test_it_delivers_a_message_to_the_timeline_and_the_recruiter(portal, application, rita):
    url = f"/portal/applications/{application.pk}/write/"
    response = portal.post(url, {"body": "Is the job still open?"})
    assert response["Location"] == "/portal/"
    message = PortalMessage.objects.get(application=application)
    event = last_event(application, "candidate_message")
    assert event.data["body"] == "Is the job still open?"
    notice = Message.objects.get(idempotency_key=f"portal-msg:{message.pk}:{rita.pk}")
    assert notice.to_email == rita.email
    assert f"/staff/applications/{application.pk}/" in notice.body_text
    assert "Is the job still open?" in notice.body_text


def test_it_notifies_every_admin_when_the_job_has_no_recruiter(portal, application, alice):
    application.job.recruiter = None
    application.job.save()
    portal.post(f"/portal/applications/{application.pk}/write/", {"body": "Hello"})
    assert Message.objects.filter(kind="portal_message", to_email=alice.email).count() == 1


def test_it_refuses_an_empty_message(portal, application):
    response = portal.post(f"/portal/applications/{application.pk}/write/", {"body": " "})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not PortalMessage.objects.exists()


def test_it_asks_before_withdrawing(portal, application):
    page = portal.get(f"/portal/applications/{application.pk}/withdraw/")
    assert "Yes, withdraw my application" in page.content.decode()
    application.refresh_from_db()
    assert application.outcome == Outcome.ACTIVE


def test_it_withdraws_with_the_candidates_reason(portal, application):
    url = f"/portal/applications/{application.pk}/withdraw/"
    assert portal.post(url, {"reason": "I took another job"})["Location"] == "/portal/"
    application.refresh_from_db()
    assert application.outcome == Outcome.WITHDRAWN
    assert application.rejection_reason.kind == "withdrew"
    event = last_event(application, "outcome_set")
    assert event.data["candidate_reason"] == "I took another job"
    assert event.data["by_candidate"] is True
    pending = Message.objects.filter(application=application, status=MessageStatus.SCHEDULED)
    # Only the confirmation of the withdrawal is still to go: nobody is left untold.
    assert [m.kind for m in pending] == ["withdrawal_confirmed"]
    assert portal.post(url, {"reason": ""}).status_code == 404  # already ended


def test_it_corrects_contact_details_and_records_the_change(portal, application):
    response = portal.post(
        "/portal/details/",
        {"first_name": "Anna", "last_name": "Berg", "phone": "+46 70 000 00 00", "link": ""},
    )
    assert response["Location"] == "/portal/"
    candidate = application.candidate
    candidate.refresh_from_db()
    assert (candidate.first_name, candidate.last_name) == ("Anna", "Berg")
    assert "Berg" in SearchEntry.objects.get(application=application).details
    assert set(last_event(application, "details_updated").data["fields"]) >= {
        "first_name",
        "last_name",
        "phone",
    }


def test_it_refuses_details_the_apply_form_refuses(portal, application):
    response = portal.post(
        "/portal/details/",
        {"first_name": "Anna\nBcc: x@example.com", "last_name": "B", "phone": "call me"},
    )
    page = response.content.decode()
    assert "Please write your name on one line." in page
    assert "Please write a phone number" in page
    assert not Event.objects.filter(kind="details_updated").exists()


def test_it_explains_why_the_email_cannot_change(portal, application):
    page = portal.get("/portal/details/").content.decode()
    assert application.candidate.email in page
    assert "it is how we know it is you" in page


def test_it_stores_a_newer_cv_on_the_application(portal, application):
    response = portal.post(
        f"/portal/applications/{application.pk}/cv/",
        {"cv": upload("Nytt CV.pdf", make_pdf("Anna Berg\nPython"))},
    )
    assert response["Location"] == "/portal/"
    document = Document.objects.get(application=application)
    assert (document.kind, document.text_status, document.original_name) == (
        "cv",
        "pending",
        "Nytt CV.pdf",
    )
    assert last_event(application, "document_added").data["document"] == document.pk


def test_it_refuses_a_file_that_is_not_a_document(portal, application):
    response = portal.post(
        f"/portal/applications/{application.pk}/cv/",
        {"cv": upload("cv.pdf", b"MZ\x90\x00 not a pdf")},
    )
    assert response.status_code == 200
    assert "is not a PDF" in response.content.decode()
    assert not Document.objects.exists()


def test_it_records_nothing_when_details_are_unchanged(portal, application):
    candidate = application.candidate
    portal.post(
        "/portal/details/",
        {"first_name": candidate.first_name, "last_name": candidate.last_name},
    )
    assert not Event.objects.filter(kind="details_updated").exists()


def test_it_puts_the_message_on_the_staff_timeline(portal, application):
    from rekryt.applications.timeline import timeline_for

    portal.post(f"/portal/applications/{application.pk}/write/", {"body": "Thank you!"})
    entries = [e for e in timeline_for(application, "en") if e.kind == "event"]
    assert entries[-1].item.kind == "candidate_message"
    assert entries[-1].item.data["body"] == "Thank you!"


def test_it_limits_how_many_messages_one_candidate_sends(portal, application):
    url = f"/portal/applications/{application.pk}/write/"
    for _ in range(20):
        assert portal.post(url, {"body": "Hello"}).status_code == 302
    response = portal.post(url, {"body": "Hello"})
    assert "many messages in a short time" in response.content.decode()
    assert PortalMessage.objects.count() == 20
