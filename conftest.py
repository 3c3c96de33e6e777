"""Named personas and small factories shared by every app's tests.

alice: admin · rita: recruiter · hanna: hiring manager on `job` ·
otto: hiring manager on `other_job` only · ivan: interviewer on no job (an outsider)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.core.cache import cache

from rekryt.accounts.models import Organisation, Role, User
from rekryt.applications.actions import Submission
from rekryt.applications.models import Application
from rekryt.applications.submissions import submit_application
from rekryt.jobs.actions import create_job, publish_job
from rekryt.jobs.models import Job

_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    cache.clear()


QUERY_COUNT_FIXTURES = {"django_assert_num_queries", "django_assert_max_num_queries"}


@pytest.fixture(autouse=True)
def _still_clock_for_query_counts(request: Any) -> Iterator[None]:
    """Tests that count queries (named for it, or asking for a
    django_assert_*num_queries fixture) run with the clock stopped. On a
    loaded machine, building their data can outlast the staff session's
    30-second last-seen interval or the organisation's one-minute cache, and
    either adds queries to a request that did nothing different."""
    counts = "quer" in request.node.name or QUERY_COUNT_FIXTURES & set(request.fixturenames)
    if not counts:
        yield
        return
    from django.utils import timezone

    with time_machine.travel(timezone.now(), tick=False):
        yield


DATA_MIGRATIONS = [
    "rekryt.jobs.migrations.0002_default_stages",
    "rekryt.applications.migrations.0003_default_reasons",
    "rekryt.messaging.migrations.0002_default_templates",
    "rekryt.jobs.migrations.0004_stage_automation_defaults",
    "rekryt.applications.migrations.0006_default_candidate_emails",
    "rekryt.portal.migrations.0002_default_templates",
    "rekryt.portal.migrations.0003_data_export_templates",
    "rekryt.promises.migrations.0002_default_templates",
    "rekryt.surveys.migrations.0002_survey_defaults",
    "rekryt.privacy.migrations.0002_default_templates",
    "rekryt.applications.migrations.0011_repeated_application_email",
    "rekryt.references.migrations.0002_default_template",
]


@pytest.fixture
def seeded(transactional_db: Any) -> None:
    """The rows the data migrations create, for transactional tests: each of
    those empties every table when it ends, so the next one would find no
    stage templates, rejection reasons or email templates."""
    from importlib import import_module

    from django.apps import apps

    for name in DATA_MIGRATIONS:
        import_module(name).create(apps, None)  # each is idempotent


def make_user(username: str, role: str) -> User:
    return User.objects.create_user(
        username=username,
        password="pw-" + username,
        email=f"{username}@example.com",
        first_name=username.capitalize(),
        role=role,
    )


@pytest.fixture
def org(db: Any) -> Organisation:
    org = Organisation.get()
    org.name = "Exempelbolaget AB"
    org.privacy_contact = "privacy@example.com"
    org.save()
    return org


@pytest.fixture
def alice(db: Any) -> User:
    return make_user("alice", Role.ADMIN)


@pytest.fixture
def rita(db: Any) -> User:
    return make_user("rita", Role.RECRUITER)


@pytest.fixture
def hanna(db: Any) -> User:
    return make_user("hanna", Role.HIRING_MANAGER)


@pytest.fixture
def otto(db: Any) -> User:
    return make_user("otto", Role.HIRING_MANAGER)


@pytest.fixture
def ivan(db: Any) -> User:
    return make_user("ivan", Role.INTERVIEWER)


def make_job(recruiter: User | None = None, publish: bool = True, **fields: Any) -> Job:
    n = next(_counter)
    defaults: dict[str, Any] = {
        "title": f"Backend Developer {n}",
        "department": "Engineering",
        "city": "Stockholm",
        "description": "Build the product with us. " * 5,
        "salary_min": 45000,
        "salary_max": 60000,
        "language": "en",
    }
    defaults.update(fields)
    job = create_job(actor=recruiter, **defaults)
    if publish:
        publish_job(job, actor=recruiter)
    return job


@pytest.fixture
def job(org: Organisation, rita: User, hanna: User) -> Job:
    job = make_job(recruiter=rita)
    job.team.add(hanna)
    return job


@pytest.fixture
def other_job(org: Organisation, rita: User, otto: User) -> Job:
    job = make_job(recruiter=rita, title="Sales Lead", department="Sales", city="Göteborg")
    job.team.add(otto)
    return job


def make_application(job: Job, **fields: Any) -> Application:
    n = next(_counter)
    data: dict[str, Any] = {
        "first_name": f"Kandidat{n}",
        "last_name": "Testsson",
        "email": f"kandidat{n}@example.org",
        "about": "I like building things.",
        "language": job.language,
    }
    data.update(fields)
    return submit_application(job, Submission(**data)).application


@pytest.fixture
def application(job: Job) -> Application:
    return make_application(job)
