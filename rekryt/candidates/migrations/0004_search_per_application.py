"""Search per application, so it only ever matches what the searcher may see.

The old index had one row per candidate with the text of every document they
ever sent, so a hiring manager could find people by words from CVs sent to
jobs they cannot open. The new one has a row per application: its submitted
details and texts with the candidate's own name and address (`details`) and
the extracted text of the documents sent with it (`documents`). Also: the
time a candidate made their details their own, documents of a form sent again
(not the application's until added), and a partial index for the board's
"has a CV" check."""

import re

import django.db.models.deletion
from django.db import migrations, models

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_CHARS = 200_000

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS candidates_search_au",
    "DROP TRIGGER IF EXISTS candidates_search_ad",
    "DROP TRIGGER IF EXISTS candidates_search_ai",
    "DROP TABLE IF EXISTS candidates_search_fts",
]
SQLITE_CREATE = [
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
]
POSTGRES_DROP = ["DROP INDEX IF EXISTS candidates_search_gin"]
POSTGRES_CREATE = [
    "CREATE INDEX candidates_search_gin ON candidates_searchentry "
    "USING gin (to_tsvector('simple', details || ' ' || documents))",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return apply


def words(*texts):
    return " ".join(_WORD.findall("\n".join(t for t in texts if t)))[:MAX_CHARS]


def fill(apps, schema_editor):
    """One entry per application, as rekryt.applications.submissions and
    rekryt.candidates.search write them."""
    Application = apps.get_model("applications", "Application")
    Document = apps.get_model("candidates", "Document")
    SearchEntry = apps.get_model("candidates", "SearchEntry")
    texts = {}
    done = Document.objects.filter(application__isnull=False, text_status="done")
    for application_id, text in done.values_list("application_id", "text").iterator():
        texts.setdefault(application_id, []).append(text)
    batch = []
    for a in Application.objects.select_related("candidate").iterator(chunk_size=2000):
        c = a.candidate
        details = words(
            a.first_name,
            a.last_name,
            a.email,
            a.phone,
            a.link,
            a.about,
            a.cover_letter,
            c.first_name,
            c.last_name,
            c.email,
        )
        batch.append(
            SearchEntry(
                application_id=a.pk,
                candidate_id=c.pk,
                details=details,
                documents=words(*texts.get(a.pk, [])),
            )
        )
        if len(batch) >= 1000:
            SearchEntry.objects.bulk_create(batch)
            batch = []
    SearchEntry.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0010_application_snapshot"),
        ("candidates", "0003_candidate_surveys_opt_out"),
    ]

    operations = [
        migrations.AddField(
            model_name="candidate",
            name="details_confirmed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="document",
            name="resubmission",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="documents",
                to="applications.resubmission",
            ),
        ),
        migrations.AddIndex(
            model_name="document",
            index=models.Index(
                condition=models.Q(("application__isnull", False)),
                fields=["application", "kind"],
                name="document_application_kind",
            ),
        ),
        migrations.RunPython(
            run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}), migrations.RunPython.noop
        ),
        migrations.DeleteModel(name="SearchEntry"),
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                (
                    "application",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_entry",
                        serialize=False,
                        to="applications.application",
                    ),
                ),
                ("details", models.TextField(blank=True)),
                ("documents", models.TextField(blank=True)),
                (
                    "candidate",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="candidates.candidate",
                    ),
                ),
            ],
        ),
        migrations.RunPython(
            run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
