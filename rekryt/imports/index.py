"""Imported people in candidate search. Someone brought in from a CSV file
or a JSON Resume usually has no application, so no SearchEntry: their
profile (name, address, the notes of their imports, their tags) gets a
ProfileEntry instead, in the same query language and stemming
(`rekryt.candidates.query`) and found through candidate search's sources.

Only those who see every candidate (admins and recruiters, the people who
import) find them this way: to anyone else an imported person is visible
only through an application, and then it is the application's own text
that is searched, never what the import said."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db import connection

from rekryt.candidates import query as q
from rekryt.candidates.models import Candidate
from rekryt.candidates.search import RANK_WINDOW, Ranked, words_of
from rekryt.imports.models import ImportedPerson, ProfileEntry

CHUNK = 500
FTS_WINDOW = (
    "SELECT rowid, rank FROM imports_profile_fts WHERE imports_profile_fts MATCH %s "
    "ORDER BY rowid DESC LIMIT %s"
)
PG_WINDOW = (
    "SELECT candidate_id, -ts_rank(search_vector, {tsquery}) FROM ("
    "SELECT candidate_id, search_vector FROM imports_profileentry "
    "WHERE search_vector @@ {tsquery} ORDER BY candidate_id DESC LIMIT %s) AS hits"
)


def index_profiles(candidate_ids: Iterable[int]) -> None:
    """(Re)write the profile entries of these imported people, a chunk at a
    time: three reads and two writes per CHUNK people."""
    ids = sorted(set(candidate_ids))
    for start in range(0, len(ids), CHUNK):
        _index_chunk(ids[start : start + CHUNK])


def _index_chunk(ids: list[int]) -> None:
    notes: dict[int, list[str]] = defaultdict(list)
    for candidate_id, note in ImportedPerson.objects.filter(candidate_id__in=ids).values_list(
        "candidate_id", "note"
    ):
        notes[candidate_id].append(note)
    entries = []
    for candidate in Candidate.objects.filter(pk__in=ids).prefetch_related("tags"):
        text = words_of(
            candidate.first_name,
            candidate.last_name,
            candidate.email,
            *notes[candidate.pk],
            *(tag.name for tag in candidate.tags.all()),
        )
        stems = "" if connection.vendor == "postgresql" else q.stemmed_text(text)
        entries.append(ProfileEntry(candidate=candidate, text=text, stems=stems))
    ProfileEntry.objects.filter(candidate_id__in=ids).delete()
    ProfileEntry.objects.bulk_create(entries)


def ranked_profiles(query: str) -> Ranked:
    node = q.parse(query)
    if node is None:
        return Ranked()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            tsq, params = q.tsquery(node)
            cursor.execute(PG_WINDOW.format(tsquery=tsq), [*params, *params, RANK_WINDOW])
        else:
            cursor.execute(FTS_WINDOW, [q.fts5(node), RANK_WINDOW])
        rows = [(pk, float(score)) for pk, score in cursor.fetchall()]
    rows.sort(key=lambda row: (row[1], -row[0]))
    result = Ranked(more=len(rows) >= RANK_WINDOW)
    for candidate_id, _score in rows:
        result.best_entry[candidate_id] = candidate_id
        result.candidate_ids.append(candidate_id)
    return result


def candidate_source(query: str, user: Any) -> tuple[Ranked, dict[int, str]]:
    """For candidate search (`candidates.search.add_source`): imported
    profiles matching `query`, and their text for the snippets."""
    if not user.sees_all_jobs:
        return Ranked(), {}
    found = ranked_profiles(query)
    texts = dict(
        ProfileEntry.objects.filter(candidate_id__in=found.candidate_ids).values_list(
            "candidate_id", "text"
        )
    )
    return found, texts
