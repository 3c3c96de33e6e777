"""A stranger who knows an email address learns and changes nothing.

Everything here goes through the public apply form and the portal, as a
person (or an attacker) would: what a submission typed belongs to that
submission, and the person's own details change only from their portal."""

from __future__ import annotations

import datetime
import re
import secrets

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from rekryt.applications.models import Application, EventKind, Resubmission
from rekryt.candidates.models import Candidate, Document
from rekryt.lib.pdfgen import text_pdf
from rekryt.messaging.models import Message
from rekryt.ops.duties import run_until_idle
from rekryt.portal.tests.conftest import sign_in

pytestmark = pytest.mark.django_db
DAY_1 = datetime.datetime(2030, 3, 4, 9, tzinfo=datetime.UTC)
DAY_4 = DAY_1 + datetime.timedelta(days=3)
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
# The page's own address (in the language switch) carries its sealed token.
_TOKEN = re.compile(r"/applied/[^/]+/")


def apply(client, job, **fields):
    data = {
        "first_name": "Alice",
        "last_name": "Andersson",
        "email": "alice@example.org",
        "about": "I build bridges.",
        "consent": "on",
        "submission_key": secrets.token_hex(16),
        **fields,
    }
    response = client.post(f"/jobs/{job.slug}/apply/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def confirmation(client, job, **fields) -> str:
    page = client.get(apply(client, job, **fields)["Location"]).content.decode()
    return _TOKEN.sub("/applied/…/", _CSRF.sub("", page))


def pdf(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("cv.pdf", text_pdf(text), content_type="application/pdf")


def test_a_repeated_application_is_answered_exactly_like_a_new_one(client, job):
    with time_machine.travel(DAY_1, tick=False):
        apply(client, job)
    with time_machine.travel(DAY_4, tick=False):
        repeated = confirmation(client, job, first_name="Mallory", last_name="M")
        fresh = confirmation(
            client, job, first_name="Mallory", last_name="M", email="mallory@example.net"
        )
    assert "Thank you, Mallory!" in repeated
    assert "Alice" not in repeated
    # Today's reply-by date (job.reply_within_days = 5 after day 4), not day 1's.
    assert "12 March 2030" in repeated
    assert repeated == fresh


def test_a_repeated_application_changes_nothing_and_keeps_what_was_typed(client, job):
    apply(client, job, phone="0701234567")
    apply(
        client,
        job,
        first_name="Mallory",
        last_name="M",
        email="ALICE@example.org",
        phone="0999",
        about="Mallory's text",
        cv=pdf("Mallory marker CV"),
    )
    candidate = Candidate.objects.get()
    assert (candidate.full_name, candidate.phone) == ("Alice Andersson", "0701234567")
    application = Application.objects.get()
    assert (application.full_name, application.about) == ("Alice Andersson", "I build bridges.")
    assert not application.documents.exists()
    kept = Resubmission.objects.get(application=application)
    assert (kept.full_name, kept.phone, kept.about) == ("Mallory M", "0999", "Mallory's text")
    assert kept.documents.get().original_name == "cv.pdf"
    # The address is told, greeting the person it belongs to.
    told = Message.objects.get(kind="application_repeated")
    assert told.to_email == "alice@example.org"
    assert told.body_text.startswith("Hi Alice")


def test_applying_elsewhere_with_a_known_address_rewrites_no_one(client, job, other_job):
    apply(client, job, phone="0701234567", link="https://alice.example")
    apply(
        client,
        other_job,
        first_name="Mallory",
        last_name="M",
        phone="0999",
        link="https://mallory.example",
        cv=pdf("Mallory marker CV"),
    )
    candidate = Candidate.objects.get()
    assert (candidate.full_name, candidate.phone, candidate.link) == (
        "Alice Andersson",
        "0701234567",
        "https://alice.example",
    )
    alices = Application.objects.get(job=job)
    assert (alices.full_name, alices.phone) == ("Alice Andersson", "0701234567")
    mallorys = Application.objects.get(job=other_job)
    assert (mallorys.full_name, mallorys.phone) == ("Mallory M", "0999")
    assert list(Document.objects.values_list("application_id", flat=True)) == [mallorys.pk]


def test_staff_see_where_an_application_differs_from_the_candidates_details(
    client, job, other_job, rita
):
    apply(client, job)
    apply(client, other_job, first_name="Mallory", last_name="M")
    client.force_login(rita)
    mallorys = Application.objects.get(job=other_job)
    page = client.get(f"/staff/applications/{mallorys.pk}/").content.decode()
    assert "<h1>Mallory M</h1>" in page
    assert "sent with details that differ from the candidate's own" in page
    assert "Alice" in page.split("differ from the candidate")[1]
    board = client.get(f"/staff/jobs/{other_job.pk}/board/").content.decode()
    assert "Other details" in board
    alices = Application.objects.get(job=job)
    assert "differ from" not in client.get(f"/staff/applications/{alices.pk}/").content.decode()


def test_a_hiring_manager_never_finds_anyone_by_words_sent_to_another_job(
    client, job, other_job, hanna, otto, rita
):
    apply(client, job)
    apply(client, other_job, first_name="Mallory", last_name="M", cv=pdf("Zanzibarwelding"))
    run_until_idle()  # the worker extracts the CV's text and indexes it
    client.force_login(hanna)  # on `job` only
    page = client.get("/staff/candidates/", {"q": "zanzibarwelding"})
    assert list(page.context["page"].object_list) == []
    page = client.get("/staff/candidates/", {"q": "alice"})
    assert "Zanzibar" not in page.content.decode()
    client.force_login(otto)  # on `other_job`
    page = client.get("/staff/candidates/", {"q": "zanzibarwelding"})
    assert [c.email for c in page.context["page"].object_list] == ["alice@example.org"]
    assert "<mark>Zanzibarwelding</mark>" in page.content.decode()


def test_the_owner_adds_what_was_sent_again_from_the_portal(client, job):
    apply(client, job)
    apply(client, job, first_name="Alice", about="Newer text", cv=pdf("Newer CV"))
    application = Application.objects.get()
    portal = sign_in(client, application)
    home = portal.get("/portal/").content.decode()
    resubmission = Resubmission.objects.get()
    assert "The form was sent again on" in home
    assert f"/portal/sent-again/{resubmission.pk}/add/" in home
    assert portal.post(f"/portal/sent-again/{resubmission.pk}/add/").status_code == 302
    resubmission.refresh_from_db()
    assert resubmission.status == "added"
    assert application.documents.get().original_name == "cv.pdf"
    assert application.events.filter(kind=EventKind.RESUBMISSION_ADDED).exists()
    # Twice does nothing more; the page no longer offers it.
    assert portal.post(f"/portal/sent-again/{resubmission.pk}/add/").status_code == 404
    assert "The form was sent again on" not in portal.get("/portal/").content.decode()


def test_the_owner_discards_what_a_stranger_sent_again(client, job):
    apply(client, job)
    apply(client, job, first_name="Mallory", cv=pdf("Stranger CV"))
    application = Application.objects.get()
    resubmission = Resubmission.objects.get()
    portal = sign_in(client, application)
    assert portal.post(f"/portal/sent-again/{resubmission.pk}/discard/").status_code == 302
    resubmission.refresh_from_db()
    assert resubmission.status == "discarded"
    assert not Document.objects.exists()
    assert Candidate.objects.get().first_name == "Alice"


def test_another_candidate_cannot_act_on_someone_elses_resubmission(client, job):
    apply(client, job)
    apply(client, job, first_name="Mallory")
    resubmission = Resubmission.objects.get()
    apply(client, job, email="bob@example.org", first_name="Bob")
    bob = Application.objects.get(email="bob@example.org")
    portal = sign_in(client, bob)
    assert portal.post(f"/portal/sent-again/{resubmission.pk}/add/").status_code == 404
    assert portal.post(f"/portal/sent-again/{resubmission.pk}/discard/").status_code == 404
    assert Resubmission.objects.get().status == "pending"


def test_the_owner_makes_an_applications_details_their_own(client, job, other_job):
    apply(client, job)
    apply(client, other_job, first_name="Alicia", last_name="Berg", phone="0702")
    newer = Application.objects.get(job=other_job)
    portal = sign_in(client, newer)
    home = portal.get("/portal/").content.decode()
    assert "Sent with other details than yours" in home
    assert portal.post(f"/portal/applications/{newer.pk}/use-details/").status_code == 302
    candidate = Candidate.objects.get()
    assert (candidate.full_name, candidate.phone) == ("Alicia Berg", "0702")
    assert candidate.details_confirmed_at is not None
    # The first application keeps what it was sent with.
    assert Application.objects.get(job=job).full_name == "Alice Andersson"
    assert newer.events.filter(kind=EventKind.DETAILS_ADOPTED).exists()


def test_a_get_of_the_portal_choices_changes_nothing(client, job):
    apply(client, job)
    apply(client, job, first_name="Mallory")
    application = Application.objects.get()
    resubmission = Resubmission.objects.get()
    portal = sign_in(client, application)
    for url in (
        f"/portal/sent-again/{resubmission.pk}/add/",
        f"/portal/sent-again/{resubmission.pk}/discard/",
        f"/portal/applications/{application.pk}/use-details/",
    ):
        assert portal.get(url).status_code == 405
    assert Resubmission.objects.get().status == "pending"
