"""Blind review leaks no identity: every staff page and email that can show
a blind application is rendered and searched for the person's name, email
address, phone number, link and personal identity number. Then the stage
is reached (or an admin reveals early, with a reason that is logged) and
the same pages show the person."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from conftest import make_application
from rekryt.applications.actions import add_note, move_to_stage
from rekryt.applications.models import EventKind, RejectionReason
from rekryt.audit.models import AuditEntry
from rekryt.candidates.models import Document, DocumentKind, TextStatus
from rekryt.jobs.models import stages_for
from rekryt.lib.tests.files import make_pdf, upload
from rekryt.messaging.models import Message
from rekryt.portal.actions import write_to_recruiter
from rekryt.promises.digest import send_digest
from rekryt.screening.actions import set_blind_review
from rekryt.screening.blind import pseudonym_code
from rekryt.screening.models import Reveal
from rekryt.screening.tests.helpers import ask, make_question

pytestmark = pytest.mark.django_db

NAME, SURNAME = "Zebulon", "Quintavalle"
EMAIL = "zebulon.q@example.net"
PHONE = "+46 70 111 22 33"
LINK = "https://zq-portfolio.example.com/work"
PERSONNUMMER = "19850612-1234"
SAMORDNING = "850672-1234"
IDENTITY = [NAME, SURNAME, EMAIL, "111 22 33", "zq-portfolio", "19850612", "850672"]


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def blind(job, rita, alice):
    stages = list(stages_for(job))
    set_blind_review(job, stages[2])
    ask(
        job,
        make_question("yes_no", "Truckkort?", "Forklift licence?"),
        rule="must",
        accepted=["yes"],
    )
    application = make_application(
        job,
        first_name=NAME,
        last_name=SURNAME,
        email=EMAIL,
        phone=PHONE,
        link=LINK,
        about=f"I am {NAME} {SURNAME}, born {PERSONNUMMER}. Mail {EMAIL} or call {PHONE}.",
        cover_letter=f"See {LINK}. Samordningsnummer {SAMORDNING}.",
        source="zebulon-referral",
    )
    Document.objects.create(
        candidate=application.candidate,
        application=application,
        kind=DocumentKind.CV,
        original_name=f"CV {NAME} {SURNAME}.pdf",
        content_type="application/pdf",
        size=10,
        sha256="0" * 64,
        text=f"{NAME} {SURNAME}\n{EMAIL}\n{PHONE}\nStorgatan 1, 123 45 Jönköping\nTruckkort A+B",
        text_status=TextStatus.DONE,
        file=upload("cv.pdf", make_pdf(f"{NAME} {SURNAME}")),
    )
    move_to_stage(application, stages[1], rita)
    add_note(application, rita, f"Called {NAME} on {PHONE}, strong on trucks.")
    write_to_recruiter(application, f"Hi, {NAME} here, my new number is {PHONE}.")
    return application


def assert_anonymous(html: str, where: str) -> None:
    for term in IDENTITY:
        assert term.lower() not in html.lower(), f"{term!r} shown on {where}"


def staff_pages(application):
    job = application.job
    stage = application.stage
    document = application.documents.get()
    receipt = Message.objects.filter(application=application).order_by("pk").first()
    return [
        f"/staff/jobs/{job.pk}/board/",
        f"/staff/jobs/{job.pk}/board/?ended=1",
        f"/staff/jobs/{job.pk}/board/stages/{stage.pk}/",
        f"/staff/jobs/{job.pk}/board/?q={NAME}",
        f"/staff/jobs/{job.pk}/screening/applications/",
        f"/staff/jobs/{job.pk}/screening/applications/?requirements=met&sort=score",
        f"/staff/applications/{application.pk}/",
        f"/staff/applications/{application.pk}/reject/",
        f"/staff/documents/{document.pk}/masked/",
        f"/staff/messages/{receipt.pk}/preview/",
        f"/staff/messages/{receipt.pk}/preview/html/",
        "/staff/candidates/",
        f"/staff/candidates/?q={NAME}",
        f"/staff/candidates/?q={EMAIL}",
        "/staff/waiting/",
        "/staff/",
    ]


def admin_pages(application):
    message = Message.objects.filter(application=application).order_by("pk").first()
    Message.objects.filter(application=application).update(to_mailbox=True)
    return [
        "/staff/outbox/",
        "/staff/mailbox/",
        f"/staff/mailbox/{message.pk}/",
        f"/staff/mailbox/{message.pk}/html/",
    ]


def test_the_admins_email_pages_name_no_one(client, alice, blind):
    client.force_login(alice)
    for path in admin_pages(blind):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_anonymous(response.content.decode(), path)


def test_the_persons_other_application_does_not_link_to_the_blind_one(
    client, rita, blind, other_job
):
    other = make_application(other_job, email=EMAIL, first_name=NAME, last_name=SURNAME)
    client.force_login(rita)
    html = client.get(f"/staff/applications/{other.pk}/").content.decode()
    assert NAME in html  # not blind: the person is shown
    assert f"/staff/applications/{blind.pk}/" not in html


@pytest.mark.parametrize("persona", ["rita", "alice", "hanna"])
def test_no_staff_page_shows_who_it_is(client, blind, persona, request):
    client.force_login(request.getfixturevalue(persona))
    code = pseudonym_code(blind.pk)
    for path in staff_pages(blind):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        if "?q=" in path:  # the search box shows what the searcher typed
            typed = path.split("?q=")[1]
            html = re.sub(re.escape(typed), "", html, flags=re.IGNORECASE)
            assert f"/staff/candidates/{blind.candidate_id}/" not in html
        assert_anonymous(html, path)
    page = client.get(f"/staff/applications/{blind.pk}/").content.decode()
    assert f"Applicant {code}" in page
    assert "[name]" in page and "[personal identity number]" in page


def test_the_pseudonym_is_stable_and_on_the_board(client, rita, blind):
    client.force_login(rita)
    code = pseudonym_code(blind.pk)
    assert code == pseudonym_code(blind.pk) and len(code) == 4
    board = client.get(f"/staff/jobs/{blind.job_id}/board/").content.decode()
    assert f"Applicant {code}" in board


def test_the_original_file_and_the_candidate_page_are_withheld(client, rita, blind):
    client.force_login(rita)
    document = blind.documents.get()
    assert client.get(f"/staff/documents/{document.pk}/download/").status_code == 404
    assert client.get(f"/staff/candidates/{blind.candidate_id}/").status_code == 404


def test_the_cv_viewer_withholds_the_pages_of_a_blind_application(client, rita, blind):
    client.force_login(rita)
    document = blind.documents.get()
    page = client.get(f"/staff/applications/{blind.pk}/").content.decode()

    assert f"/staff/documents/{document.pk}/pages/" not in page
    assert client.get(f"/staff/documents/{document.pk}/pages/1.png").status_code == 404


def test_a_name_search_on_the_board_does_not_pick_out_a_blind_card(client, rita, blind):
    client.force_login(rita)
    code = pseudonym_code(blind.pk)
    board = f"/staff/jobs/{blind.job_id}/board/"

    assert f"Applicant {code}" in client.get(board).content.decode()
    for typed in (NAME, SURNAME, EMAIL):
        found = client.get(board, {"q": typed}).content.decode()
        assert f"Applicant {code}" not in found, typed


def test_the_masked_text_keeps_what_the_person_can_do(client, rita, blind):
    client.force_login(rita)
    html = client.get(f"/staff/documents/{blind.documents.get().pk}/masked/").content.decode()
    assert "Truckkort A+B" in html
    assert "[postal code]" in html and "[email]" in html and "[phone]" in html


def test_rejection_pages_and_their_preview_name_no_one(client, rita, blind):
    client.force_login(rita)
    reason = RejectionReason.objects.filter(kind="declined").first()
    pages = [
        client.post(
            f"/staff/applications/{blind.pk}/reject/",
            {"reason": reason.pk, "preview": "1", "personal_note": "Thanks for applying!"},
        ),
        client.post(f"/staff/jobs/{blind.job_id}/board/reject/", {"applications": [blind.pk]}),
        client.post(
            f"/staff/jobs/{blind.job_id}/board/reject/",
            {"applications": [blind.pk], "reason": reason.pk, "preview": "1"},
        ),
    ]
    for response in pages:
        assert response.status_code == 200
        assert_anonymous(response.content.decode(), response.request["PATH_INFO"])


def test_a_move_message_names_the_pseudonym(client, rita, blind):
    client.force_login(rita)
    first = blind.job.first_stage()
    response = client.post(
        f"/staff/applications/{blind.pk}/move/",
        {"stage": first.pk},
        HTTP_ACCEPT="application/json",
    )
    assert_anonymous(response.content.decode(), "move")
    assert pseudonym_code(blind.pk) in response.json()["message"]


def test_staff_emails_name_no_one(rita, blind):
    later = timezone.now() + timedelta(days=12)
    with time_machine.travel(later, tick=False):
        digest = send_digest(rita, timezone.localdate())
    assert digest is not None
    notice = Message.objects.get(kind="portal_message")
    for message in (digest, notice):
        for text in (message.subject, message.body_text, message.body_html):
            assert_anonymous(text, message.kind)
    assert pseudonym_code(blind.pk) in notice.subject


def test_reaching_the_stage_shows_the_person(client, rita, blind):
    move_to_stage(blind, list(stages_for(blind.job))[2], rita)
    client.force_login(rita)
    page = client.get(f"/staff/applications/{blind.pk}/").content.decode()
    assert NAME in page and EMAIL in page
    assert client.get(f"/staff/documents/{blind.documents.get().pk}/download/").status_code == 200


def test_an_admin_reveals_early_with_a_reason_that_is_logged(client, alice, rita, blind):
    client.force_login(rita)
    assert (
        client.post(f"/staff/applications/{blind.pk}/reveal/", {"reason": "x" * 20}).status_code
        == 404
    )
    client.force_login(alice)
    short = client.post(f"/staff/applications/{blind.pk}/reveal/", {"reason": "why"})
    assert short.status_code == 302 and not Reveal.objects.exists()
    reason = "The hiring manager knows the candidate and must declare a conflict of interest."
    client.post(f"/staff/applications/{blind.pk}/reveal/", {"reason": reason})
    reveal = Reveal.objects.get()
    assert reveal.actor == alice and reveal.reason == reason
    entry = AuditEntry.objects.get(detail="blind_revealed")
    assert entry.actor == alice and entry.params == {"reveal": reveal.pk}
    assert reason not in str(entry.params) + entry.summary
    assert blind.events.filter(kind=EventKind.REVEALED, actor=alice).exists()
    page = client.get(f"/staff/applications/{blind.pk}/").content.decode()
    assert NAME in page


def test_a_job_without_blind_review_shows_names(client, rita, job):
    application = make_application(job, first_name=NAME, last_name=SURNAME)
    client.force_login(rita)
    assert NAME in client.get(f"/staff/applications/{application.pk}/").content.decode()
    assert NAME in client.get(f"/staff/jobs/{job.pk}/board/").content.decode()


def test_the_job_page_sets_blind_review(client, rita, job):
    client.force_login(rita)
    stage = list(stages_for(job))[2]
    assert (
        client.post(f"/staff/jobs/{job.pk}/screening/blind/", {"until_stage": stage.pk}).status_code
        == 302
    )
    assert job.blind_review.until_stage == stage
    first = job.first_stage()
    client.post(f"/staff/jobs/{job.pk}/screening/blind/", {"until_stage": first.pk})
    job.refresh_from_db()
    assert job.blind_review.until_stage == stage  # the first stage is not offered
    client.post(f"/staff/jobs/{job.pk}/screening/blind/", {"until_stage": ""})
    assert not type(job.blind_review).objects.filter(job=job).exists()


def test_the_retention_preview_names_a_blind_rejection_by_its_pseudonym(rita, blind, org):
    from rekryt.applications.rejections import reject_application
    from rekryt.applications.retention import AnonymiseEndedApplications

    reject_application(blind, RejectionReason.objects.filter(kind="declined").first(), rita)
    blind.refresh_from_db()
    later = blind.ended_at + timedelta(
        days=31 * (org.retention_months + 1) + org.retention_grace_days
    )
    items = AnonymiseEndedApplications().due(later)
    assert len(items) == 1
    assert pseudonym_code(blind.pk) in items[0].description
    assert_anonymous(items[0].description, "retention preview")
