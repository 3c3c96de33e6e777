"""Fixed-window rate limits kept in Django's cache.

A window is a cache key per (scope, client, window number): `cache.add`
creates it at 0 only if absent and `cache.incr` is atomic on every shared
cache backend, so concurrent requests never lose a count. The key expires
with its window."""

from __future__ import annotations

import hashlib
import ipaddress
import time
from typing import Any

from django.conf import settings
from django.core.cache import cache


def client_address(request: Any) -> str | None:
    """The client's address, trusting X-Forwarded-For only as far as
    TRUSTED_PROXY_COUNT says: each trusted proxy appends the address it was
    reached from, so the client is that many entries from the right. Anything
    a client wrote further left is ignored. None when it is not an address."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if forwarded:
            remote = forwarded[-min(proxies, len(forwarded))]
    try:
        return str(ipaddress.ip_address(remote))
    except ValueError:
        return None


def client_ip(request: Any) -> str:
    """Who to count for rate limits: the client's address, or for IPv6 its
    whole /64, since one person gets a /64 and could rotate through it."""
    remote = client_address(request)
    if remote is None:
        return "unknown"
    address = ipaddress.ip_address(remote)
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


class Limit:
    """At most `limit` hits per `window` seconds in `scope` for one key."""

    def __init__(self, scope: str, limit: int, window: int = 3600):
        self.scope = scope
        self.limit = limit
        self.window = window

    def _key(self, who: str, now: float) -> str:
        digest = hashlib.sha256(who.encode()).hexdigest()[:32]
        return f"ratelimit:{self.scope}:{digest}:{int(now // self.window)}"

    def hit(self, who: str) -> bool:
        """Count one hit; True while the count is within the limit."""
        key = self._key(who, time.time())
        cache.add(key, 0, timeout=self.window + 60)
        try:
            count = cache.incr(key)
        except ValueError:  # the key expired between add and incr
            cache.add(key, 1, timeout=self.window + 60)
            count = 1
        return count <= self.limit

    def exceeded(self, who: str) -> bool:
        """True when the limit is already used up, without counting."""
        return int(cache.get(self._key(who, time.time()), 0)) >= self.limit

    def retry_after(self) -> int:
        """Seconds until the current window ends."""
        return int(self.window - time.time() % self.window) + 1
