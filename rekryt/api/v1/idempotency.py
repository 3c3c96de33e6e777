"""Idempotency keys on POST: a client that sends `Idempotency-Key` and does
not hear the answer (a timeout, a dropped connection) sends the same
request again and gets the first answer back, with nothing done twice.
The same key with another request is refused (422). Keys are per token and
kept for a day.

Two requests with one key at the same moment both run only until the
second one's answer is stored: the unique (token, key) refuses it, and the
first answer is what both keys' later replays return."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from rekryt.api.models import IdempotentRequest, Token
from rekryt.api.tokens import digest_of
from rekryt.api.v1.problems import problem

HEADER = "Idempotency-Key"
MAX_KEY = 255
KEPT = timedelta(days=1)
# Answers that say nothing about the request itself are not kept.
NOT_KEPT = {401, 403, 429}


def fingerprint(request: HttpRequest) -> str:
    hashed = hashlib.sha256(f"{request.method} {request.path}\n".encode())
    hashed.update(request.body)
    return hashed.hexdigest()


def _token(request: HttpRequest) -> Token | None:
    kind, _sep, raw = request.headers.get("Authorization", "").partition(" ")
    if kind.lower() != "bearer" or not raw:
        return None
    return Token.objects.usable().filter(digest=digest_of(raw.strip())).first()


def replay(stored: IdempotentRequest) -> HttpResponse:
    response = HttpResponse(stored.body, status=stored.status, content_type=stored.content_type)
    response["Idempotent-Replayed"] = "true"
    return response


def keep(token: Token, key: str, print_: str, response: HttpResponse) -> None:
    if response.status_code >= 500 or response.status_code in NOT_KEPT:
        return
    try:
        with transaction.atomic():
            IdempotentRequest.objects.create(
                token=token,
                key=key,
                fingerprint=print_,
                status=response.status_code,
                body=response.content.decode(),
                content_type=response.get("Content-Type", "application/json")[:60],
            )
    except IntegrityError:
        pass  # a concurrent request with the key stored its answer first


def idempotent(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        key = request.headers.get(HEADER, "")
        token = _token(request) if key else None
        if token is None:
            return view(request, *args, **kwargs)
        if len(key) > MAX_KEY:
            return problem(422, _("The Idempotency-Key is too long."), "idempotency-key")
        print_ = fingerprint(request)
        stored = IdempotentRequest.objects.filter(
            token=token, key=key, created_at__gt=timezone.now() - KEPT
        ).first()
        if stored is not None:
            if stored.fingerprint != print_:
                return problem(
                    422,
                    _("This Idempotency-Key was used for another request."),
                    "idempotency-key-reused",
                )
            return replay(stored)
        response = view(request, *args, **kwargs)
        keep(token, key, print_, response)
        return response

    return wrapped


def purge(batch: int = 1000) -> int:
    """Delete up to `batch` keys older than a day; how many went."""
    old = IdempotentRequest.objects.filter(created_at__lte=timezone.now() - KEPT)
    ids = list(old.values_list("pk", flat=True)[:batch])
    deleted, _kinds = IdempotentRequest.objects.filter(pk__in=ids).delete()
    return deleted
