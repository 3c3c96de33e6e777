"""Request-level guards: a body-size cap checked before anything is read, and
security headers Django does not set itself."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)


class RequestSizeLimitMiddleware:
    """Refuse bodies larger than REQUEST_MAX_BYTES from the Content-Length
    header alone, so an oversized upload is never read or spooled to disk.

    Single files over the per-file cap are refused later by
    `rekryt.lib.uploads.CappedUploadHandler`, which keeps the other fields so
    the form can be shown again with everything the candidate typed."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_MAX_BYTES:
            body = render_to_string(
                "413.html",
                {"max_mb": settings.UPLOAD_MAX_BYTES // (1024 * 1024)},
                request=None,
            )
            response = HttpResponse(body, status=413)
            response["Connection"] = "close"
            return response
        from rekryt.lib.uploads import CappedTemporaryUploadHandler, CappedUploadHandler

        request.upload_handlers = [
            CappedUploadHandler(request),
            CappedTemporaryUploadHandler(request),
        ]
        return self.get_response(request)


# URL arguments that carry a secret (magic links, survey links, invitations,
# allauth's password-reset key); the audit log stores such paths with "…".
# Their pages keep the site's Referrer-Policy, same-origin, so the secret
# never travels to another site. "no-referrer" would be stricter but makes
# browsers send "Origin: null" with the page's own form posts, which the
# CSRF check must refuse (tests/browser/test_privacy_without_javascript.py).
SECRET_URL_ARGUMENTS = frozenset({"token", "key", "uidb36"})


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CSP)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


def too_large_message() -> str:
    mb = settings.UPLOAD_MAX_BYTES // (1024 * 1024)
    return _("The file is larger than %(mb)s MB. Please choose a smaller file.") % {"mb": mb}
