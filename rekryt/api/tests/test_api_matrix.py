"""Role × endpoint × scope: a token acts as its user, so it sees and does
what the pages let that user see and do, and nothing beyond its scopes.

alice admin, rita recruiter, hanna hiring manager on `job`, otto hiring
manager on `other_job` only, ivan interviewer on no job, inga interviewer
on `job` and on its interview."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import make_application, make_user
from rekryt.accounts.models import Role, User
from rekryt.api.models import SCOPES
from rekryt.api.tests.helpers import assert_problem, get, ids, post, token_for
from rekryt.applications.actions import add_note
from rekryt.applications.models import Application, RejectionReason
from rekryt.interviews import scheduling
from rekryt.interviews.models import Interview, Scorecard
from rekryt.interviews.tests.helpers import plan
from rekryt.jobs.models import Job
from rekryt.onboarding.tests.helpers import hire

pytestmark = pytest.mark.django_db

SEE_JOB = {"alice", "rita", "hanna", "inga"}
DECIDE = {"alice", "rita", "hanna"}
PERSONAS = ["alice", "rita", "hanna", "otto", "ivan", "inga"]


@dataclass
class World:
    job: Job
    application: Application
    note_pk: int
    interview: Interview
    scorecard: Scorecard
    users: dict[str, User]
    onboarding_pk: int


@pytest.fixture
def world(job: Job, other_job: Job, alice, rita, hanna, otto, ivan) -> World:
    inga = make_user("inga", Role.INTERVIEWER)
    job.team.add(inga)
    application = make_application(job)
    make_application(other_job)
    note = add_note(application, rita, "Strong portfolio.")
    interview = scheduling.book_directly(
        application, plan(job), timezone.now() + timedelta(days=2), [inga], rita
    )
    card = Scorecard.objects.create(
        interview=interview, interviewer=inga, recommendation="yes", submitted_at=timezone.now()
    )
    users = {"alice": alice, "rita": rita, "hanna": hanna, "otto": otto, "ivan": ivan}
    users["inga"] = inga
    hired = hire(job, rita)
    return World(job, application, note.pk, interview, card, users, hired.pk)


def detail_urls(w: World) -> dict[str, str]:
    a = w.application
    return {
        "jobs": f"/api/v1/jobs/{w.job.pk}",
        "stages": f"/api/v1/stages/{a.stage_id}",
        "candidates": f"/api/v1/candidates/{a.candidate_id}",
        "applications": f"/api/v1/applications/{a.pk}",
        "notes": f"/api/v1/notes/{w.note_pk}",
        "interviews": f"/api/v1/interviews/{w.interview.pk}",
        "scorecards": f"/api/v1/scorecards/{w.scorecard.pk}",
        "handovers": f"/api/v1/handovers/{w.onboarding_pk}",
    }


# Who sees each detail: interviewers see interviews they are on, not others'.
DETAIL_SEEN = {
    "jobs": SEE_JOB,
    "stages": SEE_JOB,
    "candidates": SEE_JOB,
    "applications": SEE_JOB,
    "notes": SEE_JOB,
    "interviews": SEE_JOB,
    "scorecards": SEE_JOB,
    # As the hand-over page: not for interviewers (Onboarding.visible_to).
    "handovers": DECIDE,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_details_are_seen_by_those_the_pages_show_them_to(client, world, persona):
    raw = token_for(world.users[persona])
    for resource, url in detail_urls(world).items():
        response = get(client, url, raw)
        if persona in DETAIL_SEEN[resource]:
            assert response.status_code == 200, (persona, url)
        else:
            assert_problem(response, 404)


LISTS = {
    "jobs": lambda w: w.job.pk,
    "stages": lambda w: w.application.stage_id,
    "candidates": lambda w: w.application.candidate_id,
    "applications": lambda w: w.application.pk,
    "events": lambda w: w.application.events.first().pk,
    "notes": lambda w: w.note_pk,
    "messages": lambda w: w.application.messages.first().pk,
    "interviews": lambda w: w.interview.pk,
    "scorecards": lambda w: w.scorecard.pk,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_lists_hold_only_what_the_user_may_see(client, world, persona):
    raw = token_for(world.users[persona])
    for resource, pick in LISTS.items():
        listed = ids(get(client, f"/api/v1/{resource}?limit=200", raw))
        assert (pick(world) in listed) == (persona in SEE_JOB), (persona, resource)


def test_an_interviewer_not_on_the_interview_does_not_see_it(client, world):
    other = make_user("olle", Role.INTERVIEWER)
    world.job.team.add(other)
    raw = token_for(other)
    assert_problem(get(client, f"/api/v1/interviews/{world.interview.pk}", raw), 404)
    assert world.interview.pk not in ids(get(client, "/api/v1/interviews", raw))
    # ...but sees the application, as on the pages.
    assert get(client, f"/api/v1/applications/{world.application.pk}", raw).status_code == 200


def writes(w: World) -> list[tuple[str, str, dict[str, Any], set[str], int]]:
    a = w.application
    reason = RejectionReason.objects.filter(kind="declined").first()
    second = w.job.stages.all()[1]
    return [
        ("notes", f"/api/v1/applications/{a.pk}/notes", {"body": "Hej"}, SEE_JOB, 201),
        ("tags", f"/api/v1/applications/{a.pk}/tags", {"name": "Java"}, DECIDE, 200),
        ("applications", f"/api/v1/applications/{a.pk}/move", {"stage_id": second.pk}, DECIDE, 200),
        (
            "applications",
            f"/api/v1/applications/{a.pk}/outcome",
            {"outcome": "rejected", "reason_id": reason.pk},
            DECIDE,
            200,
        ),
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_writes_are_allowed_as_on_the_pages(client, world, persona):
    raw = token_for(world.users[persona])
    for _resource, url, body, allowed, status in writes(world):
        response = post(client, url, raw, body)
        if persona in allowed:
            assert response.status_code == status, (persona, url, response.content)
        else:
            assert_problem(response, 404)
        Application.objects.filter(pk=world.application.pk).update(outcome="active")


@pytest.mark.parametrize("persona", PERSONAS)
def test_adding_a_candidate_is_for_those_who_decide_on_the_job(client, world, persona):
    raw = token_for(world.users[persona])
    body = {"job_id": world.job.pk, "first_name": "Ny", "email": f"{persona}@example.net"}
    response = post(client, "/api/v1/applications", raw, body)
    if persona in DECIDE:
        assert response.status_code == 201, response.content
    elif persona == "inga":
        assert_problem(response, 403)  # sees the job, may not decide
    else:
        assert_problem(response, 404 if persona == "otto" else 403)


def test_every_endpoint_needs_its_scope(client, world):
    alice = world.users["alice"]
    for resource, url in detail_urls(world).items():
        others = [s for s in SCOPES if not s.startswith(f"{resource}:")]
        assert_problem(get(client, url, token_for(alice, others)), 403)
        assert get(client, url, token_for(alice, [f"{resource}:read"])).status_code == 200
    for resource in ("events", "messages", "tags", "questions", "offers", "pools"):
        url = f"/api/v1/{resource}"
        others = [s for s in SCOPES if not s.startswith(f"{resource}:")]
        assert_problem(get(client, url, token_for(alice, others)), 403)
        assert get(client, url, token_for(alice, [f"{resource}:read"])).status_code == 200


def test_a_read_scope_does_not_write(client, world):
    alice = world.users["alice"]
    for resource, url, body, _allowed, _status in writes(world):
        reading = token_for(alice, [f"{resource}:read", "applications:read"])
        assert_problem(post(client, url, reading, body), 403)
    assert world.application.notes.count() == 1
