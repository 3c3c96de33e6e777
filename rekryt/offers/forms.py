from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekryt.offers.actions import TEXT_FIELDS
from rekryt.offers.models import Offer, OfferTemplate


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class OfferForm(forms.ModelForm):
    class Meta:
        model = Offer
        fields = TEXT_FIELDS
        widgets = {
            "start_date": DateInput(),
            "expires_on": DateInput(),
            "intro": forms.Textarea(attrs={"rows": 4}),
            "terms": forms.Textarea(attrs={"rows": 4}),
            "benefits": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "intro": _("The opening of the letter, in the candidate's language."),
            "terms": _("Form of employment, probation, hours, notice, place of work."),
            "expires_on": _("The offer can be accepted up to and including this day."),
        }

    def clean_salary(self) -> int:
        salary = self.cleaned_data["salary"]
        if salary < 1:
            raise forms.ValidationError(_("Enter the salary in kronor."))
        return salary

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        today = timezone.localdate()
        expires, start = data.get("expires_on"), data.get("start_date")
        if expires and expires < today:
            self.add_error("expires_on", _("The answer date cannot be in the past."))
        if start and start < today:
            self.add_error("start_date", _("The start date cannot be in the past."))
        if expires and start and expires > start:
            self.add_error("expires_on", _("The answer is needed before the start date."))
        return data


class TemplateChoiceForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Start from a template"),
        queryset=OfferTemplate.objects.filter(active=True),
        required=False,
        empty_label=_("No template"),
    )


LONG_TEXTS = [f"{name}_{lang}" for name in ("intro", "terms", "benefits") for lang in ("sv", "en")]


class OfferTemplateForm(forms.ModelForm):
    class Meta:
        model = OfferTemplate
        fields = [
            "name",
            "title_sv",
            "title_en",
            "intro_sv",
            "intro_en",
            "terms_sv",
            "terms_en",
            "benefits_sv",
            "benefits_en",
            "collective_agreement",
            "needs_approval",
            "valid_days",
            "active",
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in LONG_TEXTS}

    def clean_valid_days(self) -> int:
        days = self.cleaned_data["valid_days"]
        if not 1 <= days <= 90:
            raise forms.ValidationError(_("Between 1 and 90 days."))
        return days


class ApprovalForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("return", _("Return for changes"))]
    )
    note = forms.CharField(
        label=_("Comment (for the writer)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AcceptForm(forms.Form):
    full_name = forms.CharField(
        label=_("Your full name"),
        max_length=200,
        help_text=_("Typing your name signs the offer electronically."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    confirm = forms.BooleanField(label=_("I have read the offer and accept it."))
    sha256 = forms.RegexField(regex=r"\A[0-9a-f]{64}\Z", widget=forms.HiddenInput)


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Would you like to tell us why? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
