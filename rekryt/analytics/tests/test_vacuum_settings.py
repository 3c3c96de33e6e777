"""On PostgreSQL the roll-up tables are vacuumed after 1 % of their rows
changed (migration 0003), so the pages' index-only scans stay index-only."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL table setting")
@pytest.mark.parametrize("table", ["analytics_figure", "analytics_summary", "analytics_progress"])
def test_the_counters_are_vacuumed_often(table):
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = %s", [table])
        (options,) = cursor.fetchone()
    assert "autovacuum_vacuum_scale_factor=0.01" in options
    assert "autovacuum_analyze_scale_factor=0.02" in options
