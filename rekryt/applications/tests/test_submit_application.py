from __future__ import annotations

import pytest

from conftest import make_application, make_job
from rekryt.applications.actions import Submission, submit_application
from rekryt.candidates.models import Candidate

pytestmark = pytest.mark.django_db


def test_it_does_not_rename_a_candidate_on_a_repeated_application(job):
    first = make_application(job, first_name="Sara", last_name="Berg", email="sara@example.org")
    again, created = submit_application(
        job, Submission(first_name="Mallory", last_name="X", email="SARA@example.org")
    )
    assert (again, created) == (first, False)
    candidate = Candidate.objects.get(email_normalised="sara@example.org")
    assert candidate.full_name == "Sara Berg"


def test_it_keeps_one_candidate_and_updates_details_on_a_new_application(job, rita):
    make_application(job, first_name="Sara", last_name="Berg", email="sara@example.org")
    other = make_job(recruiter=rita, title="Another job")
    make_application(other, first_name="Sara", last_name="Lund", email="Sara@Example.org")
    candidate = Candidate.objects.get()
    assert candidate.last_name == "Lund"
    assert candidate.applications.count() == 2
