"""Stemming in Swedish and English, boolean operators in both languages,
phrases, ranking and the capped count, through the candidates page, on SQLite
FTS5 and PostgreSQL (run with DATABASE_URL=postgres://… for the latter)."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.base import ContentFile

from conftest import make_application
from rekryt.applications.actions import Upload
from rekryt.candidates import query, search
from rekryt.candidates.models import DocumentKind, TextStatus

LIST = "/staff/candidates/"
PDF = b"%PDF-1.4\n%%EOF\n"


def with_cv(job, text, **fields):
    upload = Upload(
        kind=DocumentKind.CV,
        file=ContentFile(PDF, name="cv.pdf"),
        original_name="cv.pdf",
        content_type="application/pdf",
        size=len(PDF),
        sha256=hashlib.sha256(PDF).hexdigest(),
    )
    application = make_application(job, uploads=[upload], **fields)
    application.documents.update(text=text, text_status=TextStatus.DONE)
    search.index_documents(application.pk)
    return application.candidate


def found(client, q):
    response = client.get(LIST, {"q": q})
    assert response.status_code == 200
    return [c.first_name for c in response.context["page"].object_list]


@pytest.fixture
def cvs(job):
    with_cv(job, "Jag arbetar som utvecklaren i ett team i Malmö.", first_name="Ella")
    with_cv(job, "Senior developers wanted? I lead three developers in Java.", first_name="Sam")
    with_cv(job, "Lagerarbete och truckkort, erfaren truckförare.", first_name="Nils")
    with_cv(job, "Project manager with Java and SQL experience.", first_name="Pia")


def test_swedish_words_find_their_inflections(client, rita, cvs):
    client.force_login(rita)
    assert found(client, "utvecklare") == ["Ella"]
    assert found(client, "truckförarna") == ["Nils"]


def test_english_words_find_their_inflections(client, rita, cvs):
    client.force_login(rita)
    assert found(client, "developer") == ["Sam"]
    assert sorted(found(client, "managers")) == ["Pia"]


def test_boolean_operators_in_english_and_swedish(client, rita, cvs):
    client.force_login(rita)
    assert sorted(found(client, "java AND sql")) == ["Pia"]
    assert sorted(found(client, "java OCH sql")) == ["Pia"]
    assert sorted(found(client, "utvecklare OR truckkort")) == ["Ella", "Nils"]
    assert sorted(found(client, "utvecklare ELLER truckkort")) == ["Ella", "Nils"]
    assert sorted(found(client, "java NOT sql")) == ["Sam"]
    assert sorted(found(client, "java INTE sql")) == ["Sam"]
    assert found(client, "NOT java") == []


def test_a_lower_case_operator_is_a_word(client, rita, cvs):
    client.force_login(rita)
    # "och" is a word in Nils's CV only; "lagerarbete och" means both words.
    assert found(client, "lagerarbete och") == ["Nils"]
    assert found(client, "java and sql") == ["Pia"]


def test_phrases_match_words_in_order(client, rita, cvs):
    client.force_login(rita)
    assert found(client, '"senior developer"') == ["Sam"]
    assert found(client, '"developer senior"') == []


def test_snippets_mark_the_matched_words(client, rita, cvs):
    client.force_login(rita)
    response = client.get(LIST, {"q": "utvecklare"})
    assert "<mark>utvecklaren</mark>" in response.content.decode()


def test_the_more_frequent_match_ranks_first(client, rita, job):
    with_cv(job, "Java.  Cooking, gardening, sailing, running, reading.", first_name="Once")
    with_cv(job, "Java, Java, Java developer; Java architect.", first_name="Often")
    client.force_login(rita)
    assert found(client, "java") == ["Often", "Once"]


def test_counts_above_the_window_say_more_than(client, rita, job, monkeypatch):
    monkeypatch.setattr(search, "RANK_WINDOW", 2)
    for n in range(3):
        with_cv(job, "Python", first_name=f"P{n}")
    client.force_login(rita)
    response = client.get(LIST, {"q": "python"})
    assert response.context["more"] is True
    assert "More than" in response.content.decode()


def test_the_parser_never_passes_symbols_on():
    node = query.parse('a" OR (b NOT "c d) ) *')
    assert node is not None
    assert '"' not in "".join(t.word for t in query.positive_words(node))
    assert query.parse("((((((((x))))))))") is not None
    assert query.parse("NOT INTE OR") is None
