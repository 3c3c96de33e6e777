"""`manage.py check` (and the worker, which runs the checks at start) refuses
an EMAIL_URL it cannot use, instead of the first email failing later."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error
from django.core.exceptions import ImproperlyConfigured

from rekryt.messaging.email_url import parse_email_url


def check_email_url(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    try:
        parse_email_url(settings.EMAIL_URL, timeout=settings.EMAIL_TIMEOUT)
    except ImproperlyConfigured as exc:
        return [Error(str(exc), id="messaging.E001")]
    return []
