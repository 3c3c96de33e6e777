"""Candidate search: one interface, two implementations.

The index has one row per application (`SearchEntry`), so a search can only
match text from applications the searcher may see: callers pass the
searcher's visible applications, and both the match and the snippets are
restricted to them. The query language is in `rekryt.candidates.query`.

SQLite: an FTS5 table over `SearchEntry.stems` (the words stemmed in Swedish
and in English, written here), kept in step by triggers. PostgreSQL: a stored
tsvector column (`swedish` || `english`) with a GIN index. Both created by
migration 0006. Both also hold a word naming the application's job
(`query.job_token`; PostgreSQL's since migration 0007, from `SearchEntry.job`),
so a searcher who sees a few jobs is narrowed to them inside the index and
only then checked against the exact scope.

Cost does not grow with the number of hits: the index gives the newest
RANK_WINDOW matches, those are ranked (bm25 / ts_rank) and the best shown;
a count that reaches the window is shown as "more than N"."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from rekryt.candidates import query as q
from rekryt.candidates import semantic
from rekryt.candidates.models import Candidate, Document, SearchEntry, TextStatus

MAX_DOCUMENT_CHARS = 200_000
RANK_WINDOW = 1000
MAX_HINT_JOBS = 200
SNIPPET_WORDS = 14
SNIPPET_SCAN_CHARS = 60_000
_WORD = re.compile(r"\w+", re.UNICODE)

# Each row: application id, its candidate, score. The candidate comes from
# the entries table in the same statement (a join on the window's few
# hundred rows), not from a second query over a thousand ids.
FTS_WINDOW = (
    "SELECT w.rowid, e.candidate_id, w.rank FROM ("
    "SELECT rowid, rank FROM candidates_search_fts WHERE candidates_search_fts MATCH %s"
    "{scope} ORDER BY rowid DESC LIMIT %s"
    ") AS w JOIN candidates_searchentry AS e ON e.application_id = w.rowid"
)
# With a scope of people (`ranked(people=…)`, those who consented): the
# entries' candidate is checked inside the window, so the window holds only
# them. FTS5 stays the outer loop (its rowid order), each match looked up in
# the entries table by primary key.
FTS_PEOPLE_WINDOW = (
    "SELECT f.rowid, e.candidate_id, f.rank FROM candidates_search_fts AS f "
    "JOIN candidates_searchentry AS e ON e.application_id = f.rowid "
    "WHERE candidates_search_fts MATCH %s AND e.candidate_id IN ({people}){scope} "
    "ORDER BY f.rowid DESC LIMIT %s"
)
PG_WINDOW = (
    "SELECT application_id, candidate_id, ts_rank(search_vector, {tsquery}) FROM ("
    "SELECT application_id, candidate_id, search_vector FROM candidates_searchentry "
    "WHERE search_vector @@ {tsquery}{scope} ORDER BY application_id DESC LIMIT %s"
    ") AS hits"
)

Hit = tuple[int, int, float]


def terms(query: str) -> list[str]:
    """The words a query looks for (operators and negated words left out)."""
    return [t.word for t in q.positive_words(q.parse(query))]


def words_of(*texts: str) -> str:
    # Stored as words only. PostgreSQL's parser would otherwise keep
    # "jk@firma.se" as one token, and "firma" would find nothing there.
    return " ".join(_WORD.findall("\n".join(t for t in texts if t)))[:MAX_DOCUMENT_CHARS]


def _stems(details: str, documents: str, job_id: int | None) -> str:
    """SQLite's index text; PostgreSQL stems in the database."""
    if connection.vendor == "postgresql":
        return ""
    return q.stemmed_text(f"{details} {documents}", job_id)


def index_details(
    application_id: int, candidate_id: int, texts: Iterable[str], job_id: int | None = None
) -> None:
    """Store the searchable details of one application (its snapshot, its
    texts, the candidate's own name and address)."""
    details = words_of(*texts)
    entry = SearchEntry.objects.filter(application_id=application_id).first()
    documents = entry.documents if entry else ""
    stems = _stems(details, documents, job_id)
    values = {"candidate_id": candidate_id, "job_id": job_id, "details": details, "stems": stems}
    if entry is None:
        SearchEntry.objects.create(application_id=application_id, **values)
    else:
        SearchEntry.objects.filter(application_id=application_id).update(**values)
    semantic.queue(application_id)


def index_documents(application_id: int) -> None:
    """Store the extracted text of the documents sent with one application.
    Documents not (yet) part of an application are never searched."""
    texts = Document.objects.filter(
        application_id=application_id, text_status=TextStatus.DONE
    ).values_list("text", flat=True)
    entry = (
        SearchEntry.objects.filter(application_id=application_id)
        .values("details", "application__job_id")
        .first()
    )
    if entry is None:
        return
    documents = words_of(*texts)
    stems = _stems(entry["details"], documents, entry["application__job_id"])
    SearchEntry.objects.filter(application_id=application_id).update(
        documents=documents, stems=stems
    )
    semantic.queue(application_id)


