"""Candidate search: one small interface, two implementations.

SQLite uses an FTS5 table kept in step with `SearchEntry` by triggers;
PostgreSQL uses a GIN index over to_tsvector('simple', document). Both match
every word of the query as a prefix. Both are created by migration 0002."""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from rekryt.candidates.models import Candidate, Document, SearchEntry, TextStatus

MAX_TERMS = 8
MAX_DOCUMENT_CHARS = 200_000
_WORD = re.compile(r"\w+", re.UNICODE)


def terms(query: str) -> list[str]:
    """Words only: operators and quotes typed by the user are never passed on."""
    return [w.lower() for w in _WORD.findall(query)][:MAX_TERMS]


def document_for(candidate: Candidate) -> str:
    texts = Document.objects.filter(candidate=candidate, text_status=TextStatus.DONE).values_list(
        "text", flat=True
    )
    parts = [candidate.first_name, candidate.last_name, candidate.email, *texts]
    # Stored as the same words `terms` makes of a query. PostgreSQL's parser
    # would otherwise keep "jk@firma.se" or "kubernetes.io" as one token, and
    # "firma" would find nothing there while it does on SQLite.
    return " ".join(_WORD.findall("\n".join(parts)))[:MAX_DOCUMENT_CHARS]


def index_candidate(candidate: Candidate) -> None:
    SearchEntry.objects.update_or_create(
        candidate=candidate, defaults={"document": document_for(candidate)}
    )


def search(queryset: QuerySet[Candidate], query: str) -> QuerySet[Candidate]:
    words = terms(query)
    if not words:
        return queryset
    if connection.vendor == "postgresql":
        tsquery = " & ".join(f"{w}:*" for w in words)
        sql = (
            "SELECT candidate_id FROM candidates_searchentry "
            "WHERE to_tsvector('simple', document) @@ to_tsquery('simple', %s)"
        )
        return queryset.filter(pk__in=RawSQL(sql, [tsquery]))  # noqa: S611 (constant SQL, bound params)  # nosec B611
    match = " ".join(f'"{w}"*' for w in words)
    sql = "SELECT rowid FROM candidates_search_fts WHERE candidates_search_fts MATCH %s"
    return queryset.filter(pk__in=RawSQL(sql, [match]))  # noqa: S611 (constant SQL, bound params)  # nosec B611
