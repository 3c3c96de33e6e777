"""Things worth a second look in a candidate's references, shown to the
recruiter as notes, never used to decide anything:

- a referee's address is the candidate's own, or on the candidate's own
  (non-webmail) domain;
- two referees' free-text answers are near-identical;
- a questionnaire answered in very little time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations

from django.utils.translation import gettext as _

from rekryt.references.models import Kind, Referee, ReferenceRequest

# Webmail domains many unrelated people share: the same domain says nothing.
SHARED_DOMAINS = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.se",
        "outlook.com",
        "outlook.se",
        "live.com",
        "live.se",
        "msn.com",
        "yahoo.com",
        "yahoo.se",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "telia.com",
        "telia.se",
        "bredband.net",
        "spray.se",
        "passagen.se",
        "gmx.com",
        "gmx.net",
    ]
)
SIMILAR = 0.85
MIN_TEXT = 60
FAST_SECONDS = 90


@dataclass
class Concern:
    referee_id: int
    text: str


def _domain(address: str) -> str:
    return address.rsplit("@", 1)[-1].strip().lower()


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def address_concerns(referee: Referee, candidate_addresses: set[str]) -> list[str]:
    email = referee.email.lower()
    if email in candidate_addresses:
        return [_("The referee's address is the candidate's own.")]
    domains = {_domain(a) for a in candidate_addresses} - SHARED_DOMAINS
    if _domain(email) in domains:
        return [_("The referee's address is on the candidate's own email domain.")]
    return []


def free_text(request: ReferenceRequest) -> str:
    return _words(" ".join(i.text for i in request.items.all() if i.kind == Kind.TEXT))


def concerns_for(referees: list[Referee], candidate_addresses: set[str]) -> list[Concern]:
    """Referees with their `requests` and those requests' `items` prefetched."""
    found: list[Concern] = []
    answered: list[tuple[Referee, ReferenceRequest]] = []
    for referee in referees:
        found += [Concern(referee.pk, t) for t in address_concerns(referee, candidate_addresses)]
        for request in referee.requests.all():
            if request.answered_at is None:
                continue
            answered.append((referee, request))
            seconds = request.answer_seconds
            if seconds is not None and seconds < FAST_SECONDS:
                text = _("Answered %(seconds)s seconds after opening the questionnaire.") % {
                    "seconds": seconds
                }
                found.append(Concern(referee.pk, text))
    texts = [(referee, free_text(request)) for referee, request in answered]
    for (one, a), (other, b) in combinations(texts, 2):
        if min(len(a), len(b)) >= MIN_TEXT and SequenceMatcher(None, a, b).ratio() >= SIMILAR:
            text = _("Wording almost the same as %(name)s's answers.")
            found.append(Concern(one.pk, text % {"name": other.name}))
            found.append(Concern(other.pk, text % {"name": one.name}))
    return found
