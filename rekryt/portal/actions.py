"""What a candidate can do from the portal. Each is one transaction that
changes the rows and writes the application's timeline Event."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.base import File
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, linebreaks, urlize
from django.utils.safestring import mark_safe
from django.utils.translation import override

from rekryt.accounts.models import Organisation, Role, User
from rekryt.applications.actions import Upload
from rekryt.applications.hooks import blind_for
from rekryt.applications.models import (
    Application,
    Event,
    EventKind,
    ReasonKind,
    RejectionReason,
    record,
)
from rekryt.applications.rejections import reject_application
from rekryt.applications.submissions import index_candidate, store_uploads
from rekryt.candidates.models import Candidate, Document, DocumentKind, normalise_email
from rekryt.lib.sniff import Checked
from rekryt.messaging import outbox
from rekryt.messaging.actions import cancel_message
from rekryt.messaging.models import Message, MessageStatus, TemplateKind
from rekryt.portal.models import PortalMessage

# Created by migration 0002 when missing; chosen when no other active
# "candidate withdrew" reason comes first in the editable list.
WITHDRAWN_REASON = ("Kandidaten drog tillbaka sin ansökan", "Withdrawn by the candidate")
DETAIL_FIELDS = ("first_name", "last_name", "phone", "link")


def _staff_to_notify(application: Application) -> list[User]:
    recruiter = application.job.recruiter
    if recruiter is not None and recruiter.is_active and recruiter.email:
        return [recruiter]
    return list(User.objects.filter(role=Role.ADMIN, is_active=True).exclude(email=""))


def _notify_staff(message: PortalMessage) -> None:
    application = message.application
    org = Organisation.get()
    # Under blind review the email names a pseudonym and masks the text.
    blind = blind_for([application]).get(application.pk)
    for user in _staff_to_notify(application):
        language = user.language or org.default_language
        with override(language):
            shown = blind.name if blind else application.candidate.full_name
        context = {
            "shown_name": shown,
            "job": application.job,
            "body": blind.mask(message.body) if blind else message.body,
            "url": settings.SITE_URL + reverse("application_detail", args=[application.pk]),
            "recipient": user,
        }
        with override(language):
            subject = render_to_string("portal/email/staff_message_subject.txt", context).strip()
            text = render_to_string("portal/email/staff_message.txt", context)
            html = render_to_string(
                "messaging/email.html",
                {
                    "subject": subject,
                    # The text was rendered with autoescape off for plain text;
                    # escape it whole before turning it into HTML.
                    "inner": mark_safe(linebreaks(urlize(escape(text)))),  # noqa: S308  # nosec B308 B703
                    "organisation": org,
                    "site_url": settings.SITE_URL,
                    "language": language,
                },
            )
        outbox.queue_rendered(
            key=f"portal-msg:{message.pk}:{user.pk}",
            kind="portal_message",
            to_email=user.email,
            to_name=user.display_name,
            subject=subject,
            text=text,
            html=html,
            language=language,
        )


@transaction.atomic
def write_to_recruiter(application: Application, body: str) -> PortalMessage:
    message = PortalMessage.objects.create(application=application, body=body)
    record(application, EventKind.CANDIDATE_MESSAGE, body=body, portal_message=message.pk)
    _notify_staff(message)
    return message


def withdrawal_reason() -> RejectionReason:
    reason = RejectionReason.objects.filter(kind=ReasonKind.WITHDREW, active=True).first()
    if reason is not None:
        return reason
    sv, en = WITHDRAWN_REASON
    reason, _created = RejectionReason.objects.get_or_create(
        kind=ReasonKind.WITHDREW, name_en=en, defaults={"name_sv": sv}
    )
    return reason


@transaction.atomic
def withdraw(application: Application, reason_text: str) -> bool:
    """End the application as withdrawn by the candidate, confirm it to them
    by email, and cancel other emails still waiting to go out about it: they
    no longer fit."""
    if not reject_application(application, withdrawal_reason(), None):
        return False
    # set_outcome wrote the event a moment ago in this transaction; the
    # candidate's own words belong on that same event, not a second one.
    event = Event.objects.filter(application=application, kind=EventKind.OUTCOME_SET).latest(
        "created_at", "pk"
    )
    event.data = {**event.data, "by_candidate": True, "candidate_reason": reason_text}
    event.save(update_fields=["data"])
    pending = Message.objects.filter(
        application=application, status=MessageStatus.SCHEDULED
    ).exclude(kind=TemplateKind.WITHDRAWAL_CONFIRMED)
    for message in pending:
        cancel_message(message, None)
    return True


@transaction.atomic
def update_details(candidate: Candidate, values: dict[str, str]) -> list[str]:
    """The candidate corrects their own details (a portal session proves the
    address); returns the fields changed. Applications keep what they were
    sent with."""
    changed = [f for f in DETAIL_FIELDS if getattr(candidate, f) != values[f]]
    for name in changed:
        setattr(candidate, name, values[name])
    candidate.details_confirmed_at = timezone.now()
    candidate.save()
    if not changed:
        return []
    index_candidate(candidate)
    for application in candidate.applications.all():
        record(application, EventKind.DETAILS_UPDATED, fields=changed)
    return changed


@transaction.atomic
def add_cv(application: Application, file: File[Any], checked: Checked) -> Document:
    """Store a newer CV on the application; the extraction duty reads it."""
    file.seek(0)
    upload = Upload(
        DocumentKind.CV,
        file,
        checked.original_name,
        checked.content_type,
        checked.size,
        checked.sha256,
    )
    [document] = store_uploads(application.candidate, [upload], application=application)
    record(
        application,
        EventKind.DOCUMENT_ADDED,
        document=document.pk,
        document_kind=DocumentKind.CV,
        by_candidate=True,
    )
    return document


@dataclass
class LinkRequest:
    queued: bool


# One link email per candidate per bucket, however often the form is sent.
LINK_BUCKET_SECONDS = 10 * 60


@transaction.atomic
def send_new_link(email: str) -> LinkRequest:
    """Queue a portal link to the candidate with this address, if there is one.
    Run by the worker (rekryt.portal.duties), never while answering the form,
    so the answer cannot tell whether the address is known."""
    candidate = Candidate.objects.filter(email_normalised=normalise_email(email)).first()
    if candidate is None or not candidate.applications.exists():
        return LinkRequest(queued=False)
    bucket = int(timezone.now().timestamp()) // LINK_BUCKET_SECONDS
    outbox.queue(
        key=f"portal-link:{candidate.pk}:{bucket}",
        kind=TemplateKind.PORTAL_LINK,
        language=candidate.language,
        to_email=candidate.email,
        to_name=candidate.full_name,
        values={
            **outbox.candidate_values(candidate),
        },
        candidate=candidate,
    )
    return LinkRequest(queued=True)
