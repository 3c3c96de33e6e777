"""The application page: who the candidate is, what they sent, what happened."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from conftest import make_application, make_job, make_user
from rekryt.applications.actions import Upload, add_note, move_to_stage, reopen, set_outcome
from rekryt.applications.models import Outcome, RejectionReason
from rekryt.candidates.models import DocumentKind
from rekryt.jobs.models import stages_for
from rekryt.messaging.models import Message, MessageStatus

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def english(client, settings):
    settings.LANGUAGE_CODE = "en"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def upload(kind=DocumentKind.CV, name="cv.pdf") -> Upload:
    return Upload(
        kind=kind,
        file=ContentFile(PDF, name=name),
        original_name=name,
        content_type="application/pdf",
        size=len(PDF),
        sha256=hashlib.sha256(PDF).hexdigest(),
    )


def page(client, application):
    response = client.get(reverse("application_detail", args=[application.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_the_candidate_and_what_they_wrote(client, rita, job):
    application = make_application(
        job,
        first_name="Sara",
        last_name="Lind",
        email="sara@example.org",
        phone="+46 70 123 45 67",
        link="https://sara.example/portfolio",
        about="I build <script>alert(1)</script> things.\n\nSecond paragraph.",
        cover_letter="Dear team,\nhire me.",
        source="linkedin",
        heard_from="friend",
    )
    client.force_login(rita)
    body = page(client, application)
    assert "Sara Lind" in body
    assert 'href="mailto:sara@example.org"' in body
    assert "+46 70 123 45 67" in body
    assert '<a href="https://sara.example/portfolio" rel="noopener noreferrer nofollow"' in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert(1)" not in body
    assert "<p>Second paragraph.</p>" in body
    assert "Dear team,<br>hire me." in body
    assert "LinkedIn" in body
    assert "A friend or colleague" in body


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "ftp://files.example/cv", "data:text/html,x"]
)
def test_it_never_makes_a_link_of_anything_but_http(client, rita, job, link):
    application = make_application(job, link=link)
    client.force_login(rita)
    body = page(client, application)
    assert f'href="{link}"' not in body


def test_it_lists_only_the_other_applications_the_user_may_see(client, rita, hanna, job, other_job):
    mine = make_application(job, email="both@example.org")
    theirs = make_application(other_job, email="both@example.org")
    third_job_app = make_application(
        make_job(recruiter=rita, title="Designer"),
        email="both@example.org",
    )
    client.force_login(hanna)
    body = page(client, mine)
    assert reverse("application_detail", args=[theirs.pk]) not in body
    assert reverse("application_detail", args=[third_job_app.pk]) not in body
    client.force_login(rita)
    body = page(client, mine)
    assert reverse("application_detail", args=[theirs.pk]) in body
    assert "Sales Lead" in body


def test_it_links_documents_the_user_may_open(client, rita, hanna, job, other_job):
    mine = make_application(job, email="docs@example.org", uploads=[upload(name="my-cv.pdf")])
    make_application(
        other_job,
        email="docs@example.org",
        uploads=[upload(DocumentKind.COVER_LETTER, "letter-for-sales.pdf")],
    )
    client.force_login(hanna)
    body = page(client, mine)
    document = mine.documents.get()
    assert reverse("document_download", args=[document.pk]) in body
    assert "my-cv.pdf" in body
    assert "letter-for-sales.pdf" not in body
    client.force_login(rita)
    assert "letter-for-sales.pdf" in page(client, mine)


def test_the_timeline_interleaves_events_messages_and_notes(client, rita, hanna, job):
    application = make_application(job)
    second = list(stages_for(job))[1]
    move_to_stage(application, second, rita)
    add_note(application, hanna, "Call <her> back")
    failed = Message.objects.get(application=application)
    failed.status = MessageStatus.FAILED
    failed.last_error = "550 5.1.1 Mailbox unavailable"
    failed.save()
    reason = RejectionReason.objects.filter(kind="declined").first()
    set_outcome(application, Outcome.REJECTED, rita, reason)
    client.force_login(rita)
    body = page(client, application)
    timeline = body.split('id="timeline"')[1]
    order = [
        timeline.index("Applied"),
        timeline.index(escape(failed.subject)),
        timeline.index(f"Moved from {job.first_stage().name} to {second.name}"),
        timeline.index("Note by Hanna"),
        timeline.index("Outcome: Rejected"),
    ]
    assert order == sorted(order)
    assert "Last error: 550 5.1.1 Mailbox unavailable" in timeline
    assert "Call &lt;her&gt; back" in timeline
    assert reason.name_en in timeline
    assert "by Rita" in timeline


def test_a_scheduled_email_has_a_cancel_button_for_recruiters(client, rita, hanna, job):
    application = make_application(job)
    message = Message.objects.get(application=application)
    message.send_after = timezone.now() + timedelta(hours=2)
    message.save()
    cancel = f'action="{reverse("message_cancel", args=[message.pk])}"'
    client.force_login(rita)
    assert cancel in page(client, application)
    # Cancelling is for recruiters and admins (rekryt.messaging.access).
    client.force_login(hanna)
    assert cancel not in page(client, application)


def test_the_cancel_button_cancels_and_comes_back(client, rita, job):
    application = make_application(job)
    message = Message.objects.get(application=application)
    client.force_login(rita)
    response = client.post(
        reverse("message_cancel", args=[message.pk]),
        {"next": reverse("application_detail", args=[application.pk]) + "#timeline"},
        follow=True,
    )
    assert response.redirect_chain[-1][0].endswith(f"/applications/{application.pk}/#timeline")
    message.refresh_from_db()
    assert message.status == MessageStatus.CANCELLED
    assert "Cancelled" in response.content.decode()


def test_it_offers_move_and_outcome_to_deciders_and_reopen_once_ended(client, rita, job):
    application = make_application(job)
    client.force_login(rita)
    body = page(client, application)
    assert reverse("application_move", args=[application.pk]) in body
    assert reverse("application_outcome", args=[application.pk]) in body
    assert reverse("application_reopen", args=[application.pk]) not in body
    set_outcome(application, Outcome.HIRED, rita)
    body = page(client, application)
    assert reverse("application_reopen", args=[application.pk]) in body
    assert reverse("application_outcome", args=[application.pk]) not in body


def test_interviewers_on_the_team_see_the_note_form_only(client, job):
    iris = make_user("iris", "interviewer")
    job.team.add(iris)
    application = make_application(job)
    client.force_login(iris)
    body = page(client, application)
    assert reverse("application_note", args=[application.pk]) in body
    assert reverse("application_move", args=[application.pk]) not in body
    assert reverse("application_outcome", args=[application.pk]) not in body


def detail_queries(client, application):
    url = reverse("application_detail", args=[application.pk])
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def grow(application, rita, hanna, n):
    stages = list(stages_for(application.job))
    for i in range(n):
        add_note(application, hanna if i % 2 else rita, f"Note {i}")
        move_to_stage(application, stages[(i + 1) % len(stages)], rita)


def test_the_page_costs_the_same_queries_however_long_the_history(client, rita, hanna, job):
    application = make_application(job, uploads=[upload()])
    grow(application, rita, hanna, 2)
    client.force_login(hanna)
    detail_queries(client, application)
    few = detail_queries(client, application)
    application.refresh_from_db()
    measured_in = application.stage
    grow(application, rita, hanna, 30)
    set_outcome(application, Outcome.HIRED, rita)
    reopen(application, rita)
    # Back in the column it was measured in: a card in the first or last
    # column has no other columns to look into on one side (a query less).
    application.refresh_from_db()
    if application.stage_id != measured_in.pk:
        move_to_stage(application, measured_in, rita)
    # 22: the screening app's answers and tests sections and its blind-review
    # check add one query each (rekryt.applications.hooks); the recruiter's
    # workspace added the tags (one query for all, each marked) and the
    # previous and next card on the board (two queries, and one more per side
    # that has other columns: this lone card in a middle column has no
    # neighbour on either side, the most it costs). 23: the interviews panel
    # asks in one query whether the job plans interviews or the application
    # has any. 24–25: the offers panel reads the application's offers (one
    # query) and the references panel asks whether the job uses references
    # (one query, none more once it does not).
    assert detail_queries(client, application) == few <= 25
