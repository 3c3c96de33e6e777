"""Optional semantic re-ranking (SEMANTIC_SEARCH): off by default and then
nothing changes; on, the worker embeds every entry and the keyword results
come back in another order, never with anyone added or left out. Runs
only where the optional packages are installed (CI installs them)."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings

from conftest import make_application
from rekryt.candidates import semantic
from rekryt.candidates.models import Embedding
from rekryt.candidates.search import ranked
from rekryt.lib import embeddings
from rekryt.ops.duties import run_until_idle

pytestmark = pytest.mark.skipif(
    not embeddings.available(), reason="the optional semantic packages are not installed"
)

TEXTS = [
    "Registered nurse, I care for elderly patients on a hospital ward.",
    "I take care of the invoices and the bookkeeping for a small firm.",
    "Car care: I wash, polish and wax cars at a petrol station.",
    "I care about clean code and write Java services all day.",
    "Skin care products are what I sell in a department store.",
    "I take care of the lawn and hedges in a large garden.",
    "Hair care and colouring at my own salon in town.",
    "I care for the company's servers and network switches.",
]


@pytest.fixture
def people(job, settings):
    settings.SEMANTIC_SEARCH = False
    made = [make_application(job, about=text) for text in TEXTS]
    keyword = ranked("care", None).candidate_ids
    settings.SEMANTIC_SEARCH = True
    run_until_idle()  # the extraction lane's duty embeds them all
    return made, keyword


def test_it_is_off_by_default():
    assert django_settings.SEMANTIC_SEARCH is False


def test_the_worker_embeds_every_entry_as_a_unit_vector(people):
    made, _keyword = people
    stored = Embedding.objects.filter(pk__in=[a.pk for a in made]).exclude(vector=None)
    assert stored.count() == len(made)
    vector = embeddings.from_bytes(bytes(stored.first().vector))
    assert vector.shape == (embeddings.DIM,)
    assert abs(float(vector @ vector) - 1.0) < 1e-4


def test_re_ranking_changes_the_order_but_never_the_set(people):
    _made, keyword = people
    reranked = ranked("care", None).candidate_ids
    assert reranked != keyword
    assert sorted(reranked) == sorted(keyword)


def test_the_new_order_is_the_models_similarity(people, monkeypatch):
    made, keyword = people
    monkeypatch.setattr(semantic, "KEYWORD_WEIGHT", 1.0)
    assert ranked("care", None).candidate_ids == keyword
    monkeypatch.setattr(semantic, "KEYWORD_WEIGHT", 0.0)
    query = embeddings.embed(["care"])[0]
    vectors = dict(Embedding.objects.values_list("pk", "vector"))
    by_candidate = {a.candidate_id: a.pk for a in made}

    def closeness(candidate_id):
        return float(embeddings.from_bytes(bytes(vectors[by_candidate[candidate_id]])) @ query)

    assert ranked("care", None).candidate_ids == sorted(keyword, key=closeness, reverse=True)


def test_off_or_without_the_packages_the_keyword_order_stays(people, settings, monkeypatch):
    _made, keyword = people
    settings.SEMANTIC_SEARCH = False
    assert ranked("care", None).candidate_ids == keyword
    settings.SEMANTIC_SEARCH = True
    monkeypatch.setattr(embeddings, "available", lambda: False)
    assert ranked("care", None).candidate_ids == keyword


def test_a_changed_entry_is_embedded_again(people):
    made, _keyword = people
    from rekryt.candidates.search import index_documents

    index_documents(made[0].pk)
    assert Embedding.objects.get(pk=made[0].pk).vector is None
    run_until_idle()
    assert Embedding.objects.get(pk=made[0].pk).vector is not None


def test_the_check_warns_when_it_is_on_without_the_packages(settings, monkeypatch):
    from rekryt.candidates.checks import check_semantic_packages

    settings.SEMANTIC_SEARCH = True
    assert check_semantic_packages() == []
    monkeypatch.setattr(embeddings, "available", lambda: False)
    assert [m.id for m in check_semantic_packages()] == ["candidates.W001"]
    settings.SEMANTIC_SEARCH = False
    assert check_semantic_packages() == []
