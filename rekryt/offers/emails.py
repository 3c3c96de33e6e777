"""The emails of an offer: to the candidate when it is sent (with a portal
link), and to the approvers when approval is asked. Both are caused by a
staff action, so both wait the organisation's undo window in the outbox
(`stage_email_delay_minutes`), and are only sent if their reason still
holds (`still_wanted`)."""

from __future__ import annotations

import re
from dataclasses import astuple
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from rekryt.accounts.models import Organisation, Role, User
from rekryt.applications.hooks import blind_for, shown_name
from rekryt.applications.models import EventKind, record
from rekryt.messaging import outbox
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.rendering import render_files
from rekryt.offers.models import Offer, Status
from rekryt.portal.tokens import portal_values

SENT = "offer_sent"
APPROVAL = "offer_approval"
ANSWERED = "offer_answered"
KINDS = [SENT, APPROVAL]


def send_time() -> datetime:
    return timezone.now() + timedelta(minutes=Organisation.get().stage_email_delay_minutes)


def _render(kind: str, context: dict[str, Any], language: str) -> tuple[str, str, str]:
    return astuple(render_files("offers/email", kind, context, language))


def sent_key(offer: Offer) -> str:
    return f"offer:{offer.pk}:sent"


def queue_offer(offer: Offer) -> Message:
    application = offer.application
    language = application.language
    context = {
        "offer": offer,
        "application": application,
        "organisation": Organisation.get(),
        **portal_values(candidate=application.candidate, application=application, kind=SENT),
    }
    subject, text, html = _render(SENT, context, language)
    message = outbox.queue_rendered(
        key=sent_key(offer),
        kind=SENT,
        to_email=application.candidate.email,
        to_name=application.full_name,
        subject=subject,
        text=text,
        html=html,
        language=language,
        send_after=send_time(),
    )
    # The candidate's email: on their timeline and in their data.
    Message.objects.filter(pk=message.pk).update(
        application=application, candidate_id=application.candidate_id
    )
    record(application, EventKind.MESSAGE_QUEUED, message=message.pk, subject=message.subject)
    return message


def waiting(offer: Offer) -> Any:
    return Message.objects.filter(idempotency_key=sent_key(offer), status=MessageStatus.SCHEDULED)


def approvers(offer: Offer, asker: User) -> list[User]:
    """Who may approve: the job's hiring managers, else the admins."""
    people = User.objects.filter(is_active=True).exclude(pk=asker.pk).exclude(email="")
    managers = list(people.filter(role=Role.HIRING_MANAGER, team_jobs__pk=offer.application.job_id))
    return managers or list(people.filter(role=Role.ADMIN))


def approval_prefix(offer: Offer) -> str:
    return f"offer:{offer.pk}:approval:"


def queue_approval_request(offer: Offer, asker: User) -> list[Message]:
    # Each request is its own set of emails (asked, returned, asked again).
    asked = Message.objects.filter(idempotency_key__startswith=approval_prefix(offer)).count()
    queued = []
    for user in approvers(offer, asker):
        language = (user.language or settings.LANGUAGE_CODE)[:2]
        context = {
            "offer": offer,
            "user": user,
            "asker": asker,
            "job": offer.application.job,
            "organisation": Organisation.get(),
            "url": settings.SITE_URL + reverse("offer_detail", args=[offer.pk]),
        }
        subject, text, html = _render(APPROVAL, context, language)
        queued.append(
            outbox.queue_rendered(
                key=f"{approval_prefix(offer)}{asked}:{user.pk}",
                kind=APPROVAL,
                to_email=user.email,
                to_name=user.display_name,
                subject=subject,
                text=text,
                html=html,
                language=language,
                send_after=send_time(),
            )
        )
    return queued


def waiting_approval(offer: Offer) -> Any:
    return Message.objects.filter(
        idempotency_key__startswith=approval_prefix(offer), status=MessageStatus.SCHEDULED
    )


def tell_staff(offer: Offer) -> list[Message]:
    """The candidate answered: the sender and the job's recruiter hear of it
    at once (the candidate's own action, so there is nothing to undo)."""
    application = offer.application
    people = {u.pk: u for u in (offer.sent_by, application.job.recruiter) if u is not None}
    name = shown_name(application, blind_for([application]))
    queued = []
    for user in people.values():
        if not user.is_active or not user.email:
            continue
        language = (user.language or settings.LANGUAGE_CODE)[:2]
        context = {
            "offer": offer,
            "user": user,
            "name": name,
            "job": application.job,
            "organisation": Organisation.get(),
            "url": settings.SITE_URL + reverse("offer_detail", args=[offer.pk]),
        }
        subject, text, html = _render(ANSWERED, context, language)
        queued.append(
            outbox.queue_rendered(
                key=f"offer:{offer.pk}:answered:{user.pk}",
                kind=ANSWERED,
                to_email=user.email,
                to_name=user.display_name,
                subject=subject,
                text=text,
                html=html,
                language=language,
            )
        )
    return queued


_KEY = re.compile(r"\Aoffer:(\d+):(sent|approval)\b")


def still_wanted(message: Message) -> bool:
    """An offer's email goes out only while the offer is still sent (or,
    for approvers, still awaiting approval)."""
    found = _KEY.match(message.idempotency_key)
    if found is None:
        return True
    wanted = Status.SENT if found.group(2) == "sent" else Status.PENDING
    return Offer.objects.filter(pk=int(found.group(1)), status=wanted).exists()
