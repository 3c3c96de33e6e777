"""The migration to per-application search and application snapshots keeps an
existing install's data: every application gets its details and a search
entry holding its own documents' text, and nothing else."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("applications", "0009_application_notice"),
    ("candidates", "0003_candidate_surveys_opt_out"),
]
AFTER = [
    ("applications", "0010_application_snapshot"),
    ("candidates", "0004_search_per_application"),
]


def migrate(targets):
    """Migrate to `targets`; the models as the database now has them (every
    other app stays where it is)."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor._create_project_state(with_applied_migrations=True).apps


@pytest.mark.django_db(transaction=True)
def test_existing_applications_get_their_snapshot_and_search_entry():
    try:
        _check_the_migration()
    finally:
        # Whatever happened, leave the database as every other test expects it.
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _check_the_migration():
    old = migrate(BEFORE)
    Candidate = old.get_model("candidates", "Candidate")
    Document = old.get_model("candidates", "Document")
    Job = old.get_model("jobs", "Job")
    Stage = old.get_model("jobs", "Stage")
    Application = old.get_model("applications", "Application")
    job_a = Job.objects.create(title="A", slug="a", description="x")
    job_b = Job.objects.create(title="B", slug="b", description="x")
    stage_a = Stage.objects.create(job=job_a, name_sv="Sökt", name_en="Applied")
    stage_b = Stage.objects.create(job=job_b, name_sv="Sökt", name_en="Applied")
    person = Candidate.objects.create(
        first_name="Greta",
        last_name="Garbo",
        email="greta@example.org",
        email_normalised="greta@example.org",
        phone="0701",
    )
    on_a = Application.objects.create(candidate=person, job=job_a, stage=stage_a)
    on_b = Application.objects.create(candidate=person, job=job_b, stage=stage_b)
    for application, word in ((on_a, "harpsichord"), (on_b, "trombone")):
        Document.objects.create(
            candidate=person,
            application=application,
            file="x",
            original_name="cv.pdf",
            content_type="application/pdf",
            size=1,
            sha256="0" * 64,
            text=f"plays the {word}",
            text_status="done",
        )

    new = migrate(AFTER)
    Application = new.get_model("applications", "Application")
    SearchEntry = new.get_model("candidates", "SearchEntry")
    a = Application.objects.get(pk=on_a.pk)
    assert (a.first_name, a.last_name, a.email, a.phone) == (
        "Greta",
        "Garbo",
        "greta@example.org",
        "0701",
    )
    entry_a = SearchEntry.objects.get(application_id=on_a.pk)
    entry_b = SearchEntry.objects.get(application_id=on_b.pk)
    assert "harpsichord" in entry_a.documents and "trombone" not in entry_a.documents
    assert "trombone" in entry_b.documents
    assert "Garbo" in entry_a.details
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM candidates_search_fts WHERE candidates_search_fts "
                "MATCH 'trombone'"
            )
            assert [row[0] for row in cursor.fetchall()] == [on_b.pk]


@pytest.mark.django_db(transaction=True)
def test_search_sees_new_entries_after_migrating_back_past_the_job_column_and_forward(job):
    # SQLite drops the job column by copying the table, which drops the
    # FTS5 triggers with it: a downgrade (or a test migrating jobs back) must
    # leave an index that still sees what is written afterwards.
    from conftest import make_application
    from rekryt.candidates.models import Candidate
    from rekryt.candidates.search import search

    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        migrate([("candidates", "0006_stemmed_search")])
    finally:
        migrate(leaves)
    make_application(job, first_name="Ottilia", last_name="Efteråt")

    found = search(Candidate.objects.all(), "ottilia", None)
    assert [c.first_name for c in found] == ["Ottilia"]
    assert not search(Candidate.objects.all(), "efterhand", None).exists()
