"""Reply addresses: `reply+<token>@REPLY_DOMAIN`, one per email to a candidate.

The token is 256 random bits (rekryt.lib.tokens); only its SHA-256 is
stored, so a leaked database cannot be used to write into a conversation.
Plus addressing (RFC 5233) lets one mailbox receive every conversation."""

from __future__ import annotations

import re
from email.utils import getaddresses

from django.conf import settings

from rekryt.applications.models import Application
from rekryt.candidates.models import Candidate
from rekryt.conversations.models import ReplyAddress
from rekryt.lib.tokens import hash_token, new_token

LOCAL_PART = "reply"
_SHAPE = r"[A-Za-z0-9_-]{43}"


def reply_address(*, candidate: object, application: object) -> str:
    """Registered with `messaging.hooks.provide_reply_to`: mint an address
    for this email, or "" when no REPLY_DOMAIN is configured."""
    domain = settings.REPLY_DOMAIN
    if not domain or not isinstance(candidate, Candidate) or candidate.pk is None:
        return ""
    raw, digest = new_token()
    ReplyAddress.objects.create(
        candidate=candidate,
        application=application if isinstance(application, Application) else None,
        token_hash=digest,
    )
    return f"{LOCAL_PART}+{raw}@{domain}"


def tokens_in(recipients: list[str]) -> list[str]:
    """The reply tokens among envelope or header recipients, in order."""
    domain = re.escape(settings.REPLY_DOMAIN or "")
    if not domain:
        return []
    pattern = re.compile(rf"\A{LOCAL_PART}\+({_SHAPE})@{domain}\Z", re.IGNORECASE)
    found = []
    for _name, address in getaddresses(recipients):
        # The token is case-sensitive; the domain is not.
        local, _at, host = address.strip().rpartition("@")
        match = pattern.match(f"{local}@{host.lower()}")
        if match and match.group(1) not in found:
            found.append(match.group(1))
    return found


def find(recipients: list[str]) -> ReplyAddress | None:
    """The reply address the mail was sent to, or None for unknown tokens."""
    for raw in tokens_in(recipients):
        address = (
            ReplyAddress.objects.select_related("candidate", "application")
            .filter(token_hash=hash_token(raw))
            .first()
        )
        if address is not None:
            return address
    return None
