"""Writing to the audit log: `record(...)` from views, actions and signals."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from django.db import models
from django.http import HttpRequest

from rekryt.audit.models import AuditEntry
from rekryt.lib.logs import mask_arguments
from rekryt.lib.ratelimit import client_address

# What was recorded while the current request ran. The audit middleware sets
# it, so it can leave out its generic entry when a view recorded a precise one.
written: ContextVar[list[str] | None] = ContextVar("audit_written", default=None)


def logged_path(request: HttpRequest) -> str:
    """The request's path with secrets from the URL (a portal or download
    token, an invitation, a password-reset key) replaced by "…"."""
    match = getattr(request, "resolver_match", None)
    return mask_arguments(request.path, match.kwargs if match is not None else {})[:300]


def record(
    action: str,
    *,
    request: HttpRequest | None = None,
    actor: Any = None,
    target: models.Model | None = None,
    target_type: str = "",
    target_id: object = "",
    detail: str = "",
    params: dict[str, Any] | None = None,
    summary: str = "",
) -> AuditEntry:
    """Add one entry. The actor defaults to the request's user; the target is
    stored as its model label and primary key, never as its name. `detail`
    is a code an app's `audit_labels` module describes (with `params`: ids,
    counts and codes, never personal data), so it reads in the reader's
    language; `summary` is for free text that has no code."""
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
    if target is not None:
        target_type = target._meta.label_lower
        target_id = target.pk
    entry = AuditEntry.objects.create(
        actor=actor,
        actor_label=getattr(actor, "username", "")[:150] if actor is not None else "",
        action=action,
        target_type=target_type[:60],
        target_id=str(target_id or "")[:40],
        detail=detail[:60],
        params=params or {},
        summary=summary[:300],
        path=logged_path(request) if request is not None else "",
        ip=client_address(request) if request is not None else None,
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:200] if request is not None else "",
    )
    seen = written.get()
    if seen is not None:
        seen.append(action)
    return entry
