"""Keeping secrets and personal data out of every log Rekryt writes.

A URL can carry a secret (portal, survey and download tokens, invitations,
password-reset keys: the URL arguments in SECRET_URL_ARGUMENTS) and a query
string can carry what someone typed (a staff search for a name). Log lines
keep the shape of a URL with those replaced by "…", as the audit log does:
query values survive only for parameters known to hold nothing personal.
Email addresses are masked wherever they appear in a message.

`RedactingFilter` is on the handler every Django and Rekryt logger writes
through (settings.LOGGING); gunicorn's access log uses
`rekryt.lib.gunicorn_logger.AccessLogger`."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, quote

from django.urls import Resolver404, resolve

from rekryt.lib.middleware import SECRET_URL_ARGUMENTS

MASK = "…"
# Query parameters whose values are never personal: pages, sorts, filters
# chosen from lists, campaign sources. Every other value is masked.
PLAIN_PARAMETERS = frozenset(
    {
        "page",
        "offset",
        "sort",
        "status",
        "state",
        "period",
        "ended",
        "job",
        "stage",
        "department",
        "city",
        "workplace",
        "employment_type",
        "source",
        "utm_source",
        "utm_medium",
        "utm_campaign",
    }
)
_PLAIN_VALUE = re.compile(r"[\w.-]{0,40}")
_EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
# A path in free text, with or without scheme and host, up to white space or quotes.
_URL_IN_TEXT = re.compile(r"(?:https?://[^\s/\"'<>]+)?/[^\s\"'<>]*")


def mask_arguments(path: str, arguments: Mapping[str, Any]) -> str:
    """`path` with the values of its secret URL arguments replaced by "…"."""
    for name in SECRET_URL_ARGUMENTS.intersection(arguments):
        value = str(arguments[name])
        if value:
            path = path.replace(value, MASK)
    return path


def mask_path(path: str) -> str:
    """A path (no query string) with its secrets masked, found by resolving
    it as Django would (also with the slash Django would add)."""
    for candidate in (path, path.rstrip("/") + "/"):
        try:
            match = resolve(candidate)
        except Resolver404:
            continue
        return mask_arguments(path, match.kwargs)
    return path


def mask_query(query: str) -> str:
    pairs = parse_qsl(query, keep_blank_values=True)
    return "&".join(
        f"{quote(name, safe='_.-')}="
        + (value if name in PLAIN_PARAMETERS and _PLAIN_VALUE.fullmatch(value) else MASK)
        for name, value in pairs
    )


def mask_url(url: str) -> str:
    """A URL, absolute or a path with a query string, made safe to log."""
    try:
        head, separator, query = url.partition("?")
        scheme_host = re.match(r"https?://[^/]+", head)
        prefix = scheme_host.group(0) if scheme_host else ""
        path = head[len(prefix) :]
        masked = prefix + (mask_path(path) if path.startswith("/") else path)
        return masked + (separator + mask_query(query) if separator else "")
    except Exception:  # a log line must never fail; say nothing rather than leak
        return MASK


def mask_text(text: str) -> str:
    """Free text (a log message, a traceback) with every URL in it masked
    and every email address replaced."""
    text = _EMAIL.sub(MASK, text)
    return _URL_IN_TEXT.sub(lambda found: mask_url(found.group(0)), text)


class RedactingFilter(logging.Filter):
    """Rewrites each record's message and traceback through `mask_text`."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string is logging's problem, not ours
            return True
        record.msg, record.args = mask_text(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_text(record.exc_text)
        return True
