"""Portal links and messages the candidate wrote, for export and erasure
(see rekryt.candidates.personal_data for the contract)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from rekryt.accounts.models import EmailRequest, EmailRequestKind
from rekryt.candidates.models import Candidate
from rekryt.candidates.personal_data import iso
from rekryt.messaging.models import Message
from rekryt.portal.models import PortalMessage, PortalToken


def export(candidate: Candidate) -> dict[str, Any]:
    messages = PortalMessage.objects.filter(application__candidate=candidate).order_by(
        "created_at", "pk"
    )
    return {
        "portal_messages": [
            {"application_id": m.application_id, "body": m.body, "written_at": iso(m.created_at)}
            for m in messages
        ]
    }


def _erase_messages(messages: Any) -> dict[str, int]:
    ids = list(messages.values_list("pk", flat=True))
    # The staff notification of each message quoted it (portal.actions._notify_staff).
    keys = Q()
    for pk in ids:
        keys |= Q(idempotency_key__startswith=f"portal-msg:{pk}:")
    notifications = Message.objects.filter(keys).delete()[0] if ids else 0
    deleted, _by_model = PortalMessage.objects.filter(pk__in=ids).delete()
    return {"portal_messages": deleted, "staff_emails": notifications}


def erase_application(application: Any) -> dict[str, int]:
    return _erase_messages(PortalMessage.objects.filter(application=application))


def erase(candidate: Candidate) -> dict[str, int]:
    counts = _erase_messages(PortalMessage.objects.filter(application__candidate=candidate))
    counts["portal_links"], _by_model = PortalToken.objects.filter(candidate=candidate).delete()
    # A "send me a new link" the worker has not handled yet holds the address.
    waiting = EmailRequest.objects.filter(
        kind=EmailRequestKind.PORTAL_LINK, email__iexact=candidate.email
    )
    counts["link_requests"], _by_model = waiting.delete()
    return counts
