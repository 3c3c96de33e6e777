"""Data-subject requests: registered, tracked to their deadline, answered.

GDPR Art. 12(3): answer within one month of receipt; the controller may
extend by two further months when requests are complex or numerous, telling
the person why. A portal request for a copy is answered by a one-time
download link (24 hours) emailed to the candidate's address: the click that
confirms the address is also the download."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from rekryt.candidates.models import Candidate
from rekryt.lib.months import add_months
from rekryt.lib.tokens import hash_token, new_token
from rekryt.messaging import outbox
from rekryt.messaging.models import TemplateKind
from rekryt.privacy.models import (
    AccessRequest,
    RequestChannel,
    RequestKind,
    RequestStatus,
)

LINK_VALID_FOR = timedelta(hours=24)
MAX_EXTENSION_MONTHS = 2
# A deadline this close counts as "soon" on the dashboard and the list.
SOON = timedelta(days=7)


def latest_allowed_deadline(request: AccessRequest) -> datetime:
    return add_months(request.received_at, 1 + MAX_EXTENSION_MONTHS)


@dataclass
class DownloadLink:
    request: AccessRequest
    url: str


@transaction.atomic
def send_download_link(candidate: Candidate) -> DownloadLink:
    """Record a portal request for a copy and email a one-time link to the
    candidate's own address."""
    raw, hashed = new_token()
    now = timezone.now()
    request = AccessRequest.objects.create(
        candidate=candidate,
        kind=RequestKind.ACCESS,
        channel=RequestChannel.PORTAL,
        received_at=now,
        token_hash=hashed,
        token_expires_at=now + LINK_VALID_FOR,
    )
    url = settings.SITE_URL + reverse("rights_portal_download", args=[raw])
    outbox.queue(
        key=f"data-export:{request.pk}",
        kind=TemplateKind.DATA_EXPORT,
        language=candidate.language,
        to_email=candidate.email,
        to_name=candidate.full_name,
        values={**outbox.candidate_values(candidate), "download_url": url},
        candidate=candidate,
    )
    return DownloadLink(request, url)


def find_download(raw: str) -> AccessRequest | None:
    """The request a download link belongs to, while it may still be used."""
    if not raw or len(raw) > 100:
        return None
    return (
        AccessRequest.objects.filter(
            token_hash=hash_token(raw),
            token_expires_at__gt=timezone.now(),
            downloaded_at__isnull=True,
            candidate__isnull=False,
        )
        .select_related("candidate")
        .first()
    )


def use_download(request: AccessRequest) -> bool:
    """Spend the link: True for the one caller that gets the download."""
    now = timezone.now()
    return bool(
        AccessRequest.objects.filter(pk=request.pk, downloaded_at__isnull=True).update(
            confirmed_at=now,
            downloaded_at=now,
            answered_at=now,
            status=RequestStatus.ANSWERED,
            answer_note="Downloaded from the portal.",
            token_hash=None,
        )
    )


@transaction.atomic
def ask_for_erasure(candidate: Candidate) -> AccessRequest:
    """A portal erasure request goes to staff: they check what the law
    requires us to keep before anything is erased. One open request at a time."""
    open_request = AccessRequest.objects.filter(
        candidate=candidate, kind=RequestKind.ERASURE, status=RequestStatus.OPEN
    ).first()
    if open_request is not None:
        return open_request
    return AccessRequest.objects.create(
        candidate=candidate, kind=RequestKind.ERASURE, channel=RequestChannel.PORTAL
    )


def register(
    *,
    candidate: Candidate | None,
    kind: str,
    channel: str,
    received_at: datetime,
    requester: str,
    details: str,
    actor: Any,
) -> AccessRequest:
    return AccessRequest.objects.create(
        candidate=candidate,
        kind=kind,
        channel=channel,
        received_at=received_at,
        requester=requester,
        details=details,
        created_by=actor,
    )


def extend(request: AccessRequest, *, months: int, reason: str) -> bool:
    """Move the deadline to `months` (1 or 2) after the first one, with the reason."""
    if not request.is_open or not 1 <= months <= MAX_EXTENSION_MONTHS or not reason.strip():
        return False
    request.due_at = add_months(request.received_at, 1 + months)
    request.extension_reason = reason.strip()
    request.save(update_fields=["due_at", "extension_reason"])
    return True


def close(request: AccessRequest, *, status: str, note: str, actor: Any) -> bool:
    if not request.is_open:
        return False
    request.status = status
    request.answer_note = note.strip()
    request.answered_at = timezone.now()
    request.answered_by = actor
    request.save(update_fields=["status", "answer_note", "answered_at", "answered_by"])
    return True


def due_soon_count() -> tuple[int, int]:
    """(overdue, due within a week) among open requests."""
    now = timezone.now()
    open_requests = AccessRequest.objects.filter(status=RequestStatus.OPEN)
    overdue = open_requests.filter(due_at__lt=now).count()
    soon = open_requests.filter(due_at__gte=now, due_at__lt=now + SOON).count()
    return overdue, soon
