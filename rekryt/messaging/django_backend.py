"""A Django email backend that puts mail into the durable outbox.

Everything sent through `django.core.mail` (password resets, staff
invitations, allauth's notifications) becomes a `Message` row, so it is
retried by the worker, logged, and shown in the development mailbox like
every other email. The worker's own delivery (`rekryt.messaging.delivery`)
talks to SMTP directly and never goes through EMAIL_BACKEND, so this cannot
loop. Attachments are not kept: no staff email has one."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from email.utils import parseaddr

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import translation

from rekryt.messaging.outbox import queue_rendered

# The kind of message a caller can set with this header; the default says
# where the mail came from.
KIND_HEADER = "X-Rekryt-Kind"
DEFAULT_KIND = "staff_account"


def _html_part(message: EmailMessage) -> str:
    if isinstance(message, EmailMultiAlternatives):
        for alternative in message.alternatives:
            content, mimetype = alternative[0], alternative[1]
            if mimetype == "text/html":
                return str(content)
    if message.content_subtype == "html":
        return str(message.body)
    return ""


def _text_part(message: EmailMessage) -> str:
    if message.content_subtype == "html":
        from django.utils.html import strip_tags

        return strip_tags(str(message.body))
    return str(message.body)


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        sent = 0
        language = (translation.get_language() or "sv")[:2]
        for message in email_messages:
            headers = message.extra_headers or {}
            kind = str(headers.get(KIND_HEADER, DEFAULT_KIND))[:40]
            html = _html_part(message)
            text = _text_part(message)
            for recipient in [*message.to, *message.cc, *message.bcc]:
                name, address = parseaddr(recipient)
                if not address:
                    continue
                queue_rendered(
                    key=f"django-mail:{uuid.uuid4()}",
                    kind=kind,
                    to_email=address,
                    to_name=name,
                    subject=str(message.subject),
                    text=text,
                    html=html,
                    language=language,
                )
            sent += 1
        return sent
