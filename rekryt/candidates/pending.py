"""Keep a checked upload between a form that failed and its resubmission.

The candidate gets a random token (192 bits) in a hidden field; the row stores
only its SHA-256, so the table alone cannot be used to claim anyone's file.
A token is good for one day and one use: the caller discards the row once the
file has been copied into a Document. Rows nobody comes back for are removed
by the duty `rekryt.candidates.duties.purge_pending_uploads`."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from rekryt.candidates.models import PendingUpload
from rekryt.lib.tokens import hash_token

MAX_AGE = timedelta(days=1)
_TOKEN = re.compile(r"\A[A-Za-z0-9_-]{20,64}\Z")


def store_pending(
    file: Any, *, original_name: str, content_type: str, size: int, sha256: str
) -> tuple[str, PendingUpload]:
    """Store a file that passed `rekryt.lib.sniff.check_document`; returns
    the token to hand to the browser and the row."""
    token = secrets.token_urlsafe(24)
    pending = PendingUpload(
        token=hash_token(token),
        original_name=original_name,
        content_type=content_type,
        size=size,
        sha256=sha256,
    )
    file.seek(0)
    pending.file.save("pending", file, save=False)
    pending.save()
    return token, pending


def find_pending(token: str) -> PendingUpload | None:
    """The unexpired upload for `token`, or None for anything else."""
    if not token or not _TOKEN.match(token):
        return None
    return PendingUpload.objects.filter(
        token=hash_token(token), created_at__gte=timezone.now() - MAX_AGE
    ).first()


def discard_pending(pending: PendingUpload) -> None:
    """Delete the row now and its file once the surrounding transaction has
    committed (a rolled-back caller still has the row pointing at the file)."""
    storage, name = pending.file.storage, pending.file.name
    pending.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
