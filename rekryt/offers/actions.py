"""Workflows on offers. Each is one transaction that changes the offer,
writes the application's timeline Event (and an audit entry for approvals
and signatures) and queues the email it causes.

The life of an offer: drafted (from a template) → approval asked → approved
(or returned for changes) → sent, with the email held for the
organisation's undo window → accepted (the application is hired) or
declined; withdrawn at any point before an answer. Changing a sent offer
makes the next version and supersedes the one sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from rekryt.accounts.models import User
from rekryt.applications.actions import move_to_stage, set_outcome
from rekryt.applications.models import Application, EventKind, Outcome, record
from rekryt.audit import log as audit
from rekryt.audit.models import Action
from rekryt.candidates.personal_data import remove_files_on_commit
from rekryt.jobs.models import StageKind
from rekryt.messaging.actions import cancel_message
from rekryt.offers import emails, pdf
from rekryt.offers.models import Offer, OfferTemplate, Status
from rekryt.offers.signature import names_match

# The fields a person writes on an offer (and a new version copies).
TEXT_FIELDS = [
    "title",
    "salary",
    "salary_period",
    "start_date",
    "intro",
    "terms",
    "benefits",
    "collective_agreement",
    "expires_on",
    "needs_approval",
]


class OfferRefused(Exception):
    """The candidate's answer cannot be taken; `str()` is a kind message."""


def initial_from(template: OfferTemplate | None, application: Application) -> dict[str, Any]:
    """A new offer's fields from a template, in the application's language."""
    language = application.language
    today = timezone.localdate()
    if template is None:
        return {"title": application.job.title, "expires_on": today + timedelta(days=7)}
    return {
        "template": template,
        "title": template.text_in("title", language) or application.job.title,
        "intro": template.text_in("intro", language),
        "terms": template.text_in("terms", language),
        "benefits": template.text_in("benefits", language),
        "collective_agreement": template.collective_agreement,
        "needs_approval": template.needs_approval,
        "expires_on": today + timedelta(days=template.valid_days),
    }


def _event(offer: Offer, kind: str, actor: User | None, **data: Any) -> None:
    record(offer.application, kind, actor, offer=offer.pk, version=offer.version, **data)


@transaction.atomic
def draft_offer(application: Application, actor: User, fields: dict[str, Any]) -> Offer:
    """A new offer for `application` (version 1, or the next after ended ones)."""
    Application.objects.select_for_update().get(pk=application.pk)
    last = Offer.objects.filter(application=application).order_by("-version").first()
    offer = Offer.objects.create(
        application=application,
        version=(last.version + 1) if last else 1,
        created_by=actor,
        **fields,
    )
    _event(offer, EventKind.OFFER_DRAFTED, actor)
    return offer


def _locked(offer: Offer) -> Offer:
    return Offer.objects.select_for_update().select_related("application").get(pk=offer.pk)


@transaction.atomic
def change_offer(offer: Offer, actor: User, fields: dict[str, Any]) -> Offer:
    """Change an offer. One not yet sent changes in place (an approval given
    or asked for no longer holds); a sent one becomes a new version, and the
    version the candidate has can no longer be accepted."""
    offer = _locked(offer)
    if offer.is_editable:
        for name, value in fields.items():
            setattr(offer, name, value)
        offer.status = Status.DRAFT
        offer.approved_by, offer.approved_at = None, None
        offer.save()
        _event(offer, EventKind.OFFER_CHANGED, actor)
        return offer
    if offer.status != Status.SENT:
        raise ValueError("Only an open offer can be changed")
    _cancel_email(offer, actor)
    offer.status = Status.SUPERSEDED
    offer.ended_at = timezone.now()
    offer.save(update_fields=["status", "ended_at"])
    copied = {name: getattr(offer, name) for name in TEXT_FIELDS}
    new = Offer.objects.create(
        application=offer.application,
        version=offer.version + 1,
        template=offer.template,
        created_by=actor,
        **{**copied, **fields},
    )
    _event(new, EventKind.OFFER_CHANGED, actor, superseded=offer.pk)
    return new


@transaction.atomic
def ask_approval(offer: Offer, actor: User) -> bool:
    offer = _locked(offer)
    if offer.status != Status.DRAFT:
        return False
    offer.status = Status.PENDING
    offer.needs_approval = True
    offer.approval_asked_by = actor
    offer.save(update_fields=["status", "needs_approval", "approval_asked_by"])
    _event(offer, EventKind.OFFER_APPROVAL_ASKED, actor)
    emails.queue_approval_request(offer, actor)
    return True


@transaction.atomic
def take_back_approval(offer: Offer, actor: User) -> bool:
    """The writer takes back a request for approval (before anyone decided):
    the approvers' emails that have not gone out are cancelled."""
    offer = _locked(offer)
    if offer.status != Status.PENDING:
        return False
    for message in emails.waiting_approval(offer):
        cancel_message(message, actor)
    offer.status = Status.DRAFT
    offer.save(update_fields=["status"])
    _event(offer, EventKind.OFFER_APPROVAL_TAKEN_BACK, actor)
    return True


@transaction.atomic
def decide_approval(offer: Offer, actor: User, approve: bool, note: str = "") -> bool:
    """Approve a pending offer, or return it to its writer for changes."""
    offer = _locked(offer)
    if offer.status != Status.PENDING:
        return False
    offer.status = Status.APPROVED if approve else Status.DRAFT
    offer.approved_by = actor if approve else None
    offer.approved_at = timezone.now() if approve else None
    offer.approval_note = note
    offer.save(update_fields=["status", "approved_by", "approved_at", "approval_note"])
    kind = EventKind.OFFER_APPROVED if approve else EventKind.OFFER_RETURNED
    _event(offer, kind, actor, note=note)
    audit.record(
        Action.EDIT,
        actor=actor,
        target=offer,
        detail="offer_approved" if approve else "offer_returned",
        params={"version": offer.version, "application": offer.application_id},
    )
    return True


