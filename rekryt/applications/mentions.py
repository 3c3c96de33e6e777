"""@mentions in notes: writing "@hanna" in a note tells Hanna by email,
with a link to the application — if, and only if, she may see it. A name
that is nobody, or someone outside the job's team, notifies no one and
reveals nothing to the writer."""

from __future__ import annotations

import re

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape, linebreaks, urlize
from django.utils.safestring import mark_safe
from django.utils.translation import override

from rekryt.accounts.models import Organisation, User
from rekryt.applications.models import Application, Note
from rekryt.messaging import outbox

# Usernames as Django allows them: letters, digits and @.+-_ (a trailing
# full stop is the sentence's, not the name's).
MENTION = re.compile(r"(?<![\w.@])@([\w.+-]*[\w+-])")
MAX_MENTIONS = 10


def mentioned(body: str) -> list[str]:
    names: list[str] = []
    for name in MENTION.findall(body):
        if name.lower() not in names:
            names.append(name.lower())
    return names[:MAX_MENTIONS]


def colleagues_named(application: Application, body: str, author: User) -> list[User]:
    """The active staff named in `body` who may see the application."""
    names = mentioned(body)
    if not names:
        return []
    found = User.objects.filter(is_active=True, username__in=names).exclude(pk=author.pk)
    return [
        user
        for user in found
        if user.email and Application.objects.visible_to(user).filter(pk=application.pk).exists()
    ]


def notify_mentioned(note: Note, author: User) -> list[User]:
    application = note.application
    users = colleagues_named(application, note.body, author)
    org = Organisation.get()
    for user in users:
        language = user.language or org.default_language
        context = {
            "author": author,
            "application": application,
            "job": application.job,
            "body": note.body,
            "recipient": user,
            "url": settings.SITE_URL
            + reverse("application_detail", args=[application.pk])
            + "#timeline",
        }
        with override(language):
            subject = render_to_string("applications/email/mention_subject.txt", context)
            text = render_to_string("applications/email/mention.txt", context)
            html = render_to_string(
                "messaging/email.html",
                {
                    "subject": subject.strip(),
                    # Rendered as plain text; escaped whole here.
                    "inner": mark_safe(linebreaks(urlize(escape(text)))),  # noqa: S308  # nosec B308 B703
                    "organisation": org,
                    "site_url": settings.SITE_URL,
                    "language": language,
                },
            )
        outbox.queue_rendered(
            key=f"mention:{note.pk}:{user.pk}",
            kind="mention",
            to_email=user.email,
            to_name=user.display_name,
            subject=subject,
            text=text,
            html=html,
            language=language,
        )
    return users
