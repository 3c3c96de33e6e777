"""What conversations keeps about a candidate, for export and erasure (see
rekryt.candidates.personal_data for the contract): the replies they wrote
by email, the reply addresses minted for their emails, a failing-address
mark, and the recruiters' notices that quoted their replies. The Event
rows on the timeline are the applications app's to erase."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from rekryt.candidates.models import Candidate
from rekryt.candidates.personal_data import iso
from rekryt.conversations.models import AddressFailure, Reply, ReplyAddress
from rekryt.messaging.models import Message


def export(candidate: Candidate) -> dict[str, Any]:
    replies = Reply.objects.filter(application__candidate=candidate).order_by("received_at", "pk")
    failure = AddressFailure.objects.filter(candidate=candidate).first()
    return {
        "email_replies": [
            {
                "application_id": r.application_id,
                "subject": r.subject,
                "body": r.body,
                "received_at": iso(r.received_at),
            }
            for r in replies
        ],
        "address_bounced_at": iso(failure.last_at) if failure else None,
    }


def _erase_replies(replies: Any) -> dict[str, int]:
    ids = list(replies.values_list("pk", flat=True))
    keys = Q()
    for pk in ids:
        keys |= Q(idempotency_key__startswith=f"reply:{pk}:")
    notices = Message.objects.filter(keys).delete()[0] if ids else 0
    deleted, _by_model = Reply.objects.filter(pk__in=ids).delete()
    return {"email_replies": deleted, "reply_notices": notices}


def erase_application(application: Any) -> dict[str, int]:
    counts = _erase_replies(Reply.objects.filter(application=application))
    counts["reply_addresses"], _by_model = ReplyAddress.objects.filter(
        application=application
    ).delete()
    return counts


def erase(candidate: Candidate) -> dict[str, int]:
    counts = _erase_replies(Reply.objects.filter(application__candidate=candidate))
    counts["reply_addresses"], _by_model = ReplyAddress.objects.filter(candidate=candidate).delete()
    counts["address_failures"], _by_model = AddressFailure.objects.filter(
        candidate=candidate
    ).delete()
    return counts
