"""Candidate search through the candidates page, on SQLite FTS5 and PostgreSQL.

Run on PostgreSQL with DATABASE_URL=postgres://… (see the README)."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.base import ContentFile

from conftest import make_application
from rekryt.applications.actions import Upload
from rekryt.candidates.models import Candidate, DocumentKind, TextStatus
from rekryt.candidates.search import index_documents, search

LIST = "/staff/candidates/"
PDF = b"%PDF-1.4\n%%EOF\n"


def with_cv_text(job, text, **fields):
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
    document = application.documents.get()
    document.text = text
    document.text_status = TextStatus.DONE
    document.save()
    index_documents(application.pk)
    return application.candidate


def found(client, query):
    response = client.get(LIST, {"q": query})
    assert response.status_code == 200
    return sorted(c.full_name for c in response.context["page"].object_list)


@pytest.fixture
def people(job):
    make_application(job, first_name="Åsa", last_name="Ekström", email="asa.e@example.org")
    make_application(job, first_name="Johan", last_name="Karlsson", email="jk@firma.example")
    with_cv_text(
        job,
        "Senior Kubernetes engineer. Terraform and PostgreSQL in production.",
        first_name="Mira",
        last_name="Holm",
        email="mira@example.org",
    )


def test_it_finds_by_first_and_last_name(client, rita, people):
    client.force_login(rita)
    assert found(client, "johan") == ["Johan Karlsson"]
    assert found(client, "Karlsson") == ["Johan Karlsson"]
    assert found(client, "johan karlsson") == ["Johan Karlsson"]


def test_it_matches_whole_words_unless_a_prefix_is_asked_for(client, rita, people):
    client.force_login(rita)
    assert found(client, "karl") == []
    assert found(client, "karl*") == ["Johan Karlsson"]


def test_it_finds_names_with_swedish_letters(client, rita, people):
    client.force_login(rita)
    assert found(client, "Ekström") == ["Åsa Ekström"]
    assert found(client, "åsa") == ["Åsa Ekström"]


def test_it_finds_by_email(client, rita, people):
    client.force_login(rita)
    assert found(client, "jk@firma.example") == ["Johan Karlsson"]
    assert found(client, "firma") == ["Johan Karlsson"]


def test_it_finds_words_in_the_cv_text(client, rita, people):
    client.force_login(rita)
    assert found(client, "kubernetes") == ["Mira Holm"]
    assert found(client, "terraform postgresql") == ["Mira Holm"]
    assert found(client, "kubernetes cobol") == []


def test_it_ignores_operators_and_quotes_typed_by_the_user(client, rita, people):
    client.force_login(rita)
    assert found(client, '"johan" * ( ) ^ : "') == ["Johan Karlsson"]
    assert found(client, "' ; DROP TABLE candidates_candidate; --") == []
    assert Candidate.objects.count() == 3


def test_an_empty_query_lists_everyone(client, rita, people):
    client.force_login(rita)
    assert len(found(client, "   ")) == 3


def test_search_stays_within_what_the_user_may_see(client, otto, people, other_job):
    make_application(other_job, first_name="Johanna", last_name="Sälj")
    client.force_login(otto)
    assert found(client, "joh*") == ["Johanna Sälj"]
    assert found(client, "kubernetes") == []


def test_search_interface_filters_a_queryset(people):
    assert [c.first_name for c in search(Candidate.objects.all(), "mira", None)] == ["Mira"]
