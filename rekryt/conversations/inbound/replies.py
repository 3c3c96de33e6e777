"""A candidate's reply stored where staff and the candidate read it: a
`Reply`, an event on the application's timeline, its attachments as the
application's documents (checked like uploads), and an email to the
recruiter."""

from __future__ import annotations

from django.conf import settings
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape, linebreaks, urlize
from django.utils.safestring import mark_safe
from django.utils.translation import override

from rekryt.accounts.models import Organisation, Role, User
from rekryt.applications.actions import Upload
from rekryt.applications.models import Application, EventKind, record
from rekryt.applications.submissions import store_uploads
from rekryt.candidates.models import Document, DocumentKind
from rekryt.conversations.inbound.parse import Attachment, ParsedMail
from rekryt.conversations.models import Reply
from rekryt.lib.sniff import RejectedFile, check_document
from rekryt.messaging import outbox

MAX_ATTACHMENTS = 10


def store_reply(application: Application, parsed: ParsedMail) -> Reply:
    """Raises IntegrityError when this mail was received before."""
    reply = Reply.objects.create(
        application=application,
        subject=parsed.subject,
        body=parsed.text,
        message_id=parsed.message_id or _fingerprint(parsed),
    )
    documents, refused = _documents(application, parsed.attachments)
    record(
        application,
        EventKind.CANDIDATE_MESSAGE,
        body=parsed.text,
        via="email",
        reply=reply.pk,
        documents=[d.pk for d in documents],
        refused=refused,
    )
    _notify(application, reply, len(documents), refused)
    return reply


def _fingerprint(parsed: ParsedMail) -> str:
    import hashlib

    return "sha256:" + hashlib.sha256(f"{parsed.subject}\n{parsed.text}".encode()).hexdigest()


def _documents(
    application: Application, attachments: list[Attachment]
) -> tuple[list[Document], int]:
    """Accepted attachments become documents; the rest are counted as refused."""
    uploads, refused = [], 0
    for attachment in attachments[:MAX_ATTACHMENTS]:
        file = ContentFile(attachment.data, name=attachment.name or "attachment")
        try:
            checked = check_document(file)
        except RejectedFile:
            refused += 1
            continue
        uploads.append(
            Upload(
                kind=DocumentKind.OTHER,
                file=file,
                original_name=checked.original_name,
                content_type=checked.content_type,
                size=checked.size,
                sha256=checked.sha256,
            )
        )
    refused += max(len(attachments) - MAX_ATTACHMENTS, 0)
    return store_uploads(application.candidate, uploads, application=application), refused


def _staff_for(application: Application) -> list[User]:
    recruiter = application.job.recruiter
    if recruiter is not None and recruiter.is_active and recruiter.email:
        return [recruiter]
    return list(User.objects.filter(role=Role.ADMIN, is_active=True).exclude(email=""))


def _notify(application: Application, reply: Reply, documents: int, refused: int) -> None:
    org = Organisation.get()
    for user in _staff_for(application):
        language = user.language or org.default_language
        context = {
            "candidate": application.candidate,
            "job": application.job,
            "body": reply.body,
            "documents": documents,
            "refused": refused,
            "url": settings.SITE_URL
            + reverse("application_detail", args=[application.pk])
            + "#conversation",
            "recipient": user,
        }
        with override(language):
            subject = render_to_string("conversations/email/staff_reply_subject.txt", context)
            text = render_to_string("conversations/email/staff_reply.txt", context)
            html = render_to_string(
                "messaging/email.html",
                {
                    "subject": subject.strip(),
                    # Rendered as plain text above; escaped whole here.
                    "inner": mark_safe(linebreaks(urlize(escape(text)))),  # noqa: S308  # nosec B308 B703
                    "organisation": org,
                    "site_url": settings.SITE_URL,
                    "language": language,
                },
            )
        outbox.queue_rendered(
            key=f"reply:{reply.pk}:{user.pk}",
            kind="reply_notice",
            to_email=user.email,
            to_name=user.display_name,
            subject=subject,
            text=text,
            html=html,
            language=language,
        )
