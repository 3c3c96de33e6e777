"""Optional semantic re-ranking of candidate search (SEMANTIC_SEARCH, off by
default): the keyword search decides who matches; this only re-orders the
best RERANK_TOP of them by how close their application's text is to the
query's words in an English sentence-embedding model (`rekryt.lib.embeddings`).
Nobody is added or left out. An entry is embedded by the extraction lane's
duty `embed_search_entries` when it is indexed or changes; until then it
keeps its keyword place. Without the optional packages nothing changes."""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from rekryt.candidates.models import Embedding, SearchEntry
from rekryt.lib import embeddings
from rekryt.lib.claims import claim_batch, release
from rekryt.lib.duty import EXTRACTION, Duty

log = logging.getLogger(__name__)

RERANK_TOP = 100
# The share of the keyword order in the final order (the rest is the model's).
KEYWORD_WEIGHT = 0.3
# What is embedded of an entry: the model reads at most 256 word pieces.
EMBED_CHARS = 2000
BATCH = 8
LEASE = timedelta(minutes=5)


def enabled() -> bool:
    return bool(settings.SEMANTIC_SEARCH) and embeddings.available()


def queue(application_id: int) -> None:
    """An entry was written: embed it (again) in the background."""
    if not settings.SEMANTIC_SEARCH:
        return
    if not Embedding.objects.filter(pk=application_id).update(vector=None, claimed_until=None):
        Embedding.objects.get_or_create(entry_id=application_id)


@lru_cache(maxsize=256)
def _query_vector(text: str) -> Any:
    return embeddings.embed([text])[0]


def rerank(words: list[str], candidate_ids: list[int], best_entry: dict[int, int]) -> list[int]:
    """`candidate_ids` (best first) with the first RERANK_TOP re-ordered by
    KEYWORD_WEIGHT × keyword place + the rest × cosine similarity; the same
    ids, in another order."""
    top = candidate_ids[:RERANK_TOP]
    if len(top) < 2 or not words or not enabled():
        return candidate_ids
    stored = Embedding.objects.filter(
        pk__in=[best_entry[c] for c in top], vector__isnull=False
    ).values_list("pk", "vector")
    vectors = {pk: embeddings.from_bytes(bytes(v)) for pk, v in stored if v is not None}
    if not vectors:
        return candidate_ids
    query = _query_vector(" ".join(words))
    similarity = {pk: float(v @ query) for pk, v in vectors.items()}
    neutral = sum(similarity.values()) / len(similarity)
    n = len(top)

    def score(item: tuple[int, int]) -> float:
        place, candidate_id = item
        keyword = 1.0 - place / n
        semantic = similarity.get(best_entry[candidate_id], neutral)
        return KEYWORD_WEIGHT * keyword + (1 - KEYWORD_WEIGHT) * semantic

    ordered = sorted(enumerate(top), key=lambda item: (-score(item), item[0]))
    return [c for _place, c in ordered] + candidate_ids[RERANK_TOP:]


PENDING_FOR_MISSING = (
    "INSERT INTO candidates_embedding (entry_id, vector, claimed_until, updated_at) "
    "SELECT e.application_id, NULL, NULL, %s FROM candidates_searchentry AS e "
    "WHERE NOT EXISTS (SELECT 1 FROM candidates_embedding AS m "
    "WHERE m.entry_id = e.application_id)"
)


class EmbedSearchEntries(Duty):
    """Embed waiting search entries, BATCH at a time (extraction lane).

    1. Once per worker process, queue every entry without an embedding (the
       entries indexed before the feature was switched on): one statement.
    2. Claim up to BATCH waiting embeddings (a lease, as everywhere).
    3. Embed the start of each entry's text and store the vectors."""

    name = "embed_search_entries"
    lane = EXTRACTION

    def __init__(self) -> None:
        self.backfilled = False

    def handle_one(self) -> int:
        if not enabled():
            return 0
        if not self.backfilled:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(PENDING_FOR_MISSING, [timezone.now()])
            self.backfilled = True
        waiting = Embedding.objects.filter(vector__isnull=True).order_by("-entry_id")
        rows = claim_batch(waiting, LEASE, BATCH)
        if not rows:
            return 0
        found = SearchEntry.objects.filter(pk__in=[r.pk for r in rows])
        texts = {
            pk: f"{d} {docs}" for pk, d, docs in found.values_list("pk", "details", "documents")
        }
        wanted = [texts.get(r.pk, "")[:EMBED_CHARS] for r in rows]
        vectors = embeddings.embed(wanted)
        now = timezone.now()
        for row, vector in zip(rows, vectors, strict=True):
            release(row, vector=embeddings.to_bytes(vector), updated_at=now)
        return len(rows)
