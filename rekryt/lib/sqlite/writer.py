"""One writer at a time, handed over at once, for a SQLite database file.

SQLite lets one writer in at a time and makes the others wait in its busy
handler, which sleeps 1, 2, 5 … 100 ms between tries; under a rush of
applications the database was often free while every waiting writer slept.
Here a writer first takes a thread lock (the threads of one process) and then
an exclusive `flock` on `<database>-writer.lock` (the processes: gunicorn's
workers and the worker's lanes). The kernel wakes the next waiter the moment
the lock is released, and releases it itself when a process dies.

Writes that bypass it (SQLite's own, a tool run by hand) are still safe:
SQLite's locking is what keeps the data correct; this only orders the queue."""

from __future__ import annotations

import fcntl
import os
import threading

THREAD_WAIT = 20.0  # then go ahead and let SQLite's busy timeout decide


class WriterLock:
    def __init__(self, path: str):
        self.path = path
        self.thread_lock = threading.Lock()
        self.fd = -1
        self.pid = 0

    def acquire(self) -> bool:
        if not self.thread_lock.acquire(timeout=THREAD_WAIT):
            return False
        try:
            fcntl.flock(self._file(), fcntl.LOCK_EX)
        except OSError:
            self.thread_lock.release()
            return False
        return True

    def release(self) -> None:
        try:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
        finally:
            self.thread_lock.release()

    def _file(self) -> int:
        # A forked child must not share its parent's open file: a flock
        # belongs to the open file, so parent and child would not exclude
        # each other.
        if self.fd < 0 or self.pid != os.getpid():
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            self.pid = os.getpid()
        return self.fd


_locks: dict[str, WriterLock] = {}
_locks_guard = threading.Lock()


def writer_for(database: str) -> WriterLock | None:
    """The lock of a database file; None for an in-memory database."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    path = f"{os.path.abspath(database)}-writer.lock"
    with _locks_guard:
        if path not in _locks:
            _locks[path] = WriterLock(path)
        return _locks[path]
