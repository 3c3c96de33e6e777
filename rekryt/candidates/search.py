"""Candidate search: one small interface, two implementations.

The index has one row per application (`SearchEntry`), so a search can only
match text from applications the searcher may see: callers pass the
searcher's visible applications, and both the match and the snippets are
restricted to them. SQLite uses an FTS5 table over the entry's two columns,
kept in step by triggers; PostgreSQL a GIN index over
to_tsvector('simple', details || ' ' || documents). Both match every word of
the query as a prefix. The index is created by migration 0004."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from rekryt.candidates.models import Candidate, Document, SearchEntry, TextStatus

MAX_TERMS = 8
MAX_DOCUMENT_CHARS = 200_000
SNIPPET_WORDS = 14
_WORD = re.compile(r"\w+", re.UNICODE)
# Marks around matched words in snippets; never in stored text (words only).
_OPEN, _CLOSE = "\x02", "\x03"
PG_MATCH = (
    "SELECT application_id FROM candidates_searchentry "
    "WHERE to_tsvector('simple', details || ' ' || documents) @@ to_tsquery('simple', %s)"
)
PG_HEADLINE = "ts_headline('simple', details || ' ' || documents, to_tsquery('simple', %s), %s)"
FTS_MATCH = "SELECT rowid FROM candidates_search_fts WHERE candidates_search_fts MATCH %s"
FTS_SNIPPETS = (
    "SELECT rowid, snippet(candidates_search_fts, -1, %s, %s, '…', %s) "
    "FROM candidates_search_fts WHERE candidates_search_fts MATCH %s "
    "AND rowid IN (SELECT value FROM json_each(%s))"
)


def terms(query: str) -> list[str]:
    """Words only: operators and quotes typed by the user are never passed on."""
    return [w.lower() for w in _WORD.findall(query)][:MAX_TERMS]


def words_of(*texts: str) -> str:
    # Stored as the same words `terms` makes of a query. PostgreSQL's parser
    # would otherwise keep "jk@firma.se" or "kubernetes.io" as one token, and
    # "firma" would find nothing there while it does on SQLite.
    return " ".join(_WORD.findall("\n".join(t for t in texts if t)))[:MAX_DOCUMENT_CHARS]


def index_details(application_id: int, candidate_id: int, texts: Iterable[str]) -> None:
    """Store the searchable details of one application (its snapshot, its
    texts, the candidate's own name and address)."""
    updated = SearchEntry.objects.filter(application_id=application_id).update(
        candidate_id=candidate_id, details=words_of(*texts)
    )
    if not updated:
        SearchEntry.objects.create(
            application_id=application_id, candidate_id=candidate_id, details=words_of(*texts)
        )


def index_documents(application_id: int) -> None:
    """Store the extracted text of the documents sent with one application.
    Documents not (yet) part of an application are never searched."""
    texts = Document.objects.filter(
        application_id=application_id, text_status=TextStatus.DONE
    ).values_list("text", flat=True)
    SearchEntry.objects.filter(application_id=application_id).update(documents=words_of(*texts))


def matching(query: str, visible_applications: QuerySet[Any] | None) -> QuerySet[SearchEntry]:
    """Entries matching every word of `query` among `visible_applications`
    (None: the searcher may see every application)."""
    entries = SearchEntry.objects.filter(application_id__in=_match_sql(terms(query)))
    if visible_applications is not None:
        entries = entries.filter(application_id__in=visible_applications.values("pk"))
    return entries


def _match_sql(words: list[str]) -> RawSQL:
    if connection.vendor == "postgresql":
        return RawSQL(PG_MATCH, [_tsquery(words)])  # noqa: S611 (constant SQL, bound params)  # nosec B611
    return RawSQL(FTS_MATCH, [_fts_query(words)])  # noqa: S611 (constant SQL, bound params)  # nosec B611


def _tsquery(words: list[str]) -> str:
    return " & ".join(f"{w}:*" for w in words)


def _fts_query(words: list[str]) -> str:
    return " ".join(f'"{w}"*' for w in words)


def search(
    candidates: QuerySet[Candidate], query: str, visible_applications: QuerySet[Any] | None
) -> QuerySet[Candidate]:
    """The candidates of `candidates` with a visible application matching
    `query`; all of `candidates` when the query has no words."""
    if not terms(query):
        return candidates
    ids = matching(query, visible_applications).values("candidate_id")
    return candidates.filter(pk__in=ids)


def snippets(
    query: str, visible_applications: QuerySet[Any] | None, candidate_ids: list[int]
) -> dict[int, SafeString]:
    """A short excerpt around the matched words for each candidate, from
    their visible matching applications only: two queries on SQLite, one on
    PostgreSQL, whatever the number of candidates."""
    words = terms(query)
    if not words or not candidate_ids:
        return {}
    entries = matching(query, visible_applications).filter(candidate_id__in=candidate_ids)
    if connection.vendor == "postgresql":
        options = f"StartSel={_OPEN}, StopSel={_CLOSE}, MaxWords={SNIPPET_WORDS}, MinWords=5"
        headline = RawSQL(
            "ts_headline('simple', details || ' ' || documents, to_tsquery('simple', %s), %s)",
            [_tsquery(words), options],
        )
        headlines = entries.annotate(snippet=headline).values_list("candidate_id", "snippet")
        return _first_per_candidate(headlines)
    by_application = dict(entries.values_list("application_id", "candidate_id")[:500])
    if not by_application:
        return {}
    params: list[Any] = [
        _OPEN,
        _CLOSE,
        SNIPPET_WORDS,
        _fts_query(words),
        json.dumps(list(by_application)),
    ]
    with connection.cursor() as cursor:
        cursor.execute(FTS_SNIPPETS, params)
        rows = [(by_application[rowid], text) for rowid, text in cursor.fetchall()]
    return _first_per_candidate(sorted(rows, key=lambda row: row[0]))


def _first_per_candidate(rows: Iterable[tuple[int, str]]) -> dict[int, SafeString]:
    found: dict[int, SafeString] = {}
    for candidate_id, text in rows:
        if candidate_id not in found and text:
            found[candidate_id] = highlight(text)
    return found


def highlight(text: str) -> SafeString:
    """The snippet escaped, with the database's marks turned into <mark>."""
    safe = escape(text).replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")
    return mark_safe(safe)  # noqa: S308 (escaped above)  # nosec B308 B703
