"""The overview: each application's standing in plain words and its messages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import make_application, make_job
from rekryt.applications.actions import move_to_stage, set_outcome
from rekryt.applications.models import RejectionReason
from rekryt.messaging.models import Message, MessageStatus
from rekryt.portal.actions import write_to_recruiter
from rekryt.portal.tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def mark_sent(application):
    Message.objects.filter(application=application).update(
        status=MessageStatus.SENT, sent_at=timezone.now()
    )


def test_it_explains_the_applied_step_and_the_reply_date(portal, application):
    page = portal.get("/portal/").content.decode()
    reply_by = timezone.localtime(application.created_at + timedelta(days=5))
    assert application.job.title in page
    assert "A person reads it" in page
    assert f"{reply_by.day} {reply_by:%B %Y}" in page


def test_it_counts_the_silence_promise_from_the_last_email_in_later_steps(portal, application, org):
    interview = application.job.stages.get(kind="interview")
    move_to_stage(application, interview, None)
    mark_sent(application)
    page = portal.get("/portal/").content.decode()
    hear_by = timezone.localtime(timezone.now() + timedelta(days=org.max_silence_days))
    assert "in an interview" in page
    assert f"{hear_by.day} {hear_by:%B %Y}" in page


def test_it_shows_sent_emails_and_own_messages_without_portal_links(portal, application):
    mark_sent(application)
    write_to_recruiter(application, "When will I hear back?")
    page = portal.get("/portal/").content.decode()
    assert Message.objects.filter(application=application).first().subject in page
    assert "When will I hear back?" in page
    assert "/portal/t/" not in page


def test_it_keeps_a_rejection_quiet_until_its_email_has_gone(portal, application):
    reason = RejectionReason.objects.filter(kind="declined").first()
    set_outcome(application, "rejected", None, reason=reason)
    Message.objects.create(
        idempotency_key="reject-test",
        kind="rejection",
        to_email=application.candidate.email,
        subject="About your application",
        body_text="No",
        candidate=application.candidate,
        application=application,
        give_up_at=timezone.now() + timedelta(days=2),
        send_after=timezone.now() + timedelta(hours=24),
    )
    assert "decided not to go on" not in portal.get("/portal/").content.decode()
    Message.objects.filter(idempotency_key="reject-test").update(status=MessageStatus.SENT)
    assert "decided not to go on" in portal.get("/portal/").content.decode()


def test_it_shows_only_the_candidates_own_applications(client, job, other_job):
    mine = make_application(job, email="me@example.org")
    theirs = make_application(other_job, email="them@example.org")
    sign_in(client, mine)
    page = client.get("/portal/").content.decode()
    assert job.title in page and other_job.title not in page
    for url in ("write", "withdraw", "cv"):
        assert client.get(f"/portal/applications/{theirs.pk}/{url}/").status_code == 404
        assert client.post(f"/portal/applications/{theirs.pk}/{url}/").status_code == 404


def test_it_sends_visitors_without_a_session_to_the_new_link_page(client, application):
    for url in ("/portal/", "/portal/details/", f"/portal/applications/{application.pk}/write/"):
        assert client.get(url)["Location"] == "/portal/new-link/"


def test_it_uses_a_constant_number_of_queries(client, django_assert_num_queries, rita):
    email = "many@example.org"
    first = make_application(make_job(recruiter=rita), email=email)
    sign_in(client, first)
    mark_sent(first)
    client.get("/portal/")  # warm the organisation cache and the session

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get("/portal/").status_code == 200
        return len(queries)

    before = count()
    for _ in range(3):
        application = make_application(make_job(recruiter=rita), email=email)
        mark_sent(application)
        write_to_recruiter(application, "Hello")
    with django_assert_num_queries(before):
        client.get("/portal/")
