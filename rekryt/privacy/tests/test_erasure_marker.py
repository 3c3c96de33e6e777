"""The proof that an erasure reaches every copy.

A candidate gets a unique marker in every field and document they could
leave behind: names, address, phone, link, the application's texts and
source, a CV whose text was extracted into the search index, notes, portal
messages (and the staff emails quoting them), consents, a survey comment
and extra answer, delivered emails, a download-link email, an access
request, and an interview (its invitations, a scorecard's notes and a
written video answer). A recruiter erases them through the real page. The marker must
then be in no row of any table (a full dump) and in no file under DATA_DIR,
read as raw bytes: the SQLite database file and its WAL, documents, cache.

`test_the_scan_finds_a_plain_delete` shows the scan can fail: deleting only
the candidate row (letting the database cascade) leaves the marker behind."""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from rekryt.applications.actions import add_note
from rekryt.applications.models import Application
from rekryt.candidates.models import Candidate, Document, SearchEntry, TextStatus
from rekryt.lib.tests.files import make_pdf, upload
from rekryt.ops.duties import run_until_idle
from rekryt.portal.actions import write_to_recruiter
from rekryt.privacy.consent import record_consent
from rekryt.privacy.models import AccessRequest
from rekryt.privacy.requests import send_download_link
from rekryt.surveys.actions import record_answer
from rekryt.surveys.models import Survey, SurveyStatus

pytestmark = pytest.mark.django_db(transaction=True)


def database_dump() -> str:
    """Every row of every table as text."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        return "\n".join(connection.connection.iterdump())
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT t::text FROM "{table}" t')  # noqa: S608  # nosec B608
            parts.extend(row[0] for row in cursor.fetchall())
    return "\n".join(parts)


def places_with(marker: str) -> list[str]:
    """Where the marker (as written, lower-cased, or hex in a dumped blob) still is."""
    forms = {marker, marker.lower()}
    found = []
    dump = database_dump()
    for form in forms:
        for line in dump.splitlines():
            if form in line or form.encode().hex() in line.lower():
                found.append(f"database dump: {line[:300]}")
    needles = [f.encode() for f in forms]
    for path in Path(settings.DATA_DIR).rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if any(needle in data for needle in needles):
                found.append(str(path))
    return found


def seed(client, job, rita) -> tuple[str, Candidate]:
    marker = "ZQXJ" + uuid.uuid4().hex
    response = client.post(
        f"/jobs/{job.slug}/apply/",
        {
            "first_name": f"{marker}first",
            "last_name": f"{marker}last",
            "email": f"{marker}@Example.org",
            "phone": "+46 70 123 45 67",
            "link": f"https://example.org/{marker}",
            "about": f"About me {marker}",
            "cover_letter": f"Dear team {marker}",
            "source": marker.lower(),
            "heard_from": "linkedin",
            "consent": "on",
            "future_contact": "on",
            "submission_key": secrets.token_hex(16),
            "cv": upload("CV.pdf", make_pdf(f"Curriculum vitae\n{marker}cv")),
        },
    )
    assert response.status_code == 302, response.content[:2000]
    candidate = Candidate.objects.get(email_normalised=f"{marker.lower()}@example.org")
    # Phone numbers are digits only on the form; a staff edit could hold anything.
    Candidate.objects.filter(pk=candidate.pk).update(phone=f"+46 {marker}")
    application = Application.objects.get(candidate=candidate)
    add_note(application, rita, f"Interview note {marker}")
    write_to_recruiter(application, f"Portal message {marker}")
    for purpose in ("future_contact", "talent_pool"):
        record_consent(
            candidate,
            purpose=purpose,
            given=True,
            text=f"I agree {marker}",
            method="portal",
            language="en",
            ip="192.0.2.7",
        )
    now = timezone.now()
    survey = Survey.objects.create(
        candidate=candidate,
        application=application,
        job=job,
        step="applied",
        source_event=10**9 + candidate.pk,
        status=SurveyStatus.SENT,
        due_at=now,
        sent_at=now,
        expires_at=now + timedelta(days=14),
    )
    assert record_answer(
        survey, 9, f"Comment {marker}", {"1": {"question": "Anything else?", "answer": marker}}
    )
    AccessRequest.objects.create(
        candidate=candidate, kind="access", channel="post", requester=marker, details=marker
    )
    send_download_link(candidate)
    interviewed(application, rita, marker)
    run_until_idle()  # extracts the CV's text and delivers every email
    candidate.refresh_from_db()
    assert Document.objects.get(candidate=candidate).text_status == TextStatus.DONE
    assert f"{marker}cv".lower() in SearchEntry.objects.get(candidate=candidate).documents.lower()
    assert places_with(marker), "the seeding must have put the marker somewhere"
    return marker, candidate


def interviewed(application: Application, rita, marker: str) -> None:
    """An interview with its invitations (the interviewer's names the
    candidate), a scorecard with notes, and a written video answer."""
    from rekryt.interviews import scheduling
    from rekryt.interviews.actions import save_scorecard
    from rekryt.interviews.models import VideoQuestion
    from rekryt.interviews.tests.helpers import plan
    from rekryt.interviews.video import answer_in_writing
    from rekryt.messaging.models import Message

    step = plan(application.job)
    interview = scheduling.book_directly(
        application, step, timezone.now() + timedelta(days=2), [rita], rita
    )
    # Delivered now, not after the undo delay: the marker must leave the mailbox too.
    Message.objects.filter(idempotency_key__startswith=f"iv:{interview.pk}:").update(
        send_after=timezone.now()
    )
    focus = step.focus.first()
    save_scorecard(
        interview, rita, {focus.pk: (3, f"Rating {marker}")}, "yes", f"Notes {marker}", submit=True
    )
    question = VideoQuestion.objects.create(job=application.job, text_sv="Varför?", text_en="Why?")
    answer_in_writing(application, question, f"Written {marker}")


def test_erasure_through_the_staff_page_leaves_the_marker_nowhere(seeded, client, job, rita):
    marker, candidate = seed(client, job, rita)
    client.force_login(rita)
    page = client.get(f"/staff/privacy/candidates/{candidate.pk}/erase/")
    assert page.status_code == 200
    response = client.post(f"/staff/privacy/candidates/{candidate.pk}/erase/", {"confirm": "ERASE"})
    assert response.status_code == 302
    assert not Candidate.objects.filter(pk=candidate.pk).exists()
    assert places_with(marker) == []


def test_the_scan_finds_a_plain_delete(seeded, client, job, rita):
    """A test of the test: without the scrub, the marker survives."""
    marker, candidate = seed(client, job, rita)
    Candidate.objects.filter(pk=candidate.pk).delete()
    assert places_with(marker) != []
