"""anonymise_application: the shape stays for statistics, the person goes."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import make_application, make_job
from rekryt.applications.actions import add_note
from rekryt.applications.anonymise import anonymise_application
from rekryt.applications.models import AnonymisedApplication, Application, Event, Note
from rekryt.audit.models import Action, AuditEntry
from rekryt.candidates.models import Candidate, Document
from rekryt.candidates.search import search
from rekryt.lib.tests.files import make_pdf, upload
from rekryt.messaging.models import Message
from rekryt.ops.duties import run_until_idle
from rekryt.portal.actions import write_to_recruiter
from rekryt.portal.models import PortalMessage
from rekryt.surveys.actions import record_answer
from rekryt.surveys.models import Survey, SurveyAnswer, SurveyStatus

pytestmark = pytest.mark.django_db(transaction=True)


def test_one_application_goes_the_candidate_and_other_applications_stay(seeded, client, job, rita):
    response = client.post(
        f"/jobs/{job.slug}/apply/",
        {
            "first_name": "Doris",
            "last_name": "Anonym",
            "email": "doris@example.org",
            "consent": "on",
            "source": "doris-referral",
            "heard_from": "friend",
            "cv": upload("CV.pdf", make_pdf("Doris Anonym\nFlamencodansare")),
        },
    )
    assert response.status_code == 302
    run_until_idle()
    application = Application.objects.get()
    candidate = application.candidate
    other = make_application(
        make_job(recruiter=rita), email="doris@example.org", first_name="Doris"
    )
    add_note(application, rita, "Note about Doris")
    write_to_recruiter(application, "Hello from Doris")
    now = timezone.now()
    survey = Survey.objects.create(
        candidate=candidate,
        application=application,
        job=job,
        step="applied",
        source_event=123456,
        status=SurveyStatus.SENT,
        due_at=now,
        sent_at=now,
        expires_at=now + timedelta(days=3),
    )
    record_answer(
        survey, 7, "Doris thinks it was slow", {"1": {"question": "q", "answer": "Doris"}}
    )
    path = Document.objects.get(application=application).file.path
    assert search(Candidate.objects.all(), "flamencodansare", None).exists()

    kept = anonymise_application(application, actor=rita)

    assert not Application.objects.filter(pk=application.pk).exists()
    assert Application.objects.filter(pk=other.pk).exists()
    assert Candidate.objects.filter(pk=candidate.pk).exists()
    assert not Note.objects.exists() or not Note.objects.filter(body__contains="Doris").exists()
    assert not Event.objects.filter(application_id=application.pk).exists()
    assert not PortalMessage.objects.exists()
    assert not Message.objects.filter(body_text__contains="Hello from Doris").exists()
    assert not Message.objects.filter(application_id=application.pk).exists()
    assert not os.path.exists(path)
    assert not search(Candidate.objects.all(), "flamencodansare", None).exists()
    still_findable = search(Candidate.objects.all(), "doris", None).exists()
    assert still_findable, "the candidate is still findable"
    survey.refresh_from_db()
    answer = SurveyAnswer.objects.get()
    assert (survey.candidate_id, survey.application_id, survey.token_hash) == (None, None, None)
    assert (answer.score, answer.comment, answer.extra_answers) == (7, "", {})
    assert timezone.localtime(answer.created_at).day == 1
    assert timezone.localtime(survey.sent_at).day == 1
    assert kept.job == job
    assert kept.heard_from == "friend"
    assert kept.source == "other", "a one-off source could point at the person"
    assert kept.applied_month == timezone.localdate().replace(day=1)
    assert kept.decided_month is None and kept.outcome == "active"
    assert kept.stages_passed == [job.first_stage().pk]
    entry = AuditEntry.objects.get(action=Action.ANONYMISE)
    assert entry.target_id == str(application.pk) and entry.actor == rita


def test_a_common_source_is_kept(seeded, job):
    for _i in range(3):
        make_application(job, source="linkedin-ads")
    application = make_application(job, source="linkedin-ads")
    assert anonymise_application(application).source == "linkedin-ads"
    assert AnonymisedApplication.objects.count() == 1
