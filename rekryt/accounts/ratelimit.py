"""Rate limits and lockouts counted in the database, atomically on SQLite and
PostgreSQL whatever cache is configured.

Each count is one `INSERT … ON CONFLICT … DO UPDATE … RETURNING` statement:
the database serialises concurrent hits on a row, so 25 parallel requests
against a limit of 10 get exactly 10 through. SQLite ≥ 3.35 and PostgreSQL
both speak it. Ended windows are deleted by the worker (rekryt.accounts.duties)."""

from __future__ import annotations

import time

from django.db import connection
from django.db.models import F
from django.utils.crypto import salted_hmac

from rekryt.accounts.models import RateCounter

# The table is accounts_ratecounter (RateCounter); every value is a parameter.
_UPSERT = """
INSERT INTO accounts_ratecounter ("key", hits, expires) VALUES (%s, 1, %s)
ON CONFLICT ("key") DO UPDATE SET
    hits = CASE WHEN accounts_ratecounter.expires <= %s
        THEN 1 ELSE accounts_ratecounter.hits + 1 END,
    expires = CASE WHEN accounts_ratecounter.expires <= %s
        THEN excluded.expires ELSE accounts_ratecounter.expires END
RETURNING hits
"""


def counter_key(*parts: object) -> str:
    """What is counted, keyed with SECRET_KEY: without it nobody can tell
    from the table which address or account a row is about."""
    message = "\x1f".join(str(part) for part in parts)
    return salted_hmac("rekryt.ratelimit", message, algorithm="sha256").hexdigest()


def count(key: str, window: int, now: float | None = None) -> int:
    """Count one hit on `key` and return the hits in its window. A window
    starts with its first hit and lasts `window` seconds."""
    now = int(now if now is not None else time.time())
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT, [key, now + window, now, now])
        return int(cursor.fetchone()[0])


def current(key: str, now: float | None = None) -> int:
    now = int(now if now is not None else time.time())
    row = RateCounter.objects.filter(key=key, expires__gt=now).values_list("hits", flat=True)
    return int(row.first() or 0)


def uncount(key: str) -> None:
    """Take back one hit (an attempt that turned out not to count)."""
    RateCounter.objects.filter(key=key, hits__gt=0).update(hits=F("hits") - 1)


def forget(key: str) -> None:
    RateCounter.objects.filter(key=key).delete()


def purge_ended(now: float | None = None, batch: int = 1000) -> int:
    """Delete up to `batch` ended windows; returns how many went."""
    now = int(now if now is not None else time.time())
    ended = RateCounter.objects.filter(expires__lte=now).values_list("pk", flat=True)[:batch]
    deleted, _ = RateCounter.objects.filter(pk__in=list(ended)).delete()
    return deleted


class Limit:
    """At most `limit` hits per `window` seconds in `scope` for one client.

    Windows are aligned to the clock (the hour, for an hour), so every
    request can say when the current one ends without reading it."""

    def __init__(self, scope: str, limit: int, window: int = 3600):
        self.scope = scope
        self.limit = limit
        self.window = window

    def _key(self, who: str, now: float) -> str:
        return counter_key(self.scope, who, int(now // self.window))

    def _end(self, now: float) -> float:
        return (now // self.window + 1) * self.window

    def hit(self, who: str) -> bool:
        """Count one hit; True while the count is within the limit."""
        now = time.time()
        hits = count(self._key(who, now), int(self._end(now) - now) + 60, now)
        return hits <= self.limit

    def unhit(self, who: str) -> None:
        """Give back a hit that did not use what the limit protects."""
        uncount(self._key(who, time.time()))

    def exceeded(self, who: str) -> bool:
        """True when the limit is already used up, without counting."""
        return current(self._key(who, time.time())) >= self.limit

    def retry_after(self) -> int:
        """Seconds until the current window ends."""
        return int(self.window - time.time() % self.window) + 1


def within(what: tuple[object, ...], limit: int, seconds: int) -> bool:
    """Count one hit on `what` in a window that starts with its first hit;
    True while there have been at most `limit`."""
    return count(counter_key(*what), seconds) <= limit
