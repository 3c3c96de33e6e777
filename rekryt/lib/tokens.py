"""Secret links for people without accounts (candidates, referees).

A token is 256 random bits in URL-safe base64; the database keeps only its
SHA-256, so the raw value exists only in the email or page that carries it,
and a leaked database cannot be turned into working links."""

from __future__ import annotations

import hashlib
import secrets


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def new_token(nbytes: int = 32) -> tuple[str, str]:
    """A fresh (raw, hash) pair."""
    raw = secrets.token_urlsafe(nbytes)
    return raw, hash_token(raw)