@dataclass
class Ranked:
    """The best matches: candidate ids best first (each once), the
    application whose text matched best for each, and whether there were
    more matches than the window holds."""

    candidate_ids: list[int] = field(default_factory=list)
    best_entry: dict[int, int] = field(default_factory=dict)
    more: bool = False

    @property
    def shown_count(self) -> int:
        return len(self.candidate_ids)


def ranked(
    query: str,
    visible_applications: QuerySet[Any] | None,
    order: str = "relevance",
    people: QuerySet[Any] | None = None,
) -> Ranked:
    """Candidates with a visible application matching `query`, best first
    (order "relevance") or newest application first ("newest"). `people`, a
    query of candidate ids (say, those whose consent is in force), narrows
    the match inside the index query, so the window is theirs alone."""
    node = q.parse(query)
    if node is None:
        return Ranked()
    rows = _window(node, visible_applications, _people_sql(people))
    if order == "relevance":
        rows.sort(key=lambda row: (row[2], -row[0]))
    result = Ranked(more=len(rows) >= RANK_WINDOW)
    for application_id, candidate_id, _score in rows:
        if candidate_id not in result.best_entry:
            result.best_entry[candidate_id] = application_id
            result.candidate_ids.append(candidate_id)
    if order == "relevance" and settings.SEMANTIC_SEARCH:
        words = [t.word for t in q.positive_words(node)]
        result.candidate_ids = semantic.rerank(words, result.candidate_ids, result.best_entry)
    return result


People = tuple[str, tuple[Any, ...]] | None


def _people_sql(people: QuerySet[Any] | None) -> People:
    if people is None:
        return None
    sql, params = people.order_by().query.sql_with_params()
    return sql, tuple(params)


def _window(node: q.Node, visible: QuerySet[Any] | None, people: People = None) -> list[Hit]:
    """(application id, candidate id, score: lower is better) of the newest
    RANK_WINDOW visible matches (of `people` only, when given)."""
    if connection.vendor == "postgresql":
        return _pg_window(node, visible, people)
    match = q.fts5(node)
    jobs = _few_jobs(visible)
    if visible is None or jobs is not None:
        # In the index only (narrowed to the jobs' tokens), then the exact scope.
        hinted = match if jobs is None else _within_jobs(match, jobs)
        return _in_scope(_fts(hinted, None, (), people), visible)
    sub, params = visible.order_by().values("pk").query.sql_with_params()
    return _fts(match, sub, params, people)


def _fts(match: str, sub: str | None, sub_params: Any, people: People) -> list[Hit]:
    """The FTS5 window, within the applications of `sub` when given."""
    if people is None:
        scope = f" AND rowid IN ({sub})" if sub else ""
        return _fetch(FTS_WINDOW.format(scope=scope), [match, *sub_params, RANK_WINDOW])
    scope = f" AND f.rowid IN ({sub})" if sub else ""
    sql = FTS_PEOPLE_WINDOW.format(people=people[0], scope=scope)
    return _fetch(sql, [match, *people[1], *sub_params, RANK_WINDOW])


def _pg_window(node: q.Node, visible: QuerySet[Any] | None, people: People) -> list[Hit]:
    tsq, params = q.tsquery(node)
    jobs = _few_jobs(visible)
    who, who_params = (f" AND candidate_id IN ({people[0]})", people[1]) if people else ("", ())
    if visible is None or jobs is not None:
        # As on SQLite: narrowed to the jobs' words in the index, then the
        # exact scope.
        hinted, hint_params = (tsq, params) if jobs is None else q.within_jobs(tsq, params, jobs)
        sql = PG_WINDOW.format(tsquery=hinted, scope=who)
        args = [*hint_params, *hint_params, *who_params, RANK_WINDOW]
        rows = _in_scope(_fetch(sql, args), visible)
    else:
        sub, scope_params = visible.order_by().values("pk").query.sql_with_params()
        sql = PG_WINDOW.format(tsquery=tsq, scope=f"{who} AND application_id IN ({sub})")
        rows = _fetch(sql, [*params, *params, *who_params, *scope_params, RANK_WINDOW])
    return [(pk, candidate, -score) for pk, candidate, score in rows]


def _in_scope(rows: list[Hit], visible: QuerySet[Any] | None) -> list[Hit]:
    """The exact scope after the index's narrowing by job words."""
    if visible is None or not rows:
        return rows
    kept = set(visible.filter(pk__in=[r[0] for r in rows]).values_list("pk", flat=True))
    return [row for row in rows if row[0] in kept]


