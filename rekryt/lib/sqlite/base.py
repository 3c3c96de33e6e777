"""Django's SQLite backend, plus what SQLite recommends for short-lived
connections: `PRAGMA optimize` just before each connection closes.

Django opens a connection per request and per worker turn
(CONN_MAX_AGE = 0), so this is where the planner's statistics are kept
fresh: SQLite runs ANALYZE, bounded by `analysis_limit`, only on tables the
connection's queries would plan better with, and does nothing otherwise. A
board query planned without statistics (or with stale ones) is what sent a
5,000-applicant board past gunicorn's timeout.
https://sqlite.org/lang_analyze.html#periodically_run_pragma_optimize_"""

from __future__ import annotations

import logging
import sqlite3

from django.db.backends.sqlite3 import base

log = logging.getLogger(__name__)
# Rows examined per index by the ANALYZE that optimize may run: SQLite's own
# suggestion, so it takes milliseconds on any size of table.
ANALYSIS_LIMIT = 400


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params: dict) -> sqlite3.Connection:  # type: ignore[override]
        connection = super().get_new_connection(conn_params)
        connection.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        return connection

    def _close(self) -> None:
        if self.connection is not None and not self.in_atomic_block:
            try:
                self.connection.execute("PRAGMA optimize")
            except sqlite3.Error as exc:  # a busy or read-only database: next time
                log.debug("PRAGMA optimize skipped: %s", exc)
        super()._close()  # type: ignore[misc]  # not in django-stubs
