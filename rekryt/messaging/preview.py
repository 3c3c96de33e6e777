"""Previews: an email template with made-up values, for the template editor,
and a queued email as its candidate will get it, without its secret links."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import override

from rekryt.accounts.models import Organisation
from rekryt.messaging.models import EmailTemplate
from rekryt.messaging.rendering import Rendered, render

# Kept in the session between the editor's "Preview" and the iframe that shows it.
SESSION_KEY = "messaging:template_preview:{pk}"
FIELDS = ("subject", "body_text", "body_html")

SAMPLE_PEOPLE = {
    "sv": ("Anna", "Anna Lindqvist", "Backend-utvecklare"),
    "en": ("Sam", "Sam Taylor", "Backend Developer"),
}


def sample_values(language: str, recruiter_name: str) -> dict[str, Any]:
    first, full, title = SAMPLE_PEOPLE.get(language, SAMPLE_PEOPLE["en"])
    org = Organisation.get()
    with override(language):
        reply_by = formats.date_format(timezone.localdate() + timedelta(days=5), "DATE_FORMAT")
        today = formats.date_format(timezone.localdate(), "DATE_FORMAT")
    return {
        "candidate_first_name": first,
        "candidate_name": full,
        "job_title": title,
        "company": org.name,
        "recruiter_name": recruiter_name,
        "reply_by": reply_by,
        "resubmitted_on": today,
        "job_url": settings.SITE_URL + reverse("career_job", args=["backend-developer"]),
        "career_site_url": settings.SITE_URL + reverse("career_list"),
        "privacy_contact": org.privacy_contact or "privacy@example.com",
    }


def render_sample(template: EmailTemplate, recruiter_name: str) -> Rendered:
    return render(template, sample_values(template.language, recruiter_name))


def remember(session: Any, template: EmailTemplate) -> None:
    """Keep unsaved edits so the preview iframe can render them."""
    session[SESSION_KEY.format(pk=template.pk)] = {f: getattr(template, f) for f in FIELDS}


def forget(session: Any, template: EmailTemplate) -> None:
    session.pop(SESSION_KEY.format(pk=template.pk), None)


def with_remembered_edits(session: Any, template: EmailTemplate) -> EmailTemplate:
    edits = session.get(SESSION_KEY.format(pk=template.pk)) or {}
    for field in FIELDS:
        if isinstance(edits.get(field), str):
            setattr(template, field, edits[field])
    return template


# A link on this site with a path segment as long as a token (rekryt.lib.tokens
# makes 43 characters): the candidate's personal portal link, say. Staff read
# the email without it, so a preview cannot be used to act as the candidate.
_SECRET_LINK = re.compile(re.escape(settings.SITE_URL) + r"/[^\s\"'<>]*?[A-Za-z0-9_-]{32,}/?")


def without_secret_links(text: str, label: str) -> str:
    return _SECRET_LINK.sub(label, text)
