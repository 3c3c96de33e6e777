"""Staff pages: who may see what (admins and recruiters everywhere, a
hiring manager on the job's team only, interviewers and outsiders 404),
the plan form, the checklist, the hand-over document, and constant
queries on the upcoming starts as hires grow."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rekryt.onboarding.models import Onboarding, Task
from rekryt.onboarding.tests.helpers import hire

pytestmark = pytest.mark.django_db


@pytest.fixture
def onboarding(job, rita):
    return hire(job, rita, start=date(2027, 3, 1))


def urls(o):
    task = o.tasks.first()
    base = f"/staff/onboarding/{o.pk}/"
    return [base, base + "handover/", base + "handover.json"], [
        base + "invite/",
        base + "done/",
        f"/staff/onboarding/tasks/{task.pk}/done/",
    ]


@pytest.mark.parametrize(
    "who,sees", [("alice", True), ("rita", True), ("hanna", True), ("otto", False), ("ivan", False)]
)
def test_role_matrix(client, onboarding, who, sees, request):
    user = request.getfixturevalue(who)
    client.force_login(user)
    pages, posts = urls(onboarding)
    for url in pages:
        assert client.get(url).status_code == (200 if sees else 404), url
    listing = client.get("/staff/onboarding/").content.decode()
    assert (onboarding.application.full_name in listing) == sees
    if not sees:
        for url in posts:
            assert client.post(url).status_code == 404, url
        onboarding.refresh_from_db()
        assert onboarding.status == "preparing" and not Task.objects.exclude(done_at=None).exists()


def test_anonymous_visitors_go_to_the_login_page(client, onboarding):
    response = client.get(f"/staff/onboarding/{onboarding.pk}/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_plan_saves_and_bad_links_are_refused_keeping_the_text(client, onboarding, hanna):
    client.force_login(hanna)
    url = f"/staff/onboarding/{onboarding.pk}/"
    bad = client.post(
        url,
        {
            "start_date": "2027-03-08",
            "start_time": "09:00",
            "welcome_sv": "Hej!",
            "videos": "javascript:alert(1)",
        },
    )
    assert bad.status_code == 400 and "Hej!" in bad.content.decode()
    ok = client.post(
        url,
        {
            "start_date": "2027-03-08",
            "start_time": "08:30",
            "welcome_sv": "Hej!",
            "videos": "https://video.example.com/a",
            "people": [hanna.pk],
            "met_by": hanna.pk,
        },
    )
    assert ok.status_code == 302
    onboarding.refresh_from_db()
    assert onboarding.start_date == date(2027, 3, 8) and onboarding.met_by == hanna
    assert list(onboarding.people.all()) == [hanna]
    assert onboarding.tasks.filter(due_date__gte=date(2027, 3, 8)).exists()
    assert client.post(url, {"start_date": "not a date"}).status_code == 400


def test_the_checklist_is_ticked_off_and_the_handover_lists_it(client, onboarding, hanna):
    client.force_login(hanna)
    task = onboarding.tasks.first()
    client.post(f"/staff/onboarding/tasks/{task.pk}/done/", {"done": "1"})
    task.refresh_from_db()
    assert task.done_by == hanna and task.remind_at is None
    assert client.post(f"/staff/onboarding/{onboarding.pk}/done/").status_code == 302
    data = client.get(f"/staff/onboarding/{onboarding.pk}/handover.json").json()
    assert data["status"] == "done" and data["start_date"] == "2027-03-01"
    done = [t for t in data["checklist"] if t["done_by"]]
    assert [t["task"] for t in done] == [task.title_sv]
    page = client.get(f"/staff/onboarding/{onboarding.pk}/handover/").content.decode()
    assert task.title in page or task.title_sv in page


def test_hostile_ids_and_query_strings_give_404_not_500(client, rita, onboarding):
    client.force_login(rita)
    assert client.get("/staff/onboarding/999999/").status_code == 404
    assert client.get("/staff/onboarding/?page=<script>&x=" + "A" * 3000).status_code == 200
    assert client.post("/staff/onboarding/tasks/999999/done/").status_code == 404
    assert (
        client.post(
            f"/staff/onboarding/tasks/{onboarding.tasks.first().pk}/assign/", {"user": "x"}
        ).status_code
        == 302
    )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_upcoming_starts_page_keeps_its_query_count(client, job, rita):
    client.force_login(rita)
    hire(job, rita, start=date(2027, 3, 1))
    small = count_queries(client, "/staff/onboarding/")
    for day in range(2, 8):
        hire(job, rita, start=date(2027, 3, day))
    assert count_queries(client, "/staff/onboarding/") == small
    assert Onboarding.objects.count() == 7


def test_detail_page_keeps_its_query_count(client, job, rita, hanna, alice):
    client.force_login(rita)
    o = hire(job, rita, start=date(2027, 3, 1))
    small = count_queries(client, f"/staff/onboarding/{o.pk}/")
    o.people.set([rita, hanna, alice])
    for task in o.tasks.all():
        task.done_by = hanna
        task.save()
    assert count_queries(client, f"/staff/onboarding/{o.pk}/") == small
