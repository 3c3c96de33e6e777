"""Bank and tax details encrypted at rest with Fernet (AES-128-CBC with
HMAC-SHA256, from `cryptography`).

Keys: ONBOARDING_KEYS (comma-separated Fernet keys, the first encrypts, all
decrypt, so a key can be rotated by putting the new one first); without it,
one key derived from SECRET_KEY for this purpose alone. Changing SECRET_KEY
without ONBOARDING_KEYS makes details stored under the old key unreadable:
`open_sealed` then returns None and the page says so (the new hire can enter
them again). The database, its backups and logs only ever hold tokens."""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


def _keys() -> MultiFernet:
    configured = [k.strip() for k in getattr(settings, "ONBOARDING_KEYS", []) if k.strip()]
    if not configured:
        digest = hashlib.sha256(f"rekryt.onboarding.pay:{settings.SECRET_KEY}".encode()).digest()
        configured = [base64.urlsafe_b64encode(digest).decode()]
    return MultiFernet([Fernet(key.encode()) for key in configured])


def seal(values: dict[str, str]) -> str:
    """A token for `values`, or "" when every value is empty (nothing stored)."""
    kept = {k: v for k, v in values.items() if v}
    if not kept:
        return ""
    return _keys().encrypt(json.dumps(kept, separators=(",", ":")).encode()).decode()


def open_sealed(token: str) -> dict[str, Any] | None:
    """The values sealed in `token`; {} for none stored; None when the key
    that sealed them is gone."""
    if not token:
        return {}
    try:
        found = json.loads(_keys().decrypt(token.encode()))
    except (InvalidToken, ValueError):
        return None
    return found if isinstance(found, dict) else None
