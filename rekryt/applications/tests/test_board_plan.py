"""The board's query plan holds once SQLite has table statistics.

With many documents that belong to no application (forms sent again and not
yet added), statistics made the plain application index look unselective;
the board asks a partial, covering index instead. And connections run
`PRAGMA optimize` as they close, as SQLite recommends, so statistics exist."""

from __future__ import annotations

import pytest
from django.db import connection

from conftest import make_application
from rekryt.applications.board import newest_cards
from rekryt.candidates.models import Document

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's planner and PRAGMA optimize"
)


def orphan_documents(candidate, count):
    Document.objects.bulk_create(
        Document(
            candidate=candidate,
            file="x",
            original_name="cv.pdf",
            content_type="application/pdf",
            size=1,
            sha256="0" * 64,
        )
        for _n in range(count)
    )


def plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return "\n".join(row[3] for row in cursor.fetchall())


@pytest.mark.django_db
def test_the_has_cv_check_uses_its_own_index_once_statistics_exist(job):
    applications = [make_application(job) for _n in range(5)]
    orphan_documents(applications[0].candidate, 3000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    board_plan = plan(newest_cards(job))
    assert "USING COVERING INDEX document_application_kind" in board_plan
    assert "SCAN U0" not in board_plan and "SCAN candidates_document" not in board_plan


@pytest.mark.django_db(transaction=True)
def test_a_closing_connection_leaves_statistics_behind(job):
    application = make_application(job)
    orphan_documents(application.candidate, 500)
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS sqlite_stat1")
    list(newest_cards(job))
    connection.close()
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        analysed = {row[0] for row in cursor.fetchall()}
    assert "candidates_document" in analysed
