"""Referees and their answers, for export and erasure (see
rekryt.candidates.personal_data for the contract).

What a referee says about the candidate is the candidate's personal data,
like an interviewer's notes: it is in the candidate's export, with the
referee's name, relation and organisation. The referee's own contact
details are in it only where the candidate gave them (a referee a recruiter
added is the referee's data, not the candidate's to receive). Everything
goes with the application when it is anonymised under retention (so a
referee's answers are kept no longer than the application) and with the
candidate when they are erased, the emails to referees with it."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from rekryt.candidates.models import Candidate
from rekryt.candidates.personal_data import iso
from rekryt.messaging.models import Message
from rekryt.references.models import Referee, ReferenceRequest


def _request(r: ReferenceRequest, language: str) -> dict[str, Any]:
    return {
        "status": r.status,
        "requested_at": iso(r.requested_at),
        "answered_at": iso(r.answered_at),
        "declined_at": iso(r.declined_at),
        "answers": [
            {"question": i.text_in(language), "rating": i.rating, "text": i.text}
            for i in r.items.all()
            if i.rating is not None or i.text
        ],
    }


def export(candidate: Candidate) -> dict[str, Any]:
    referees = (
        Referee.objects.filter(application__candidate=candidate)
        .prefetch_related("requests__items")
        .order_by("pk")
    )
    return {
        "referees": [
            {
                "application_id": r.application_id,
                "name": r.name,
                "relation": r.relation,
                "organisation": r.organisation,
                "email": r.email if r.by_candidate else None,
                "phone": r.phone if r.by_candidate else None,
                "named_by": "candidate" if r.by_candidate else "recruiter",
                "agreed_to_be_contacted_at": iso(r.contact_confirmed_at),
                "requests": [_request(q, candidate.language) for q in r.requests.all()],
            }
            for r in referees
        ]
    }


def _erase(referees: Any) -> dict[str, int]:
    requests = list(
        ReferenceRequest.objects.filter(referee__in=referees).values_list("pk", flat=True)
    )
    keys = Q(pk__in=[])
    for pk in requests:
        keys |= Q(idempotency_key__startswith=f"ref:{pk}:")
    emails, _by_model = Message.objects.filter(keys).delete() if requests else (0, {})
    _total, by_model = referees.delete()
    return {
        "referees": by_model.get("references.Referee", 0),
        "reference_requests": by_model.get("references.ReferenceRequest", 0),
        "referee_emails": emails,
    }


def erase_application(application: Any) -> dict[str, int]:
    return _erase(Referee.objects.filter(application=application))


def erase(candidate: Candidate) -> dict[str, int]:
    return _erase(Referee.objects.filter(application__candidate=candidate))
