"""Forms for legal holds, staff-recorded consent and the retention settings."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from rekryt.accounts.models import Organisation
from rekryt.privacy.models import ConsentPurpose


class HoldForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example the case or claim it concerns. Do not write sensitive details."),
        error_messages={"required": _("Write why the data must be kept.")},
    )

    def clean_reason(self) -> str:
        reason = " ".join(str(self.cleaned_data["reason"]).split())
        if not reason:
            raise forms.ValidationError(_("Write why the data must be kept."), code="required")
        return reason


class StaffConsentForm(forms.Form):
    """A consent (or a withdrawal) the candidate gave by phone or letter."""

    purpose = forms.ChoiceField(label=_("Purpose"), choices=ConsentPurpose.choices)
    given = forms.TypedChoiceField(
        label=_("Answer"),
        choices=[("yes", _("Consent given")), ("no", _("Consent withdrawn or refused"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(
        label=_("Language the candidate was asked in"),
        choices=[("sv", "Svenska"), ("en", "English")],
    )


POLICY_FIELDS = [
    "legal_name",
    "org_number",
    "postal_address",
    "privacy_contact",
    "dpo_email",
    "privacy_recipients",
    "privacy_recipients_en",
    "retention_months",
    "consent_months",
    "consent_renewal_days",
    "retention_grace_days",
    "audit_retention_months",
]


class PolicySettingsForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = POLICY_FIELDS
        widgets = {
            "postal_address": forms.Textarea(attrs={"rows": 3}),
            "privacy_recipients": forms.Textarea(attrs={"rows": 3}),
            "privacy_recipients_en": forms.Textarea(attrs={"rows": 3}),
        }

    fieldsets = [
        (_("The privacy notice"), POLICY_FIELDS[:7]),
        (_("How long data is kept"), POLICY_FIELDS[7:]),
    ]

    def __init__(self, *args: Any, read_only: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limits = {
            "retention_months": (1, 120),
            "consent_months": (1, 60),
            "consent_renewal_days": (1, 365),
            "retention_grace_days": (0, 90),
            "audit_retention_months": (1, 240),
        }
        for name, (low, high) in limits.items():
            field = self.fields[name]
            field.validators += [MinValueValidator(low), MaxValueValidator(high)]
            field.widget.attrs.update({"min": low, "max": high})
        if read_only:
            for field in self.fields.values():
                field.disabled = True

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self._both_languages(cleaned, "privacy_recipients", "privacy_recipients_en")
        months, days = cleaned.get("consent_months"), cleaned.get("consent_renewal_days")
        if months and days and days >= months * 28:
            self.add_error(
                "consent_renewal_days",
                _("Ask to renew before the consent ends: use fewer days than the consent lasts."),
            )
        return cleaned

    def _both_languages(self, cleaned: dict[str, Any], sv: str, en: str) -> None:
        """Candidates read the notice in Swedish or English: a text written in
        one language only would reach the others untranslated."""
        has_sv, has_en = bool(cleaned.get(sv, "").strip()), bool(cleaned.get(en, "").strip())
        if has_sv and not has_en:
            self.add_error(en, _("Write this in English too, for the English privacy notice."))
        elif has_en and not has_sv:
            self.add_error(sv, _("Write this in Swedish too, for the Swedish privacy notice."))

    def grouped(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [(legend, [self[name] for name in names]) for legend, names in self.fieldsets]
