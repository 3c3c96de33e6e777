"""Referees and their answers are in the candidate's export (contact details
only for those the candidate named), erased with the candidate together
with the emails sent to referees, and removed when the application is
anonymised under retention."""

import pytest

from rekryt.applications.anonymise import anonymise_application
from rekryt.messaging.models import Message
from rekryt.privacy.erasure import erase_candidate
from rekryt.privacy.export import collect
from rekryt.references.models import Item, Referee, ReferenceRequest
from rekryt.references.tests.helpers import answer_url, full_answers, referee, requested

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(client, application, rita):
    (first, raw1), (_second, _raw2) = requested(application, rita)
    client.post(answer_url(raw1), {**full_answers(first, "ANSWER-MARKER"), "send": "1"})
    referee(application, 9, actor=rita, email="added@staff.example", name="Staff Added")
    return application


def test_the_export_holds_referees_and_answers(answered):
    data = collect(answered.candidate)["referees"]
    named = next(r for r in data if r["name"] == "Referent 1")
    assert named["email"] == "referent1@bolag1.se" and named["named_by"] == "candidate"
    assert named["agreed_to_be_contacted_at"]
    texts = [a["text"] for a in named["requests"][0]["answers"]]
    assert "ANSWER-MARKER" in texts
    added = next(r for r in data if r["name"] == "Staff Added")
    assert added["email"] is None and added["phone"] is None
    assert added["relation"] == "manager" and added["named_by"] == "recruiter"


def test_erasure_removes_referees_answers_and_their_emails(answered):
    assert Message.objects.filter(idempotency_key__startswith="ref:").exists()
    erase_candidate(answered.candidate, reason="test")
    assert not Referee.objects.exists() and not ReferenceRequest.objects.exists()
    assert not Item.objects.exists()
    assert not Message.objects.filter(idempotency_key__startswith="ref:").exists()
    assert not Message.objects.filter(to_email__startswith="referent").exists()


def test_anonymising_the_application_removes_them(answered):
    anonymise_application(answered)
    assert not Referee.objects.exists() and not Item.objects.exists()
    assert not Message.objects.filter(to_email__startswith="referent").exists()


def test_a_referee_is_erased_at_their_own_request(client, answered, rita):
    from rekryt.applications.models import Event, EventKind

    gone = Referee.objects.get(name="Referent 1")
    client.force_login(rita)
    url = f"/staff/applications/{answered.pk}/referees/{gone.pk}/erase/"
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    assert not Referee.objects.filter(pk=gone.pk).exists()
    assert not Item.objects.filter(text="ANSWER-MARKER").exists()
    assert not Message.objects.filter(to_email="referent1@bolag1.se").exists()
    assert Message.objects.filter(to_email="referent2@bolag2.se").exists()
    event = Event.objects.get(application=answered, kind=EventKind.REFEREE_ERASED)
    assert "Referent" not in str(event.data)
