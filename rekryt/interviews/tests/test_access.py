"""Staff see only what their role and hiring teams allow: outsiders get 404
on every interview page; interviewers see only the interviews they are on
and never decide; hostile form input is refused without a 500."""

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import make_application, make_user
from rekryt.accounts.models import Role
from rekryt.interviews import scheduling
from rekryt.interviews.models import Interview, Slot, Status
from rekryt.interviews.tests.helpers import plan, slot

pytestmark = pytest.mark.django_db


@pytest.fixture
def booked(job, rita, ivan):
    job.team.add(ivan)
    step = plan(job)
    application = make_application(job)
    # Noon two days ahead: a window of hours around it never crosses midnight.
    noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    interview = scheduling.book_directly(application, step, noon + timedelta(days=2), [ivan], rita)
    return interview


def urls(interview):
    job, app, step = interview.application.job_id, interview.application_id, interview.step_id
    return [
        ("get", f"/staff/jobs/{job}/interviews/"),
        ("get", f"/staff/jobs/{job}/interviews/steps/{step}/"),
        ("get", f"/staff/jobs/{job}/interviews/compare/"),
        ("get", f"/staff/interviews/{interview.pk}/"),
        ("post", f"/staff/interviews/{interview.pk}/cancel/"),
        ("post", f"/staff/interviews/{interview.pk}/move/"),
        ("post", f"/staff/interviews/{interview.pk}/undo/"),
        ("post", f"/staff/applications/{app}/interviews/offer/"),
        ("post", f"/staff/applications/{app}/interviews/book/"),
        ("post", f"/staff/jobs/{job}/interviews/slots/"),
    ]


def test_a_manager_of_another_job_gets_404_everywhere(client, booked, otto):
    client.force_login(otto)
    for method, url in urls(booked):
        assert getattr(client, method)(url).status_code == 404, url


def test_an_interviewer_not_on_the_interview_sees_nothing_of_it(client, booked, job):
    other = make_user("olle", Role.INTERVIEWER)
    job.team.add(other)
    client.force_login(other)
    assert client.get(f"/staff/interviews/{booked.pk}/").status_code == 404
    page = client.get(f"/staff/applications/{booked.application_id}/").content.decode()
    assert f"/staff/interviews/{booked.pk}/" not in page


def test_an_interviewer_reads_their_kit_but_never_decides(client, booked, ivan):
    client.force_login(ivan)
    assert client.get(f"/staff/interviews/{booked.pk}/").status_code == 200
    for method, url in urls(booked):
        if f"/interviews/{booked.pk}/" in url and method == "get":
            continue
        assert getattr(client, method)(url).status_code == 404, url
    assert client.get("/staff/interviews/").status_code == 200


def test_hostile_staff_input_is_refused(client, booked, rita):
    client.force_login(rita)
    job = booked.application.job_id
    bad = {"step": "x", "day": "2027-13-45", "start": "25:00", "end": "", "buffer": "-1"}
    assert client.post(f"/staff/jobs/{job}/interviews/slots/", bad).status_code == 400
    app = booked.application_id
    assert (
        client.post(f"/staff/applications/{app}/interviews/book/", {"starts_at": "x"}).status_code
        == 302
    )
    assert (
        client.post(
            f"/staff/interviews/{booked.pk}/move/", {"starts_at": "1999-01-01T10:00"}
        ).status_code
        == 302
    )
    assert client.post(f"/staff/interviews/{booked.pk}/cancel/", {}).status_code == 302
    assert client.get(f"/staff/jobs/{job}/interviews/compare/?page=%00&x=' OR 1").status_code == 200
    assert Interview.objects.get().status == Status.BOOKED


def test_offering_times_skips_busy_interviewers(client, booked, rita, ivan):
    client.force_login(rita)
    start = timezone.localtime(booked.starts_at)
    data = {
        "step": booked.step_id,
        "day": start.date().isoformat(),
        "start": (start - timedelta(hours=2)).strftime("%H:%M"),
        "end": (start + timedelta(hours=3)).strftime("%H:%M"),
        "buffer": "15",
        "interviewers": [ivan.pk],
    }
    assert (
        client.post(f"/staff/jobs/{booked.application.job_id}/interviews/slots/", data).status_code
        == 302
    )
    made = Slot.objects.exclude(pk=booked.slot_id)
    assert made.count() >= 2
    for offered in made:
        assert offered.ends_at + timedelta(minutes=15) <= booked.starts_at or (
            offered.starts_at - timedelta(minutes=15) >= booked.ends_at
        )


def test_undo_a_direct_booking_before_anyone_hears(client, job, rita, ivan):
    job.team.add(ivan)
    step = plan(job)
    application = make_application(job)
    client.force_login(rita)
    when = timezone.localtime(timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT10:00")
    data = {"step": step.pk, "starts_at": when, "interviewers": [ivan.pk]}
    assert (
        client.post(f"/staff/applications/{application.pk}/interviews/book/", data).status_code
        == 302
    )
    interview = Interview.objects.get()
    assert interview.status == Status.BOOKED
    page = client.get(f"/staff/applications/{application.pk}/").content.decode()
    assert f"/staff/interviews/{interview.pk}/undo/" in page
    assert client.post(f"/staff/interviews/{interview.pk}/undo/").status_code == 302
    interview.refresh_from_db()
    assert interview.status == Status.CANCELLED and interview.slot is None
    from rekryt.messaging.models import Message

    assert set(
        Message.objects.filter(idempotency_key__startswith="iv:").values_list("status", flat=True)
    ) == {"cancelled"}
    assert not interview.reminders.filter(done_at__isnull=True).exists()
    slot(step)  # the step can be booked again
