"""Where a webhook may go: https (plain http only where an admin allowed a
private address), and never to a private, loopback, link-local or other
non-public address unless an admin allowed it for that endpoint — checked
when the endpoint is saved and again before every attempt, as a name may
point elsewhere later."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _


class Refused(ValueError):
    """The URL may not be called; the message says why, for the admin."""


def _addresses(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        found = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise Refused(_("The address %(host)s could not be found.") % {"host": host}) from exc
    return [ipaddress.ip_address(info[4][0]) for info in found]


def check(url: str, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise Refused(_("Give a full address that starts with https://."))
    if parts.scheme == "http" and not (allow_private or settings.DEBUG):
        raise Refused(_("Webhooks go over https only."))
    if parts.username or parts.password:
        raise Refused(_("Leave the user name and password out of the address."))
    if allow_private:
        return
    for address in _addresses(parts.hostname, parts.port or 443):
        if not address.is_global or address.is_multicast:
            raise Refused(
                _("%(host)s is a private or local address; an admin must allow that.")
                % {"host": parts.hostname}
            )
