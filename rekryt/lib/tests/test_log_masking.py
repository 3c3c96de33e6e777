"""Logs never hold link tokens, reset or invitation keys, typed searches or
email addresses: through Django's logging with the test client, and through
gunicorn's own access-log code."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from gunicorn.config import Config

from rekryt.lib.gunicorn_logger import AccessLogger
from rekryt.lib.logs import RedactingFilter, mask_url
from rekryt.lib.middleware import SECRET_URL_ARGUMENTS

TOKEN = "Zq3x-SECRET-portal-token_0123456789abcdef"


@pytest.fixture
def console() -> Iterator[io.StringIO]:
    """What the configured console handler writes (settings.LOGGING)."""
    handler = next(
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, RedactingFilter) for f in h.filters)
    )
    assert isinstance(handler, logging.StreamHandler)
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield buffer
    handler.setStream(previous)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("url", "logged"),
    [
        (f"/portal/t/{TOKEN}/", "/portal/t/…/"),
        (f"/portal/t/{TOKEN}", "/portal/t/…"),
        (f"/survey/{TOKEN}/unsubscribe/", "/survey/…/unsubscribe/"),
        (f"/staff/invitation/{TOKEN}/", "/staff/invitation/…/"),
        (
            f"/staff/account/password/reset/key/3f-{TOKEN}/",
            "/staff/account/password/reset/key/…-…/",
        ),
        (
            "/staff/candidates/?q=Anna+Andersson&sort=name&page=2",
            "/staff/candidates/?q=…&sort=name&page=2",
        ),
        ("/staff/candidates/?page=<script>", "/staff/candidates/?page=…"),
        (
            f"https://jobs.example.com/portal/t/{TOKEN}/?a=b",
            "https://jobs.example.com/portal/t/…/?a=…",
        ),
        ("/jobs/backend/?utm_source=linkedin", "/jobs/backend/?utm_source=linkedin"),
    ],
)
def test_urls_keep_their_shape_without_secrets(db: Any, url: str, logged: str) -> None:
    assert mask_url(url) == logged


def secret_routes(patterns: list[Any], prefix: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from secret_routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            if any(f":{name}>" in route for name in SECRET_URL_ARGUMENTS):
                yield route


def test_every_url_with_a_secret_is_logged_without_it(db: Any) -> None:
    routes = list(secret_routes(get_resolver().url_patterns))
    assert len(routes) >= 8
    for route in routes:
        path = "/" + re.sub(
            r"<(\w+):(\w+)>", lambda m: TOKEN if m.group(2) in SECRET_URL_ARGUMENTS else "x", route
        )
        path = path.replace("^", "").replace("$", "")
        assert TOKEN not in mask_url(path), route


def test_djangos_not_found_log_names_no_portal_token(
    db: Any, client: Any, console: io.StringIO
) -> None:
    response = client.get(f"/portal/t/{TOKEN}/")
    assert response.status_code == 404
    logged = console.getvalue()
    assert "Not Found: /portal/t/…/" in logged
    assert TOKEN not in logged


def test_rekryt_logs_lose_email_addresses_in_messages_and_tracebacks(
    db: Any, console: io.StringIO
) -> None:
    log = logging.getLogger("rekryt.messaging.duties")
    log.warning("message %s not delivered: %s", 7, "550 5.1.1 <anna.a@example.org> unknown")
    try:
        raise ValueError("duplicate key (email)=(bo@example.se)")
    except ValueError:
        log.exception("duty failed")
    logged = console.getvalue()
    assert "message 7 not delivered: 550 5.1.1 <…> unknown" in logged
    assert "ValueError: duplicate key (email)=(…)" in logged
    assert "example.org" not in logged and "example.se" not in logged


def _access_line(tmp_path: Any, environ: dict[str, str], fmt: str | None = None) -> str:
    config = Config()
    config.set("accesslog", str(tmp_path / "access.log"))
    if fmt is not None:
        config.set("access_log_format", fmt)
    logger = AccessLogger(config)
    environ = {"REQUEST_METHOD": "GET", "SERVER_PROTOCOL": "HTTP/1.1", **environ}
    response = SimpleNamespace(status="200 OK", sent=10, headers=[("Set-Cookie", "s=1")])
    request = SimpleNamespace(
        headers=[("COOKIE", "sessionid=abc"), ("REFERER", environ.get("HTTP_REFERER", "-"))]
    )
    logger.access(response, request, environ, timedelta(milliseconds=5))
    for handler in logger.access_log.handlers:
        handler.flush()
    return (tmp_path / "access.log").read_text()


def test_gunicorns_access_log_masks_the_request_line_and_referrer(db: Any, tmp_path: Any) -> None:
    line = _access_line(
        tmp_path,
        {
            "RAW_URI": f"/portal/t/{TOKEN}/?utm_source=mail",
            "PATH_INFO": f"/portal/t/{TOKEN}/",
            "QUERY_STRING": "utm_source=mail",
            "HTTP_REFERER": "https://jobs.example.com/staff/candidates/?q=Anna+Andersson",
            "REMOTE_ADDR": "203.0.113.7",
        },
    )
    assert '"GET /portal/t/…/?utm_source=mail HTTP/1.1" 200' in line
    assert '"https://jobs.example.com/staff/candidates/?q=…"' in line
    assert TOKEN not in line and "Anna" not in line


def test_no_access_log_format_can_print_secrets(db: Any, tmp_path: Any) -> None:
    fmt = " ".join(
        f"%({atom})s"
        for atom in ("U", "q", "{raw_uri}e", "{query_string}e", "{cookie}i", "{set-cookie}o")
    )
    fmt += " %({referer}i)s"
    line = _access_line(
        tmp_path,
        {
            "RAW_URI": "/staff/candidates/?q=Anna",
            "PATH_INFO": "/staff/candidates/",
            "QUERY_STRING": "q=Anna",
            "HTTP_REFERER": f"/portal/t/{TOKEN}/",
        },
        fmt,
    )
    assert line.split() == [
        "/staff/candidates/",
        "q=…",
        "/staff/candidates/?q=…",
        "q=…",
        "…",
        "…",
        "/portal/t/…/",
    ]
