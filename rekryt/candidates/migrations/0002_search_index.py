"""Full-text index for candidate search (see rekryt.candidates.search)."""

from django.db import migrations

SQLITE_UP = [
    "CREATE VIRTUAL TABLE candidates_search_fts USING fts5("
    "document, content='candidates_searchentry', content_rowid='candidate_id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER candidates_search_ai AFTER INSERT ON candidates_searchentry BEGIN "
    "INSERT INTO candidates_search_fts(rowid, document) VALUES (new.candidate_id, new.document); END",
    "CREATE TRIGGER candidates_search_ad AFTER DELETE ON candidates_searchentry BEGIN "
    "INSERT INTO candidates_search_fts(candidates_search_fts, rowid, document) "
    "VALUES ('delete', old.candidate_id, old.document); END",
    "CREATE TRIGGER candidates_search_au AFTER UPDATE ON candidates_searchentry BEGIN "
    "INSERT INTO candidates_search_fts(candidates_search_fts, rowid, document) "
    "VALUES ('delete', old.candidate_id, old.document); "
    "INSERT INTO candidates_search_fts(rowid, document) VALUES (new.candidate_id, new.document); END",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS candidates_search_au",
    "DROP TRIGGER IF EXISTS candidates_search_ad",
    "DROP TRIGGER IF EXISTS candidates_search_ai",
    "DROP TABLE IF EXISTS candidates_search_fts",
]
POSTGRES_UP = [
    "CREATE INDEX candidates_search_gin ON candidates_searchentry "
    "USING gin (to_tsvector('simple', document))",
]
POSTGRES_DOWN = ["DROP INDEX IF EXISTS candidates_search_gin"]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("candidates", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
