"""Reads of personal data through the API, audited as the pages' are: one
entry per candidate, application or hand-over read, naming the token's
user as the actor and the token by its id and shown prefix (never the
secret). A list writes its page's entries in one INSERT, so its query
count stays the same however long the page is."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpRequest

from rekryt.api.models import Token
from rekryt.audit.log import logged_path
from rekryt.audit.models import Action, AuditEntry
from rekryt.lib.ratelimit import client_address

DETAIL = "api_read"


def audit_read(request: HttpRequest, target_type: str, ids: Iterable[int]) -> None:
    token: Token = request.auth  # type: ignore[attr-defined]
    user = token.user
    common = {
        "actor": user,
        "actor_label": user.username[:150],
        "action": Action.VIEW,
        "target_type": target_type,
        "detail": DETAIL,
        "params": {"token_id": token.pk, "token": token.prefix},
        "path": logged_path(request),
        "ip": client_address(request),
        "user_agent": request.META.get("HTTP_USER_AGENT", "")[:200],
    }
    entries = [AuditEntry(target_id=str(pk), **common) for pk in ids]
    if entries:
        AuditEntry.objects.bulk_create(entries)
