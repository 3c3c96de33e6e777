"""Who a request comes from, for rate limits and the audit log. The limits
themselves are counted in the database (rekryt.accounts.ratelimit)."""

from __future__ import annotations

import ipaddress
from typing import Any

from django.conf import settings


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
