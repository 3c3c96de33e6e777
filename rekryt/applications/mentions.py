"""@mentions in notes: writing "@hanna" in a note tells Hanna by email,
with a link to the application — if, and only if, she may see it. A name
that is nobody, or someone outside the job's team, notifies no one and
reveals nothing to the writer.

Like every email a staff action causes, the emails wait the organisation's
`stage_email_delay_minutes`: until then the note's author sees them on the
timeline and can stop them (`cancel_mentions`)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, linebreaks, urlize
from django.utils.safestring import mark_safe
from django.utils.translation import override

from rekryt.accounts.models import Organisation, User
from rekryt.applications.models import Application, EventKind, Note, record
from rekryt.messaging import outbox
from rekryt.messaging.actions import cancel_message
from rekryt.messaging.models import Message, MessageStatus

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


def _key_prefix(note: Note) -> str:
    return f"mention:{note.pk}:"


def _delay() -> timedelta:
    return timedelta(minutes=Organisation.get().stage_email_delay_minutes)


def notify_mentioned(note: Note, author: User, users: list[User]) -> list[User]:
    """Email the colleagues the note names (`colleagues_named`)."""
    application = note.application
    org = Organisation.get()
    send_after: datetime = note.created_at + _delay()
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
            key=f"{_key_prefix(note)}{user.pk}",
            kind="mention",
            to_email=user.email,
            to_name=user.display_name,
            subject=subject,
            text=text,
            html=html,
            language=language,
            send_after=send_after,
        )
    return users


def _waiting(keys: Q) -> QuerySet[Message]:
    return Message.objects.filter(keys, kind="mention", status=MessageStatus.SCHEDULED)


def waiting_mentions(notes: list[Note], viewer: User) -> dict[int, list[Message]]:
    """The mention emails still waiting, of the viewer's own notes that told
    someone within the delay: one query, none when there is no such note."""
    since = timezone.now() - _delay()
    own = [n for n in notes if n.author_id == viewer.pk and n.told and n.created_at >= since]
    if not own:
        return {}
    keys = Q()
    for note in own:
        keys |= Q(idempotency_key__startswith=_key_prefix(note))
    found: dict[int, list[Message]] = {}
    for message in _waiting(keys).order_by("pk").only("idempotency_key", "to_name", "send_after"):
        note_pk = int(message.idempotency_key.split(":")[1])
        found.setdefault(note_pk, []).append(message)
    return found


def cancel_mentions(note: Note, actor: User) -> int:
    """Stop the note's mention emails that have not gone out; only its
    author may. Returns how many were stopped (an Event says so)."""
    if note.author_id != actor.pk:
        return 0
    waiting = _waiting(Q(idempotency_key__startswith=_key_prefix(note)))
    stopped = sum(1 for message in waiting if cancel_message(message, actor))
    if stopped:
        record(note.application, EventKind.MENTIONS_CANCELLED, actor, note=note.pk, count=stopped)
    return stopped
