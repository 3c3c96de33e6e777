"""`{% privacy_panel candidate as panel %}`: what the staff candidate panel
shows, in two queries whatever the history's length."""

from __future__ import annotations

from dataclasses import dataclass

from django import template

from rekryt.candidates.models import Candidate
from rekryt.privacy.consent import PurposeState
from rekryt.privacy.models import Consent, ConsentPurpose, LegalHold
from rekryt.privacy.policy_forms import HoldForm, StaffConsentForm

register = template.Library()


@dataclass
class Panel:
    states: list[PurposeState]
    history: list[Consent]
    holds: list[LegalHold]
    hold_form: HoldForm
    consent_form: StaffConsentForm

    @property
    def active_holds(self) -> list[LegalHold]:
        return [h for h in self.holds if h.is_active]

    @property
    def released_holds(self) -> list[LegalHold]:
        return [h for h in self.holds if not h.is_active]


@register.simple_tag
def privacy_panel(candidate: Candidate) -> Panel:
    history = list(
        Consent.objects.filter(candidate=candidate)
        .select_related("notice", "recorded_by")
        .order_by("-created_at", "-pk")
    )
    latest: dict[str, Consent] = {}
    for consent in history:
        latest.setdefault(consent.purpose, consent)
    holds = list(
        LegalHold.objects.filter(candidate=candidate).select_related("created_by", "released_by")
    )
    states = [PurposeState(v, str(label), latest.get(v)) for v, label in ConsentPurpose.choices]
    return Panel(
        states,
        history,
        holds,
        HoldForm(),
        StaffConsentForm(initial={"language": candidate.language}),
    )
