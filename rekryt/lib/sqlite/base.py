"""Django's SQLite backend, plus what SQLite recommends for short-lived
connections: `PRAGMA optimize` just before each connection closes.

Django keeps a connection for a minute (CONN_MAX_AGE) and closes it at the
end of the first request or worker turn after that, so this is where the
planner's statistics are kept fresh: SQLite runs ANALYZE, bounded by
`analysis_limit`, only on tables the connection's queries would plan
better with, and does nothing otherwise. A board query planned without
statistics (or with stale ones) is what sent a 5,000-applicant board past
gunicorn's timeout.
https://sqlite.org/lang_analyze.html#periodically_run_pragma_optimize_

Also: writers queue for the database through `writer.WriterLock`, which
hands the write lock over at once instead of letting SQLite's busy handler
sleep; every transaction (they are IMMEDIATE) and every write outside one
takes it."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from typing import Any

from django.db.backends.sqlite3 import base

from rekryt.lib.sqlite.writer import WriterLock, writer_for

log = logging.getLogger(__name__)
# Rows examined per index by the ANALYZE that optimize may run: SQLite's own
# suggestion, so it takes milliseconds on any size of table.
ANALYSIS_LIMIT = 400

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLAC")


class LockingCursor(base.SQLiteCursorWrapper):
    """A write outside a transaction (autocommit: `QuerySet.update()`, a raw
    upsert) takes the process's writer lock for the statement, like a
    transaction does for its whole length."""

    in_transaction_block: Callable[[], bool]
    writer: WriterLock | None

    def execute(self, query: str, params: Any = None) -> Any:
        held = self._take_writer(query)
        try:
            return super().execute(query, params)
        finally:
            if held and self.writer is not None:
                self.writer.release()

    def executemany(self, query: str, param_list: Any) -> Any:
        held = self._take_writer(query)
        try:
            return super().executemany(query, param_list)
        finally:
            if held and self.writer is not None:
                self.writer.release()

    def _take_writer(self, query: str) -> bool:
        if self.writer is None or self.in_transaction_block():
            return False
        if query.lstrip()[:6].upper() not in WRITES:
            return False
        return self.writer.acquire()


class DatabaseWrapper(base.DatabaseWrapper):
    _held_writer: WriterLock | None = None

    @property
    def writer(self) -> WriterLock | None:
        return writer_for(str(self.settings_dict["NAME"]))

    def create_cursor(self, name: str | None = None) -> LockingCursor:
        cursor = self.connection.cursor(factory=LockingCursor)
        cursor.in_transaction_block = lambda: self.in_atomic_block
        cursor.writer = self.writer
        return cursor  # type: ignore[no-any-return]

    def get_new_connection(self, conn_params: dict) -> sqlite3.Connection:  # type: ignore[override]
        connection = super().get_new_connection(conn_params)
        connection.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        return connection

    def _start_transaction_under_autocommit(self) -> None:
        writer = self.writer
        self._held_writer = writer if writer is not None and writer.acquire() else None
        try:
            super()._start_transaction_under_autocommit()  # type: ignore[misc]
        except BaseException:
            self._release_writer()
            raise

    def _release_writer(self) -> None:
        held, self._held_writer = self._held_writer, None
        if held is not None:
            held.release()

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
