"""Recording consent: every answer is a new row, so the history is the evidence."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from rekryt.accounts.models import Organisation, User
from rekryt.candidates.models import Candidate
from rekryt.lib.months import add_months
from rekryt.privacy.models import Consent, ConsentMethod, ConsentPurpose, PrivacyNotice


def consent_sentence(purpose: str) -> str:
    """The exact sentence a candidate agrees to, in the active language.

    The future-contact sentence is the one rekryt.applications.future_contact
    shows in its email-link page, word for word."""
    company = Organisation.get().name
    if purpose == ConsentPurpose.TALENT_POOL:
        return _(
            "%(company)s may keep my details in its talent pool and suggest roles that fit me."
        ) % {"company": company}
    return _("%(company)s may keep my details and contact me about future roles.") % {
        "company": company
    }


def record_consent(
    candidate: Candidate,
    *,
    purpose: str,
    given: bool,
    text: str,
    method: str,
    language: str,
    ip: str | None = None,
    recorded_by: User | None = None,
    notice: PrivacyNotice | None = None,
) -> Consent:
    """Store one answer with the exact sentence shown and the notice in force
    (or the one the candidate was shown, when known).

    A "yes" lasts the organisation's consent period in calendar months; a "no"
    (or a withdrawal) has no end and takes effect at once, because the newest
    record decides."""
    now = timezone.now()
    expires_at = add_months(now, Organisation.get().consent_months) if given else None
    if notice is None:
        notice = PrivacyNotice.objects.order_by("-version").first()
    return Consent.objects.create(
        candidate=candidate,
        purpose=purpose,
        given=given,
        text=text,
        notice=notice,
        language=language[:2],
        method=method,
        ip=ip or None,
        recorded_by=recorded_by,
        created_at=now,
        expires_at=expires_at,
    )


@dataclass
class PurposeState:
    """What the portal and the staff panel show for one purpose."""

    purpose: str
    label: str
    latest: Consent | None

    @property
    def in_force(self) -> bool:
        latest = self.latest
        if latest is None or not latest.given:
            return False
        return latest.expires_at is None or latest.expires_at > timezone.now()


def states_for(candidate: Candidate) -> list[PurposeState]:
    """The newest record per purpose, in one query."""
    latest: dict[str, Consent] = {}
    for consent in candidate.consents.select_related("notice").order_by("-created_at", "-pk"):
        latest.setdefault(consent.purpose, consent)
    return [
        PurposeState(value, str(label), latest.get(value))
        for value, label in ConsentPurpose.choices
    ]


__all__ = ["ConsentMethod", "consent_sentence", "record_consent", "states_for"]
