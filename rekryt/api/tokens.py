"""Personal API tokens: made, found and revoked here only.

A token is `rk_` and 43 characters of URL-safe base64 (256 random bits).
It is shown once, when it is made; the database keeps its SHA-256 and its
first characters (to tell tokens apart), never the token."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from rekryt.accounts.models import User
from rekryt.api.models import SCOPES, Token

PREFIX = "rk_"
SHOWN_CHARACTERS = 10
LONGEST_LIFE = timedelta(days=366)
# last_used_at is written at most this often, not on every request.
USE_PRECISION = timedelta(minutes=5)


def digest_of(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@dataclass
class Made:
    token: Token
    # The only time the secret exists outside the caller's hands.
    raw: str


@transaction.atomic
def create_token(
    user: User, name: str, scopes: list[str], days: int, created_by: User | None
) -> Made:
    unknown = set(scopes) - set(SCOPES)
    if unknown or not scopes:
        raise ValueError("Unknown or no scopes")
    life = min(timedelta(days=days), LONGEST_LIFE)
    if life <= timedelta(0):
        raise ValueError("A token must live at least a day")
    raw = PREFIX + secrets.token_urlsafe(32)
    token = Token.objects.create(
        user=user,
        name=name.strip()[:100],
        prefix=raw[:SHOWN_CHARACTERS],
        digest=digest_of(raw),
        scopes=sorted(set(scopes), key=SCOPES.index),
        expires_at=timezone.now() + life,
        created_by=created_by,
    )
    return Made(token, raw)


def find_token(raw: str) -> Token | None:
    """The usable token this is (active user, not expired, not revoked)."""
    if not raw.startswith(PREFIX) or len(raw) > 100:
        return None
    found = Token.objects.usable().select_related("user").filter(digest=digest_of(raw)).first()
    if found is not None:
        now = timezone.now()
        if found.last_used_at is None or found.last_used_at < now - USE_PRECISION:
            Token.objects.filter(pk=found.pk).update(last_used_at=now)
    return found


def revoke_token(token: Token) -> bool:
    return (
        Token.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
        == 1
    )


def tokens_for(user: User) -> QuerySet[Token]:
    """The tokens a user may list and revoke: their own; admins every one."""
    tokens = Token.objects.select_related("user", "created_by")
    return tokens if user.is_admin else tokens.filter(user=user)
