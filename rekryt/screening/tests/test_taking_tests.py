"""A candidate is invited on applying, opens the link (a GET changes
nothing), takes the logic test one item at a time — resumable, safe against
double submits, answers after the time limit refused politely — and the
recruiter reads the result with what it means and does not mean."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from conftest import make_application
from rekryt.messaging.models import Message
from rekryt.screening import invitations, logic
from rekryt.screening.models import AssessmentKind, Invitation, JobTest, Result

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def logic_job(job):
    JobTest.objects.create(job=job, kind=AssessmentKind.LOGIC, days_to_answer=7)
    return job


def link_in(message):
    return next(w for w in message.body_text.split() if "/tests/t/" in w)


def invited(job, **fields):
    application = make_application(job, **fields)
    invitation = Invitation.objects.get(application=application)
    return (
        application,
        invitation,
        Message.objects.get(kind=invitations.INVITED, application=application),
    )


def sign_in_through(client, message):
    path = "/" + link_in(message).split("/", 3)[3]
    assert client.get(path).status_code == 200
    assert not Result.objects.exists()  # a GET (a mail scanner) changes nothing
    return client.post(path)


def test_applying_invites_with_a_deadline_a_reminder_and_a_link(logic_job):
    application, invitation, message = invited(logic_job)
    assert invitation.deadline - timezone.now() > timedelta(days=6, hours=23)
    assert invitation.remind_at == invitation.deadline - invitations.REMIND_BEFORE
    assert "twelve number series" in message.body_text.lower()
    assert message.candidate_id == application.candidate_id
    assert message.send_after <= timezone.now()  # the candidate's own action: no delay


def test_a_whole_logic_test_through_the_pages(client, logic_job, rita):
    _application, invitation, message = invited(logic_job)
    response = sign_in_through(client, message)
    assert response.url == f"/portal/tests/{invitation.pk}/"
    page = f"/portal/tests/{invitation.pk}/"
    assert "Start" in client.get(page).content.decode()
    client.post(page, {"start": "1"})
    result = Result.objects.get()
    for item in logic.items(result.seed):
        html = client.get(page).content.decode()
        assert f"Question {item.index + 1} of 12" in html
        client.post(page, {"item": item.index, "choice": item.answer})
    result.refresh_from_db()
    assert result.score == 12 and result.percentile == 99 and result.is_complete
    assert result.valid_until > timezone.now() + timedelta(days=360)
    assert "12 of 12 right" in client.get(page).content.decode()
    client.force_login(rita)
    staff = client.get(f"/staff/applications/{invitation.application_id}/").content.decode()
    assert "12 of 12 right" in staff and "never use it alone to reject" in staff
    assert "simulated" in staff


def test_a_dropped_connection_goes_on_where_it_stopped_and_a_double_submit_counts_once(
    client, logic_job
):
    _application, invitation, message = invited(logic_job)
    sign_in_through(client, message)
    page = f"/portal/tests/{invitation.pk}/"
    client.post(page, {"start": "1"})
    client.post(page, {"start": "1"})  # pressed twice: still one sitting
    result = Result.objects.get()
    first = logic.items(result.seed)[0]
    client.post(page, {"item": 0, "choice": first.answer})
    wrong = next(o for o in first.options if o != first.answer)
    client.post(page, {"item": 0, "choice": wrong})  # the same form sent again
    result.refresh_from_db()
    assert result.answers == {"0": first.answer}
    assert "Question 2 of 12" in client.get(page).content.decode()  # resumed


def test_a_hostile_answer_is_refused_and_nothing_is_saved(client, logic_job):
    _application, invitation, message = invited(logic_job)
    sign_in_through(client, message)
    page = f"/portal/tests/{invitation.pk}/"
    client.post(page, {"start": "1"})
    for data in ({"item": "0", "choice": "99999999"}, {"item": "x", "choice": "1"}, {"item": "99"}):
        assert client.post(page, data).status_code == 400
    assert Result.objects.get().answers == {}


def test_an_answer_after_the_time_limit_is_refused_politely_and_earlier_ones_count(
    client, logic_job
):
    _application, invitation, message = invited(logic_job)
    sign_in_through(client, message)
    page = f"/portal/tests/{invitation.pk}/"
    client.post(page, {"start": "1"})
    result = Result.objects.get()
    items = logic.items(result.seed)
    for item in items[:3]:
        client.post(page, {"item": item.index, "choice": item.answer})
    in_time = timezone.now() + logic.TIME_LIMIT + logic.GRACE - timedelta(seconds=1)
    with time_machine.travel(in_time, tick=False):
        client.post(page, {"item": 3, "choice": items[3].answer})
    late = timezone.now() + logic.TIME_LIMIT + logic.GRACE + timedelta(seconds=1)
    with time_machine.travel(late, tick=False):
        response = client.post(page, {"item": 4, "choice": items[4].answer})
    html = response.content.decode()
    assert response.status_code == 200
    assert "arrived too late to count" in html and "nothing else is lost" in html
    result.refresh_from_db()
    assert result.is_complete and result.score == 4 and "4" not in result.answers


def test_someone_else_cannot_open_the_test(client, logic_job, job):
    _a, invitation, _m = invited(logic_job)
    _b, _other, message = invited(job)
    sign_in_through(client, message)
    assert client.get(f"/portal/tests/{invitation.pk}/").status_code == 404
    assert client.get("/tests/t/not-a-token/").status_code == 404
