"""Search entries know their application's job, and PostgreSQL's tsvector
holds a word naming it (`zzjob<id>zz`, as FTS5's stems have since 0006), so
a search by a hiring manager who sees one job is an AND inside the GIN
index instead of a scan of every match.

Going back, SQLite drops the job column by copying the table, and the copy
drops the FTS5 triggers with the old table: the first operation's reverse
(run last) puts them back, so search keeps seeing new entries after a
downgrade or a test that migrates back and forth."""

import django.db.models.deletion
from django.db import migrations, models

FILL = (
    "UPDATE candidates_searchentry SET job_id = (SELECT a.job_id FROM "
    "applications_application AS a WHERE a.id = candidates_searchentry.application_id)"
)
TEXT = "details || ' ' || documents"
OLD_VECTOR = (
    f"to_tsvector('swedish'::regconfig, {TEXT}) || to_tsvector('english'::regconfig, {TEXT})"
)
NEW_VECTOR = (
    f"{OLD_VECTOR} || to_tsvector('simple'::regconfig, "
    "'zzjob' || COALESCE(job_id, 0)::text || 'zz')"
)


TRIGGERS = [
    "DROP TRIGGER IF EXISTS candidates_search_au",
    "DROP TRIGGER IF EXISTS candidates_search_ad",
    "DROP TRIGGER IF EXISTS candidates_search_ai",
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


def vector(expression):
    return [
        "DROP INDEX IF EXISTS candidates_search_gin",
        "ALTER TABLE candidates_searchentry DROP COLUMN IF EXISTS search_vector",
        "ALTER TABLE candidates_searchentry ADD COLUMN search_vector tsvector "
        f"GENERATED ALWAYS AS ({expression}) STORED",
        "CREATE INDEX candidates_search_gin ON candidates_searchentry USING gin (search_vector)",
    ]


def run(statements, vendor=None):
    def apply(apps, schema_editor):
        if vendor and schema_editor.connection.vendor != vendor:
            return
        for sql in statements:
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("candidates", "0006_stemmed_search"),
        ("applications", "0001_initial"),
        ("jobs", "0007_job_templates"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, run(TRIGGERS, "sqlite")),
        migrations.AddField(
            model_name="searchentry",
            name="job",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="jobs.job",
            ),
        ),
        migrations.RunPython(run([FILL]), migrations.RunPython.noop),
        migrations.RunPython(
            run(vector(NEW_VECTOR), "postgresql"), run(vector(OLD_VECTOR), "postgresql")
        ),
    ]