@transaction.atomic
def send_offer(offer: Offer, actor: User) -> bool:
    """Fix the PDF, make the offer answerable in the portal and queue the
    email after the undo window."""
    offer = _locked(offer)
    if not offer.may_send or not offer.application.is_active:
        return False
    document = pdf.offer_pdf(offer)
    offer.pdf.save(offer.file_name(), ContentFile(document), save=False)
    offer.pdf_sha256 = pdf.sha256(document)
    offer.status = Status.SENT
    offer.sent_by, offer.sent_at = actor, timezone.now()
    offer.save()
    message = emails.queue_offer(offer)
    _event(offer, EventKind.OFFER_SENT, actor, sha256=offer.pdf_sha256, message=message.pk)
    return True


def undoable(offer: Offer) -> bool:
    """A send can be undone while its email waits and the candidate has not
    opened the offer."""
    if offer.status != Status.SENT or offer.viewed_at is not None:
        return False
    return emails.waiting(offer).exists()


@transaction.atomic
def undo_send(offer: Offer, actor: User) -> bool:
    offer = _locked(offer)
    if not undoable(offer) or not _cancel_email(offer, actor):
        return False
    remove_files_on_commit([offer.pdf])
    offer.pdf, offer.pdf_sha256 = "", ""  # type: ignore[assignment]
    offer.status = Status.APPROVED if offer.approved_at else Status.DRAFT
    offer.sent_by, offer.sent_at = None, None
    offer.save()
    _event(offer, EventKind.OFFER_SEND_UNDONE, actor)
    return True


def _cancel_email(offer: Offer, actor: User | None) -> bool:
    waiting = list(emails.waiting(offer))
    return all(cancel_message(m, actor) for m in waiting) if waiting else True


@transaction.atomic
def withdraw_offer(offer: Offer, actor: User) -> bool:
    offer = _locked(offer)
    if not offer.is_open:
        return False
    _cancel_email(offer, actor)
    offer.status = Status.WITHDRAWN
    offer.ended_at = timezone.now()
    offer.save(update_fields=["status", "ended_at"])
    _event(offer, EventKind.OFFER_WITHDRAWN, actor)
    return True


def mark_viewed(offer: Offer) -> None:
    if offer.viewed_at is None and offer.status == Status.SENT:
        Offer.objects.filter(pk=offer.pk, viewed_at__isnull=True).update(viewed_at=timezone.now())


@dataclass
class Signature:
    typed_name: str
    shown_sha256: str
    ip: str | None
    user_agent: str


def _answerable(offer: Offer, today: date) -> None:
    if offer.status != Status.SENT:
        raise OfferRefused(offer.status)
    if not offer.can_be_answered(today):
        raise OfferRefused("expired")
    if not offer.application.is_active:
        raise OfferRefused("closed")


@transaction.atomic
def accept_offer(offer: Offer, signature: Signature) -> Offer:
    """Accept with a simple electronic signature: the typed name, the time,
    the address, and the SHA-256 of the exact PDF the page showed (sent
    back by the form, and checked against the stored bytes). Stores the
    signed copy and hires the application. Raises OfferRefused with a code
    (`superseded`, `expired`, `changed`, `name`, …) the view explains."""
    offer = _locked(offer)
    _answerable(offer, timezone.localdate())
    with offer.pdf.open("rb") as handle:
        shown = handle.read()
    if signature.shown_sha256 != offer.pdf_sha256 or pdf.sha256(shown) != offer.pdf_sha256:
        raise OfferRefused("changed")
    if not names_match(signature.typed_name, offer.application.full_name):
        raise OfferRefused("name")
    offer.status = Status.ACCEPTED
    offer.signed_name = " ".join(signature.typed_name.split())[:200]
    offer.signed_at = offer.ended_at = timezone.now()
    offer.signed_ip = signature.ip
    offer.signed_user_agent = signature.user_agent[:300]
    signed = pdf.signed_copy(shown, offer)
    offer.signed_pdf.save(offer.file_name(signed=True), ContentFile(signed), save=False)
    offer.signed_pdf_sha256 = pdf.sha256(signed)
    offer.save()
    _event(offer, EventKind.OFFER_ACCEPTED, None, sha256=offer.pdf_sha256)
    audit.record(
        Action.EDIT,
        target=offer,
        detail="offer_signed",
        params={"version": offer.version, "application": offer.application_id},
    )
    hire(offer.application)
    emails.tell_staff(offer)
    return offer


def hire(application: Application) -> None:
    """What a recruiter does on a hire, done by the candidate's signature:
    into the job's hired stage (its welcome email and all), then hired."""
    hired = application.job.stages.filter(kind=StageKind.HIRED).order_by("order").first()
    if hired is not None and application.stage_id != hired.pk:
        move_to_stage(application, hired, None)
    set_outcome(application, Outcome.HIRED, None)


@transaction.atomic
def decline_offer(offer: Offer, reason: str) -> Offer:
    """The candidate says no. The application stays open: the recruiter
    decides what follows (a new version, or a rejection)."""
    offer = _locked(offer)
    _answerable(offer, timezone.localdate())
    offer.status = Status.DECLINED
    offer.declined_at = offer.ended_at = timezone.now()
    offer.decline_reason = reason.strip()[:2000]
    offer.save()
    _event(offer, EventKind.OFFER_DECLINED, None)
    emails.tell_staff(offer)
    return offer
