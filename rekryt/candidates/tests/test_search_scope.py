"""Search sees only what the searcher may see: matches, snippets and the
query count, through the candidates page, on SQLite FTS5 and PostgreSQL."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import make_application, make_job
from rekryt.applications.actions import Upload
from rekryt.candidates.models import DocumentKind, TextStatus
from rekryt.candidates.search import index_documents

LIST = "/staff/candidates/"
PDF = b"%PDF-1.4\n%%EOF\n"


def apply_with_cv(job, text, **fields):
    upload = Upload(
        kind=DocumentKind.CV,
        file=ContentFile(PDF, name="cv.pdf"),
        original_name="cv.pdf",
        content_type="application/pdf",
        size=len(PDF),
        sha256=hashlib.sha256(PDF).hexdigest(),
    )
    application = make_application(job, uploads=[upload], **fields)
    # What the extraction duty does once it has read the file.
    application.documents.update(text=text, text_status=TextStatus.DONE)
    index_documents(application.pk)
    return application


def results(client, query):
    response = client.get(LIST, {"q": query})
    assert response.status_code == 200
    return response, [c.email for c in response.context["page"].object_list]


@pytest.fixture
def sara(job, other_job):
    """Sara applied to `job` (hanna's) with a plain CV and to `other_job`
    (otto's) with a CV naming a past employer."""
    apply_with_cv(job, "Warehouse work and forklift licence.", email="sara@example.org")
    return apply_with_cv(
        other_job, "Sales at Quixotronic AB for ten years.", email="sara@example.org"
    ).candidate


def test_words_from_a_cv_sent_to_an_invisible_job_find_nothing(client, hanna, sara):
    client.force_login(hanna)
    assert results(client, "quixotronic")[1] == []
    assert results(client, "forklift")[1] == ["sara@example.org"]


def test_the_team_of_the_other_job_finds_them_by_those_words(client, otto, sara):
    client.force_login(otto)
    assert results(client, "quixotronic")[1] == ["sara@example.org"]
    assert results(client, "forklift")[1] == []


def test_recruiters_search_every_application(client, rita, sara):
    client.force_login(rita)
    assert results(client, "quixotronic")[1] == ["sara@example.org"]
    assert results(client, "forklift")[1] == ["sara@example.org"]


def test_snippets_show_only_visible_text(client, hanna, otto, sara):
    client.force_login(hanna)
    page = results(client, "sara")[0].content.decode()
    assert "Quixotronic" not in page
    page = results(client, "forklift")[0].content.decode()
    assert "<mark>forklift</mark>" in page.lower()
    client.force_login(otto)
    page = results(client, "quixotronic")[0].content.decode()
    assert "<mark>Quixotronic</mark>" in page
    assert "forklift" not in page


def test_every_word_must_match_within_one_visible_application(client, rita, sara):
    # "forklift" is in one application, "quixotronic" in the other.
    client.force_login(rita)
    assert results(client, "forklift quixotronic")[1] == []


def test_a_snippet_is_escaped(client, rita, job):
    apply_with_cv(job, "Knows <script>alert(1)</script> well", email="x@example.org")
    client.force_login(rita)
    page = results(client, "alert")[0].content.decode()
    assert "<script>alert" not in page


@pytest.mark.parametrize("persona", ["rita", "hanna"])
def test_the_search_page_costs_the_same_queries_for_3_or_30_matches(
    client, request, persona, job, other_job
):
    client.force_login(request.getfixturevalue(persona))

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(LIST, {"q": "welder"})
        assert response.status_code == 200
        return len(captured)

    for n in range(3):
        apply_with_cv(job, f"Certified welder number {n}", email=f"w{n}@example.org")
    few = queries()
    for n in range(3, 30):
        apply_with_cv(make_job(), f"Certified welder number {n}", email=f"w{n}@example.org")
        apply_with_cv(job, f"Certified welder again {n}", email=f"w{n}@example.org")
    assert queries() == few


def test_each_entry_knows_its_job(job, other_job):
    from rekryt.candidates.models import SearchEntry

    mine = apply_with_cv(job, "Forklift.", email="ina@example.org")
    theirs = apply_with_cv(other_job, "Forklift.", email="ola@example.org")
    jobs = dict(SearchEntry.objects.values_list("application_id", "job_id"))
    assert jobs == {mine.pk: job.pk, theirs.pk: other_job.pk}


def test_a_hiring_manager_is_narrowed_to_their_jobs_inside_the_index(
    client, hanna, job, other_job, monkeypatch
):
    """With a window of two, three newer matches on a job hanna cannot see
    would leave her nothing if the index did not narrow to her job first."""
    monkeypatch.setattr("rekryt.candidates.search.RANK_WINDOW", 2)
    apply_with_cv(job, "Forklift licence.", email="hers@example.org")
    for n in range(3):
        apply_with_cv(other_job, "Forklift licence.", email=f"other{n}@example.org")
    client.force_login(hanna)
    assert results(client, "forklift")[1] == ["hers@example.org"]
