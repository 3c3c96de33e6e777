"""Render an EmailTemplate with named placeholders into subject, text and HTML."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape, linebreaks, urlize
from django.utils.safestring import mark_safe

from rekryt.accounts.models import Organisation
from rekryt.messaging.models import PLACEHOLDERS, EmailTemplate


@dataclass
class Rendered:
    subject: str
    text: str
    html: str


class _Values(dict[str, str]):
    def __missing__(self, key: str) -> str:
        # Templates are validated on save; an unknown key here is a bug in the
        # caller's context, and an empty string is safer than a crash mid-batch.
        return ""


def one_line(value: str) -> str:
    """Header-safe: no line breaks from names or titles can reach an email header."""
    return " ".join(str(value).split())


def render(template: EmailTemplate, values: dict[str, Any], portal_url: str = "") -> Rendered:
    plain = _Values({k: str(values.get(k, "")) for k in PLACEHOLDERS})
    subject = one_line(template.subject.format_map(plain))
    text = template.body_text.format_map(plain)
    if template.body_html:
        escaped = _Values({k: escape(v) for k, v in plain.items()})
        inner = template.body_html.format_map(escaped)
    else:
        inner = linebreaks(urlize(escape(text), autoescape=False))
    org = Organisation.get()
    html = render_to_string(
        "messaging/email.html",
        {
            "subject": subject,
            # Placeholder values were escaped above; the admin's own HTML is
            # trusted as admin-authored template text.
            "inner": mark_safe(inner),  # noqa: S308  # nosec B308 B703
            "organisation": org,
            "site_url": settings.SITE_URL,
            "language": template.language,
        },
    )
    return Rendered(subject=subject, text=text, html=html)


def render_files(folder: str, kind: str, context: dict[str, Any], language: str) -> Rendered:
    """An email an app writes in its own templates: `<folder>/<kind>_subject.txt`
    and `<folder>/<kind>.txt` in `language`, and the HTML part as every
    email's (the text escaped, links made clickable, in messaging/email.html)."""
    with translation.override(language):
        subject = render_to_string(f"{folder}/{kind}_subject.txt", context).strip()
        text = render_to_string(f"{folder}/{kind}.txt", context)
        inner = linebreaks(urlize(text, autoescape=True), autoescape=False)
        html = render_to_string(
            "messaging/email.html", {**context, "subject": subject, "inner": inner}
        )
    return Rendered(subject=subject, text=text, html=html)
