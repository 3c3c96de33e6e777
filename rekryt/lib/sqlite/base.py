"""Django's SQLite backend, plus what SQLite recommends for short-lived
connections: `PRAGMA optimize` just before each connection closes.

Django opens a connection per request and per worker turn
(CONN_MAX_AGE = 0), so this is where the planner's statistics are kept
fresh: SQLite runs ANALYZE, bounded by `analysis_limit`, only on tables the
connection's queries would plan better with, and does nothing otherwise. A
board query planned without statistics (or with stale ones) is what sent a
5,000-applicant board past gunicorn's timeout.
https://sqlite.org/lang_analyze.html#periodically_run_pragma_optimize_

Also: the threads of one process take turns at writing through a lock of
their own. SQLite lets one writer in at a time and makes the others wait in
its busy handler, which sleeps 1, 2, 5 … 100 ms between tries: under a rush
of applications, the lock was often free while every waiting thread slept.
A Python lock hands it over at once, in order; between processes SQLite's
own waiting still applies."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from typing import Any

from django.db.backends.sqlite3 import base

log = logging.getLogger(__name__)
# Rows examined per index by the ANALYZE that optimize may run: SQLite's own
# suggestion, so it takes milliseconds on any size of table.
ANALYSIS_LIMIT = 400
# One writer at a time within this process (see above). A transaction that
# cannot get it within this time goes ahead and lets SQLite decide.
_writer = threading.Lock()
WRITER_WAIT = 20.0


WRITES = ("INSERT", "UPDATE", "DELETE", "REPLAC")


class LockingCursor(base.SQLiteCursorWrapper):
    """A write outside a transaction (autocommit: `QuerySet.update()`, a raw
    upsert) takes the process's writer lock for the statement, like a
    transaction does for its whole length."""

    in_transaction_block: Callable[[], bool]

    def execute(self, query: str, params: Any = None) -> Any:
        if self._needs_lock(query):
            with _writer:
                return super().execute(query, params)
        return super().execute(query, params)

    def executemany(self, query: str, param_list: Any) -> Any:
        if self._needs_lock(query):
            with _writer:
                return super().executemany(query, param_list)
        return super().executemany(query, param_list)

    def _needs_lock(self, query: str) -> bool:
        return not self.in_transaction_block() and query.lstrip()[:6].upper() in WRITES


class DatabaseWrapper(base.DatabaseWrapper):
    def create_cursor(self, name: str | None = None) -> LockingCursor:
        cursor = self.connection.cursor(factory=LockingCursor)
        cursor.in_transaction_block = lambda: self.in_atomic_block
        return cursor  # type: ignore[no-any-return]

    def get_new_connection(self, conn_params: dict) -> sqlite3.Connection:  # type: ignore[override]
        connection = super().get_new_connection(conn_params)
        connection.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        return connection

    def _start_transaction_under_autocommit(self) -> None:
        self._holds_writer = _writer.acquire(timeout=WRITER_WAIT)
        try:
            super()._start_transaction_under_autocommit()  # type: ignore[misc]
        except BaseException:
            self._release_writer()
            raise

    def _release_writer(self) -> None:
        if getattr(self, "_holds_writer", False):
            self._holds_writer = False
            _writer.release()

    def _commit(self) -> None:
        try:
            super()._commit()  # type: ignore[misc]
        finally:
            self._release_writer()

    def _rollback(self) -> None:
        try:
            super()._rollback()  # type: ignore[misc]
        finally:
            self._release_writer()

    def _close(self) -> None:
        if self.connection is not None and not self.in_atomic_block:
            try:
                self.connection.execute("PRAGMA optimize")
            except sqlite3.Error as exc:  # a busy or read-only database: next time
                log.debug("PRAGMA optimize skipped: %s", exc)
        try:
            super()._close()  # type: ignore[misc]  # not in django-stubs
        finally:
            self._release_writer()
