"""A circuit breaker for the SMTP server.

When the server cannot be reached, trying each due email in turn would only
fill every row with the same error and push each one's retry back. Instead
the delivery duty notices once, pauses as a whole and probes again after 1,
2, 4 … at most LONGEST seconds; the first connection that works closes the
circuit and delivery goes on where it stopped. Outages are logged once when
they start and once when they end."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

FIRST = 1.0
LONGEST = 5.0  # so delivery resumes within seconds of the server's recovery


class CircuitBreaker:
    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self.open_since: float | None = None
        self.retry_at = 0.0
        self.wait = FIRST
        self.probes = 0

    @property
    def is_open(self) -> bool:
        return self.open_since is not None

    def allows(self) -> bool:
        """Closed, or open and the time for the next probe has come."""
        return self.open_since is None or self.clock() >= self.retry_at

    def trip(self, error: str) -> None:
        now = self.clock()
        if self.open_since is None:
            log.warning("SMTP server unavailable, pausing delivery: %s", error)
            self.open_since = now
            self.wait = FIRST
        else:
            self.wait = min(self.wait * 2, LONGEST)
        self.probes += 1
        self.retry_at = now + self.wait

    def succeeded(self) -> None:
        if self.open_since is not None:
            log.warning(
                "SMTP server reachable again after %.1f s; delivery resumes",
                self.clock() - self.open_since,
            )
            self.open_since = None
            self.wait = FIRST
            self.probes = 0
