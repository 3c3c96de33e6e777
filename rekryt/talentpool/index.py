"""The members' search index, in the same query language and stemming as
candidate search (`rekryt.candidates.query`): SQLite FTS5 over
`MemberEntry.stems`, PostgreSQL a stored `swedish` || `english` tsvector.
Ranked in the index over the newest RANK_WINDOW matches."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import QuerySet

from rekryt.candidates import query as q
from rekryt.candidates.search import RANK_WINDOW, Ranked, words_of
from rekryt.talentpool.models import Member, MemberEntry

FTS_WINDOW = (
    "SELECT rowid, rank FROM talentpool_member_fts WHERE talentpool_member_fts MATCH %s "
    "ORDER BY rowid DESC LIMIT %s"
)
PG_WINDOW = (
    "SELECT member_id, -ts_rank(search_vector, {tsquery}) FROM ("
    "SELECT member_id, search_vector FROM talentpool_memberentry "
    "WHERE search_vector @@ {tsquery} ORDER BY member_id DESC LIMIT %s) AS hits"
)


def index_member(member: Member) -> None:
    """Store what a member can be found by."""
    answers = member.answers.values_list("question_sv", "question_en", "value")
    tags = member.candidate.tags.values_list("name", flat=True)
    text = words_of(
        member.pool.name_sv,
        member.pool.name_en,
        member.note,
        *(" ".join(a) for a in answers),
        *tags,
    )
    stems = "" if connection.vendor == "postgresql" else q.stemmed_text(text)
    MemberEntry.objects.update_or_create(
        member=member, defaults={"candidate": member.candidate, "text": text, "stems": stems}
    )


def ranked_members(query: str, members: QuerySet[Member]) -> Ranked:
    """Candidates with a membership among `members` matching `query`, best first."""
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
    owners = dict(members.filter(pk__in=[r[0] for r in rows]).values_list("pk", "candidate_id"))
    rows.sort(key=lambda row: (row[1], -row[0]))
    result = Ranked(more=len(rows) >= RANK_WINDOW)
    for member_id, _score in rows:
        candidate_id = owners.get(member_id)
        if candidate_id is not None and candidate_id not in result.best_entry:
            result.best_entry[candidate_id] = member_id
            result.candidate_ids.append(candidate_id)
    return result


def member_texts(member_ids: list[int]) -> dict[int, Any]:
    return dict(MemberEntry.objects.filter(pk__in=member_ids).values_list("pk", "text"))


def candidate_source(query: str, user: Any) -> tuple[Ranked, dict[int, str]]:
    """For candidate search: members of the pools the user may see (admins
    and recruiters: all; others: the pools they own), and the text matched."""
    members = Member.objects.all()
    if not user.can_manage_jobs:
        members = members.filter(pool__owner=user)
    found = ranked_members(query, members)
    texts = member_texts(list(found.best_entry.values())[:RANK_WINDOW])
    return found, {c: texts.get(m, "") for c, m in found.best_entry.items()}
