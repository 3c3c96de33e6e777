"""A candidate offered times chooses one in the portal (plain forms, times in
the zone they choose), may ask for others, move or cancel with a reason;
two candidates racing for one time: one wins, the other is told kindly."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from conftest import make_application
from rekryt.applications.models import Event, EventKind
from rekryt.interviews import scheduling
from rekryt.interviews.models import Interview, Status
from rekryt.interviews.tests.helpers import plan, slot
from rekryt.messaging.models import Message
from rekryt.portal.tests.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def offered(job, rita, ivan):
    job.team.add(ivan)
    step = plan(job)
    times = [slot(step, timezone.now() + timedelta(days=d), [ivan]) for d in (2, 3)]
    application = make_application(job)
    interview = scheduling.offer(application, step, rita)
    return interview, times


def test_the_candidate_sees_the_offer_and_books_a_time(client, offered):
    interview, times = offered
    sign_in(client, interview.application)
    home = client.get("/portal/").content.decode()
    assert f"/portal/interviews/{interview.pk}/" in home
    page = client.get(f"/portal/interviews/{interview.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f'value="{times[0].pk}"' in html and 'name="tz"' in html
    response = client.post(f"/portal/interviews/{interview.pk}/", {"slot": times[1].pk})
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.status == Status.BOOKED and interview.slot == times[1]
    assert list(interview.interviewers.all()) == list(times[1].interviewers.all())
    # Chosen by the candidate: the invitations go at once, not after an undo delay.
    invite = Message.objects.get(kind="interview_booked")
    assert invite.send_after <= timezone.now()
    assert Event.objects.filter(kind=EventKind.INTERVIEW_BOOKED).exists()
    ics = client.get(f"/portal/interviews/{interview.pk}/interview.ics")
    assert ics["Content-Type"].startswith("text/calendar")
    assert b"TZID=Europe/Stockholm" in ics.content


def test_times_show_in_the_zone_the_candidate_chooses(client, offered):
    interview, times = offered
    sign_in(client, interview.application)
    url = f"/portal/interviews/{interview.pk}/"
    local = timezone.localtime(times[0].starts_at).strftime("%H:%M")
    assert local in client.get(url).content.decode()
    tokyo = times[0].starts_at.astimezone(__import__("zoneinfo").ZoneInfo("Asia/Tokyo"))
    assert tokyo.strftime("%H:%M") in client.get(url + "?tz=Asia/Tokyo").content.decode()
    # Remembered, and a hostile value changes nothing.
    assert tokyo.strftime("%H:%M") in client.get(url + "?tz=<script>").content.decode()


def test_a_taken_time_is_refused_kindly(client, offered, job, rita):
    interview, times = offered
    other = scheduling.offer(make_application(job), interview.step, rita)
    scheduling.book(other, times[0], None, by_candidate=True)
    sign_in(client, interview.application)
    response = client.post(f"/portal/interviews/{interview.pk}/", {"slot": times[0].pk})
    assert response.status_code == 409
    assert "Please choose another one" in response.content.decode()
    interview.refresh_from_db()
    assert interview.status == Status.OFFERED


def test_hostile_input_gets_no_500(client, offered):
    interview, _times = offered
    sign_in(client, interview.application)
    url = f"/portal/interviews/{interview.pk}/"
    assert client.post(url, {"slot": "1 OR 1=1"}).status_code == 409
    assert client.post(url, {"slot": ["x"] * 50}).status_code == 409
    assert client.post(url + "cancel/", {"reason": ""}).status_code == 400
    assert client.get(url + "?tz=" + "A" * 5000).status_code == 200


def test_asking_for_other_times_tells_the_recruiter(client, offered, rita):
    interview, _times = offered
    sign_in(client, interview.application)
    response = client.post(
        f"/portal/interviews/{interview.pk}/other-times/", {"times": "Fredagar efter 15"}
    )
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.times_asked == "Fredagar efter 15"
    assert Message.objects.filter(kind="interview_times_asked", to_email=rita.email).exists()


def test_the_candidate_moves_and_cancels_with_a_reason(client, offered):
    interview, times = offered
    sign_in(client, interview.application)
    url = f"/portal/interviews/{interview.pk}/"
    client.post(url, {"slot": times[0].pk})
    client.post(url, {"slot": times[1].pk})
    interview.refresh_from_db()
    assert interview.slot == times[1] and interview.sequence == 1
    assert not Interview.objects.filter(slot=times[0]).exists()
    Message.objects.update(status="sent")
    assert (
        client.post(url + "cancel/", {"reason": "Jag har fått ett annat jobb"}).status_code == 302
    )
    interview.refresh_from_db()
    assert interview.status == Status.CANCELLED and interview.cancelled_by_candidate
    assert Message.objects.filter(kind="interviewer_cancelled").exists()
    assert client.get(url).status_code == 404


def test_someone_else_cannot_open_the_interview(client, offered, job):
    interview, _times = offered
    sign_in(client, make_application(job))
    assert client.get(f"/portal/interviews/{interview.pk}/").status_code == 404
    assert client.get(f"/portal/interviews/{interview.pk}/interview.ics").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_two_candidates_racing_for_one_time_one_wins(seeded, job, rita, ivan):
    """Real concurrency: two threads book the same slot at once, on SQLite
    (IMMEDIATE transactions take turns) and PostgreSQL (the unique slot)."""
    job.team.add(ivan)
    step = plan(job)
    contested = slot(step, timezone.now() + timedelta(days=2), [ivan])
    first = scheduling.offer(make_application(job), step, rita)
    second = scheduling.offer(make_application(job), step, rita)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def race(interview):
        try:
            barrier.wait()
            scheduling.book(interview, contested, None, by_candidate=True)
            outcomes.append("won")
        except scheduling.SlotTaken:
            outcomes.append("taken")
        finally:
            connection.close()

    threads = [threading.Thread(target=race, args=(i,)) for i in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["taken", "won"]
    assert Interview.objects.filter(slot=contested).count() == 1
    assert Interview.objects.filter(status=Status.BOOKED).count() == 1
