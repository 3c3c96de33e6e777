"""Serve email HTML so that nothing in it can act on the staff pages.

The page is meant for a `<iframe sandbox>` on our own pages: the CSP sandbox
gives it an opaque origin with no scripts, forms or plugins even if opened
directly, and only inline styles and data: images load (no tracking pixels)."""

from __future__ import annotations

from django.http import HttpResponse

SANDBOX_CSP = (
    "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'"
)


def sandboxed_html(html: str) -> HttpResponse:
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    # Set explicitly: the site middleware only fills in headers left unset.
    response["Content-Security-Policy"] = SANDBOX_CSP
    response["X-Frame-Options"] = "SAMEORIGIN"
    response["Cache-Control"] = "private, no-store"
    return response
