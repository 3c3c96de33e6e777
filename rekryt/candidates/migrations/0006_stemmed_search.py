"""Stemmed, ranked search in Swedish and English (talent pool issue).

SQLite: the FTS5 table now indexes `stems` (each word's Swedish stem, then
each word's English stem, written by rekryt.candidates.search); PostgreSQL:
a stored tsvector of `swedish` || `english` with a GIN index, instead of the
'simple' expression index. Existing rows get their stems here."""

import re

import snowballstemmer
from django.db import migrations, models

_WORD = re.compile(r"\w+", re.UNICODE)

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS candidates_search_au",
    "DROP TRIGGER IF EXISTS candidates_search_ad",
    "DROP TRIGGER IF EXISTS candidates_search_ai",
    "DROP TABLE IF EXISTS candidates_search_fts",
]
SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE candidates_search_fts USING fts5("
    "stems, content='candidates_searchentry', content_rowid='application_id', "
    "tokenize='unicode61 remove_diacritics 2', detail=full)",
    "CREATE TRIGGER candidates_search_ai AFTER INSERT ON candidates_searchentry BEGIN "
    "INSERT INTO candidates_search_fts(rowid, stems) VALUES (new.application_id, new.stems); END",
    "CREATE TRIGGER candidates_search_ad AFTER DELETE ON candidates_searchentry BEGIN "
    "INSERT INTO candidates_search_fts(candidates_search_fts, rowid, stems) "
    "VALUES ('delete', old.application_id, old.stems); END",
    "CREATE TRIGGER candidates_search_au AFTER UPDATE OF stems ON candidates_searchentry BEGIN "
    "INSERT INTO candidates_search_fts(candidates_search_fts, rowid, stems) "
    "VALUES ('delete', old.application_id, old.stems); "
    "INSERT INTO candidates_search_fts(rowid, stems) VALUES (new.application_id, new.stems); END",
    "INSERT INTO candidates_search_fts(candidates_search_fts) VALUES ('rebuild')",
]
SQLITE_CREATE_OLD = [
    "CREATE VIRTUAL TABLE candidates_search_fts USING fts5("
    "details, documents, content='candidates_searchentry', content_rowid='application_id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER candidates_search_ai AFTER INSERT ON candidates_searchentry BEGIN "
    "INSERT INTO candidates_search_fts(rowid, details, documents) "
    "VALUES (new.application_id, new.details, new.documents); END",
    "CREATE TRIGGER candidates_search_ad AFTER DELETE ON candidates_searchentry BEGIN "
    "INSERT INTO candidates_search_fts(candidates_search_fts, rowid, details, documents) "
    "VALUES ('delete', old.application_id, old.details, old.documents); END",
    "CREATE TRIGGER candidates_search_au AFTER UPDATE ON candidates_searchentry BEGIN "
    "INSERT INTO candidates_search_fts(candidates_search_fts, rowid, details, documents) "
    "VALUES ('delete', old.application_id, old.details, old.documents); "
    "INSERT INTO candidates_search_fts(rowid, details, documents) "
    "VALUES (new.application_id, new.details, new.documents); END",
    "INSERT INTO candidates_search_fts(candidates_search_fts) VALUES ('rebuild')",
]
PG_VECTOR = (
    "to_tsvector('swedish'::regconfig, details || ' ' || documents) || "
    "to_tsvector('english'::regconfig, details || ' ' || documents)"
)
POSTGRES_CREATE = [
    "DROP INDEX IF EXISTS candidates_search_gin",
    "ALTER TABLE candidates_searchentry ADD COLUMN search_vector tsvector "
    f"GENERATED ALWAYS AS ({PG_VECTOR}) STORED",
    "CREATE INDEX candidates_search_gin ON candidates_searchentry USING gin (search_vector)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS candidates_search_gin",
    "ALTER TABLE candidates_searchentry DROP COLUMN IF EXISTS search_vector",
    "CREATE INDEX candidates_search_gin ON candidates_searchentry "
    "USING gin (to_tsvector('simple', details || ' ' || documents))",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return apply


def fill(apps, schema_editor):
    """As rekryt.candidates.query.stemmed_text writes them (SQLite only)."""
    if schema_editor.connection.vendor != "sqlite":
        return
    sv, en = snowballstemmer.stemmer("swedish"), snowballstemmer.stemmer("english")
    SearchEntry = apps.get_model("candidates", "SearchEntry")
    rows = SearchEntry.objects.values_list("pk", "details", "documents", "application__job_id")
    for pk, details, documents, job_id in rows.iterator(chunk_size=2000):
        words = [w.lower() for w in _WORD.findall(f"{details} {documents}")]
        stems = " ".join([*sv.stemWords(words), *en.stemWords(words), f"zzjob{job_id}zz"])
        SearchEntry.objects.filter(pk=pk).update(stems=stems)


class Migration(migrations.Migration):
    dependencies = [
        ("candidates", "0005_tags"),
    ]

    operations = [
        migrations.RunPython(run({"sqlite": SQLITE_DROP}), run({"sqlite": SQLITE_CREATE_OLD})),
        migrations.AddField(
            model_name="searchentry",
            name="stems",
            field=models.TextField(blank=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(
            run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        ),
    ]