def _fetch(sql: str, args: list[Any]) -> list[Hit]:
    with connection.cursor() as cursor:
        cursor.execute(sql, args)
        return [(row[0], row[1], float(row[2])) for row in cursor.fetchall()]


def _few_jobs(visible: QuerySet[Any] | None) -> list[int] | None:
    """The jobs of the visible applications when they are at most
    MAX_HINT_JOBS (a hiring manager's), else None."""
    if visible is None:
        return None
    found = visible.order_by().values_list("job_id", flat=True).distinct()
    jobs = list(found[: MAX_HINT_JOBS + 1])
    return jobs if len(jobs) <= MAX_HINT_JOBS else None


def _within_jobs(match: str, jobs: list[int]) -> str:
    if not jobs:
        return f'"{q.job_token(0)}"'
    return f"{match} AND (" + " OR ".join(f'"{q.job_token(j)}"' for j in jobs) + ")"


# Other places people can be found by (talent pools): callables taking
# (query, user) and returning (Ranked, {candidate id: text}) for what that
# user may see. Filled by apps below candidates in their AppConfig.ready().
SOURCES: list[Callable[[str, Any], tuple[Ranked, dict[int, str]]]] = []


def add_source(source: Callable[[str, Any], tuple[Ranked, dict[int, str]]]) -> None:
    SOURCES.append(source)


def with_sources(best: Ranked, query: str, user: Any) -> dict[int, str]:
    """Add the candidates the registered sources find after `best`'s own,
    and return the text to cut their snippets from."""
    texts: dict[int, str] = {}
    for source in SOURCES:
        found, found_texts = source(query, user)
        for candidate_id in found.candidate_ids:
            if candidate_id not in best.best_entry and len(best.candidate_ids) < RANK_WINDOW:
                best.candidate_ids.append(candidate_id)
                best.best_entry[candidate_id] = 0
                texts[candidate_id] = found_texts.get(candidate_id, "")
        best.more = best.more or found.more
    return texts


def search(
    candidates: QuerySet[Candidate], query: str, visible_applications: QuerySet[Any] | None
) -> QuerySet[Candidate]:
    """The candidates of `candidates` with a visible application among the
    best matches of `query`; all of `candidates` when it has no words."""
    if q.parse(query) is None:
        return candidates
    return candidates.filter(pk__in=ranked(query, visible_applications).candidate_ids)


def snippets(
    query: str, best_entry: dict[int, int], other: dict[int, str] | None = None
) -> dict[int, SafeString]:
    """A short excerpt around the matched words for each candidate, from the
    visible application that matched (`Ranked.best_entry`) or the `other`
    text a source found them by: one query."""
    words = q.positive_words(q.parse(query))
    if not words or not best_entry:
        return {}
    texts = SearchEntry.objects.filter(application_id__in=best_entry.values()).values_list(
        "application_id", "details", "documents"
    )
    by_entry = {pk: f"{details} {documents}" for pk, details, documents in texts}
    found = {}
    other = other or {}
    for candidate_id, application_id in best_entry.items():
        text = other.get(candidate_id) or by_entry.get(application_id, "")
        snippet = excerpt(text, words)
        if snippet:
            found[candidate_id] = snippet
    return found


def matcher(words: list[q.Term]) -> Any:
    """A test of one word against the query's words, stem by stem."""
    sv_stems = {q.stems(t.word)[0] for t in words if not t.prefix}
    en_stems = {q.stems(t.word)[1] for t in words if not t.prefix}
    prefixes = tuple(t.word for t in words if t.prefix)

    def matches(word: str) -> bool:
        lower = word.lower()
        if prefixes and lower.startswith(prefixes):
            return True
        sv, en = q.stems(lower)
        return sv in sv_stems or en in en_stems

    return matches


def excerpt(text: str, words: list[q.Term]) -> SafeString:
    """SNIPPET_WORDS words around the first match, matches in <mark>."""
    matches = matcher(words)
    tokens = _WORD.findall(text[:SNIPPET_SCAN_CHARS])
    first = next((i for i, token in enumerate(tokens) if matches(token)), None)
    if first is None:
        return SafeString("")
    start = max(0, first - 4)
    window = tokens[start : start + SNIPPET_WORDS]
    shown = [f"<mark>{escape(t)}</mark>" if matches(t) else str(escape(t)) for t in window]
    lead = "… " if start else ""
    tail = " …" if start + SNIPPET_WORDS < len(tokens) else ""
    return mark_safe(lead + " ".join(shown) + tail)  # noqa: S308 (escaped above)  # nosec B308 B703
