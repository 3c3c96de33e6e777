"""Emails to and about a candidate, for export and erasure (see
rekryt.candidates.personal_data for the contract).

Emails to the candidate are found by their link and by address (an email
queued without a candidate link still went to them); staff notifications
that named the person have the name and address blanked out."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.html import escape

from rekryt.candidates.models import Candidate
from rekryt.candidates.personal_data import iso
from rekryt.messaging.models import Message

REDACTED = "[…]"


def to_candidate(candidate: Candidate) -> QuerySet[Message]:
    return Message.objects.filter(
        Q(candidate=candidate)
        | Q(application__candidate=candidate)
        | Q(to_email__iexact=candidate.email.strip())
        | Q(to_email__iexact=candidate.email_normalised)
    )


def export(candidate: Candidate) -> dict[str, Any]:
    messages = to_candidate(candidate).order_by("created_at", "pk")
    return {
        "emails_to_you": [
            {
                "id": m.pk,
                "to": m.to_email,
                "subject": m.subject,
                "body": m.body_text,
                "status": m.status,
                "application_id": m.application_id,
                "queued_at": iso(m.created_at),
                "sent_at": iso(m.sent_at),
            }
            for m in messages
        ]
    }


def identifying_terms(*people: Any) -> list[str]:
    """What names a person in text someone else received: full name, address,
    and each name on its own when it is not too short to be safe. `people`
    are the candidate and anything else that carries their name and address
    (an application's snapshot, a form sent again)."""
    terms: list[str] = []
    for person in people:
        first, last = person.first_name, person.last_name
        terms += [f"{first} {last}".strip(), person.email.strip(), person.email.strip().lower()]
        terms += [n for n in (first, last) if len(n.strip()) >= 3]
    unique = {t.strip() for t in terms if len(t.strip()) >= 3}
    return sorted(unique, key=len, reverse=True)


def redact(text: str, terms: list[str]) -> str:
    for term in terms:
        for form in {term, str(escape(term))}:
            text = re.sub(re.escape(form), REDACTED, text, flags=re.IGNORECASE)
    return text


def redact_staff_messages(terms: list[str]) -> int:
    """Replace `terms` in every email that went to someone else (staff
    digests, notifications); returns how many emails changed."""
    if not terms:
        return 0
    mentions = Q()
    for term in terms:
        for form in {term, str(escape(term))}:
            mentions |= (
                Q(subject__icontains=form)
                | Q(body_text__icontains=form)
                | Q(body_html__icontains=form)
                | Q(to_name__icontains=form)
            )
    changed = 0
    for message in Message.objects.filter(mentions):
        message.subject = redact(message.subject, terms)
        message.body_text = redact(message.body_text, terms)
        message.body_html = redact(message.body_html, terms)
        message.to_name = redact(message.to_name, terms)
        message.save(update_fields=["subject", "body_text", "body_html", "to_name"])
        changed += 1
    return changed


def erase_application(application: Any) -> dict[str, int]:
    deleted, _by_model = Message.objects.filter(application=application).delete()
    return {"emails": deleted}


def erase(candidate: Candidate) -> dict[str, int]:
    deleted, _by_model = to_candidate(candidate).delete()
    redacted = redact_staff_messages(identifying_terms(candidate))
    return {"emails": deleted, "staff_emails_redacted": redacted}
