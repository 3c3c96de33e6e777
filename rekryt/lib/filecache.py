"""Django's file cache with `add` and `incr` made atomic across processes.

Django's FileBasedCache checks for a key and then writes it, so two
processes can both "add" the same key. django-allauth's rate limits (wrong
two-factor codes, its flood limits) lock each count with `cache.add`, so on
the stock file cache parallel requests could overrun them. Here both calls
hold an exclusive `flock` on one lock file in the cache directory; every
other call stays as it was. Rekryt's own limits do not depend on the cache
at all (rekryt.accounts.ratelimit)."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache


class LockingFileBasedCache(FileBasedCache):
    def __init__(self, dir: str, params: dict[str, Any]):
        super().__init__(dir, params)
        self._lock_dir = os.path.abspath(dir)

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        # Not a ".djcache" file, so clear() and culling leave it alone.
        os.makedirs(self._lock_dir, 0o700, exist_ok=True)
        fd = os.open(os.path.join(self._lock_dir, "lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # releases the lock

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        with self._exclusive():
            return super().add(key, value, timeout, version)

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> Any:
        with self._exclusive():
            return super().incr(key, delta, version)
