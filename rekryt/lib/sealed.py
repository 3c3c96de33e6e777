"""Small values sealed into a link: encrypted and authenticated, expiring.

Django's signing proves a value is ours but leaves it readable to anyone
who sees the link (browser history, a shared screen). `seal` encrypts too
(Fernet: AES-128-CBC with HMAC-SHA256 and a timestamp), with a key derived
from SECRET_KEY and a purpose, so a value sealed for one page means nothing
to another."""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


def _fernet(purpose: str) -> Fernet:
    digest = hashlib.sha256(f"rekryt.sealed:{purpose}:{settings.SECRET_KEY}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def seal(value: Any, purpose: str) -> str:
    data = json.dumps(value, separators=(",", ":")).encode()
    return _fernet(purpose).encrypt(data).decode().rstrip("=")


def unseal(token: str, purpose: str, max_age_seconds: int) -> Any:
    """The sealed value, or None for anything altered, foreign or expired."""
    if len(token) > 2000:
        return None
    padded = token + "=" * (-len(token) % 4)
    try:
        data = _fernet(purpose).decrypt(padded.encode(), ttl=max_age_seconds)
        return json.loads(data)
    except (InvalidToken, ValueError, UnicodeError):
        return None
