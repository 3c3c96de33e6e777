"""The personality questionnaire page by page (an incomplete page comes back
with what was chosen), the portal's list of tests and results, and results
as personal data: exported, erased, and removed once expired and unused."""

import re
from datetime import timedelta

import pytest
import time_machine

from conftest import make_application
from rekryt.applications.anonymise import anonymise_application
from rekryt.messaging.models import Message
from rekryt.privacy.erasure import erase_candidate
from rekryt.privacy.export import collect
from rekryt.privacy.models import ErasureReason
from rekryt.screening import invitations, personality
from rekryt.screening.models import AssessmentKind, Invitation, JobTest, Result
from rekryt.screening.retention import RemoveExpiredResults
from rekryt.screening.sittings import save_answers, start

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def invitation(job):
    JobTest.objects.create(job=job, kind=AssessmentKind.PERSONALITY)
    return Invitation.objects.get(application=make_application(job))


def open_portal(client, invitation):
    message = Message.objects.get(kind=invitations.INVITED, application=invitation.application)
    path = re.search(r"/tests/t/[^/\s]+/", message.body_text).group(0)
    client.post(path)
    return f"/portal/tests/{invitation.pk}/"


def test_the_questionnaire_page_by_page(client, invitation):
    page = open_portal(client, invitation)
    client.post(page, {"start": "1"})
    html = client.get(page).content.decode()
    assert "I… Am the life of the party." in html and "Page 1 of 5" in html
    partial = {"page": "0", "s0": "5", "s1": "2"}
    response = client.post(page, partial)
    assert response.status_code == 400
    assert re.search(r'name="s0" value="5"[^>]*checked', response.content.decode())
    for number in range(personality.PAGES):
        answers = {f"s{s.index}": "4" for s in personality.page_of(number)}
        client.post(page, {"page": str(number), **answers})
    result = Result.objects.get()
    assert result.is_complete and set(result.traits) == set(personality.TRAITS)
    done = client.get(page).content.decode()
    assert "Extraversion" in done and "no type and no pass mark" in done


def test_a_resent_page_changes_nothing(client, invitation):
    page = open_portal(client, invitation)
    client.post(page, {"start": "1"})
    first = {f"s{s.index}": "4" for s in personality.page_of(0)}
    client.post(page, {"page": "0", **first})
    client.post(page, {"page": "0", **{k: "1" for k in first}})
    assert set(Result.objects.get().answers.values()) == {4}


def test_the_portal_lists_tests_and_results(client, invitation):
    page = open_portal(client, invitation)
    html = client.get("/portal/tests/").content.decode()
    assert "Take the test" in html and page in html
    result = start(invitation, "en")
    save_answers(result, {str(s.index): 3 for s in personality.STATEMENTS})
    html = client.get("/portal/tests/").content.decode()
    assert "valid until" in html.lower() and "Five traits" in html
    assert "/portal/tests/" in client.get("/portal/").content.decode()


def finished(invitation):
    result = start(invitation, "en")
    save_answers(result, {str(s.index): 3 for s in personality.STATEMENTS})
    result.refresh_from_db()
    return result


def test_results_are_in_the_export(invitation):
    result = finished(invitation)
    data = collect(invitation.application.candidate)
    assert data["test_results"][0]["id"] == result.pk
    assert data["test_results"][0]["answers"]["0"] == 3
    assert data["test_invitations"][0]["result_id"] == result.pk


def test_erasing_the_candidate_erases_their_results(invitation):
    finished(invitation)
    erasure = erase_candidate(invitation.application.candidate, reason=ErasureReason.REQUEST)
    assert not Result.objects.exists() and not Invitation.objects.exists()
    assert erasure.counts["test_results"] == 1


def test_an_expired_result_no_application_uses_is_removed_by_retention(invitation, org):
    result = finished(invitation)
    rule = RemoveExpiredResults()
    later = result.valid_until + timedelta(days=org.retention_grace_days + 1)
    with time_machine.travel(later, tick=False):
        assert rule.due(later) == []  # its application still uses it
        anonymise_application(invitation.application)
        items = rule.due(later)
        assert [i.pk for i in items] == [result.pk]
        assert rule.apply(items[0])
    assert not Result.objects.exists()


def test_a_valid_result_is_not_removed(invitation, org):
    result = finished(invitation)
    anonymise_application(invitation.application)
    just_before = result.valid_until + timedelta(days=org.retention_grace_days) - timedelta(hours=1)
    assert RemoveExpiredResults().due(just_before) == []
