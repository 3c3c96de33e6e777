"""Who may open and post to the board and application pages.

Outsiders get 404 (never 403), anonymous visitors the login page, and
interviewers on the team may read and add notes but never decide."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import make_application, make_user
from rekryt.applications.actions import set_outcome
from rekryt.applications.models import Event, Outcome


def get_urls(application):
    job = application.job
    return [
        reverse("board", args=[job.pk]),
        reverse("board", args=[job.pk]) + "?ended=1",
        reverse("board_column", args=[job.pk, application.stage_id]),
        reverse("application_detail", args=[application.pk]),
    ]


def decide_posts(application):
    """POSTs that change stage or outcome, with data that would succeed."""
    stages = list(application.job.stages.all())
    return [
        (reverse("application_move", args=[application.pk]), {"stage": stages[1].pk}),
        (reverse("application_outcome", args=[application.pk]), {"outcome": "hired"}),
        (reverse("application_reopen", args=[application.pk]), {}),
    ]


def note_post(application):
    return reverse("application_note", args=[application.pk]), {"body": "Strong portfolio."}


@pytest.fixture
def mine(job):
    return make_application(job)


@pytest.fixture
def theirs(other_job):
    return make_application(other_job)


def test_anonymous_visitors_are_sent_to_login(client, mine):
    for url in get_urls(mine):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url
    for url, data in [*decide_posts(mine), note_post(mine)]:
        response = client.post(url, data)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url
    assert not Event.objects.exclude(kind__in=["created", "message_queued"]).exists()


def test_an_interviewer_on_no_job_gets_404_everywhere(client, ivan, mine, theirs):
    client.force_login(ivan)
    for application in (mine, theirs):
        for url in get_urls(application):
            assert client.get(url).status_code == 404, url
        for url, data in [*decide_posts(application), note_post(application)]:
            assert client.post(url, data).status_code == 404, url
    assert not Event.objects.filter(actor=ivan).exists()


def test_a_hiring_manager_gets_404_on_another_teams_job(client, otto, mine, theirs):
    client.force_login(otto)
    for url in get_urls(mine):
        assert client.get(url).status_code == 404, url
    for url, data in [*decide_posts(mine), note_post(mine)]:
        assert client.post(url, data).status_code == 404, url
    for url in get_urls(theirs):
        assert client.get(url).status_code == 200, url
    assert not Event.objects.filter(actor=otto).exists()


def test_a_hiring_manager_may_decide_on_their_teams_job(client, hanna, mine):
    client.force_login(hanna)
    for url in get_urls(mine):
        assert client.get(url).status_code == 200, url
    move, outcome, reopen = decide_posts(mine)
    assert client.post(*move).status_code == 302
    assert client.post(*outcome).status_code == 302
    assert client.post(*reopen).status_code == 302
    assert client.post(*note_post(mine)).status_code == 302
    kinds = set(Event.objects.filter(actor=hanna).values_list("kind", flat=True))
    # A hire starts an onboarding and reopening cancels it (rekryt.onboarding).
    kinds -= {"onboarding_started", "onboarding_cancelled"}
    assert kinds == {"stage_moved", "outcome_set", "reopened", "note_added"}


@pytest.mark.parametrize("persona", ["alice", "rita"])
def test_admins_and_recruiters_see_every_job(client, request, persona, mine, theirs):
    client.force_login(request.getfixturevalue(persona))
    for application in (mine, theirs):
        for url in get_urls(application):
            assert client.get(url).status_code == 200, url


def test_an_interviewer_on_the_team_may_read_and_note_but_not_decide(client, rita, mine):
    iris = make_user("iris", "interviewer")
    mine.job.team.add(iris)
    client.force_login(iris)
    for url in get_urls(mine):
        assert client.get(url).status_code == 200, url
    for url, data in decide_posts(mine):
        assert client.post(url, data).status_code == 404, url
    set_outcome(mine, Outcome.HIRED, rita)
    reopen_url, _data = decide_posts(mine)[2]
    assert client.post(reopen_url).status_code == 404
    assert client.post(*note_post(mine)).status_code == 302
    assert list(Event.objects.filter(actor=iris).values_list("kind", flat=True)) == ["note_added"]


def test_the_pages_refuse_the_wrong_method(client, rita, mine):
    client.force_login(rita)
    assert client.post(reverse("board", args=[mine.job_id])).status_code == 405
    assert client.get(reverse("application_move", args=[mine.pk])).status_code == 405
    assert client.get(reverse("application_note", args=[mine.pk])).status_code == 405
