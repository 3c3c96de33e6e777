"""Who sees references: the job's deciders (admins, recruiters, its hiring
managers) see the panel and the report; interviewers and staff outside the
job see neither (404). A candidate sees only their own applications'
referees."""

import pytest

from conftest import make_application
from rekryt.portal.tokens import mint
from rekryt.references.models import Referee
from rekryt.references.tests.helpers import answer_url, full_answers, referee, requested

pytestmark = pytest.mark.django_db


def portal_sign_in(client, application):
    assert client.post(f"/portal/t/{mint(application.candidate)}/").status_code == 302


@pytest.fixture
def with_answer(client, application, rita):
    [(request, raw)] = requested(application, rita, count=1)
    client.post(answer_url(raw), {**full_answers(request, "SECRET-ANSWER"), "send": "1"})
    return application


@pytest.mark.parametrize("persona", ["alice", "rita", "hanna"])
def test_deciders_on_the_job_see_the_panel_and_the_report(client, with_answer, persona, request):
    client.force_login(request.getfixturevalue(persona))
    page = client.get(f"/staff/applications/{with_answer.pk}/")
    assert 'id="references"' in page.text
    report = client.get(f"/staff/applications/{with_answer.pk}/references/")
    assert report.status_code == 200 and "SECRET-ANSWER" in report.text


def test_an_interviewer_on_the_job_sees_neither(client, with_answer, ivan):
    with_answer.job.team.add(ivan)
    client.force_login(ivan)
    page = client.get(f"/staff/applications/{with_answer.pk}/")
    assert page.status_code == 200
    assert 'id="references"' not in page.text and "SECRET-ANSWER" not in page.text
    assert client.get(f"/staff/applications/{with_answer.pk}/references/").status_code == 404


def test_a_hiring_manager_of_another_job_gets_404(client, with_answer, otto):
    client.force_login(otto)
    assert client.get(f"/staff/applications/{with_answer.pk}/references/").status_code == 404
    response = client.post(f"/staff/applications/{with_answer.pk}/references/send/")
    assert response.status_code == 404


def test_a_candidate_cannot_see_or_change_anothers_referees(client, job, application):
    referee(application, 1)
    other = make_application(job)
    portal_sign_in(client, other)
    assert client.get(f"/portal/references/{application.pk}/").status_code == 404
    mine = Referee.objects.get(application=application)
    url = f"/portal/references/{other.pk}/{mine.pk}/remove/"
    assert client.post(url).status_code == 404
    assert Referee.objects.filter(pk=mine.pk).exists()


def test_the_portal_page_needs_a_portal_session(client, application):
    response = client.get(f"/portal/references/{application.pk}/")
    assert response.status_code == 302 and "/portal/" in response["Location"]
