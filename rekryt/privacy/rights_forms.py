"""Forms for data-subject requests (staff) and erasure confirmation."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekryt.candidates.models import Candidate, normalise_email
from rekryt.privacy.models import RequestChannel, RequestKind

STAFF_CHANNELS = [c for c in RequestChannel.choices if c[0] != RequestChannel.PORTAL]


class RegisterRequestForm(forms.Form):
    candidate_email = forms.EmailField(
        label=_("The candidate's email address"),
        help_text=_("The address the candidate applied with."),
        max_length=254,
    )
    kind = forms.ChoiceField(label=_("What they ask for"), choices=RequestKind.choices)
    channel = forms.ChoiceField(label=_("How it arrived"), choices=STAFF_CHANNELS)
    received_on = forms.DateField(
        label=_("Received on"),
        help_text=_("The answer is due one month after this day."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    requester = forms.CharField(label=_("Who asked, as written"), max_length=200, required=False)
    details = forms.CharField(
        label=_("Details"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.candidate: Candidate | None = None

    def clean_candidate_email(self) -> str:
        email = self.cleaned_data["candidate_email"]
        self.candidate = Candidate.objects.filter(email_normalised=normalise_email(email)).first()
        if self.candidate is None:
            raise forms.ValidationError(_("No candidate has this email address."))
        return str(email)

    def clean_received_on(self) -> Any:
        day = self.cleaned_data["received_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return day


class ExtendForm(forms.Form):
    months = forms.TypedChoiceField(
        label=_("Extend by"),
        coerce=int,
        choices=[(1, _("1 more month")), (2, _("2 more months"))],
    )
    reason = forms.CharField(
        label=_("Reason (the candidate must be told)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AnswerForm(forms.Form):
    note = forms.CharField(
        label=_("How it was answered"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RefuseForm(forms.Form):
    note = forms.CharField(
        label=_("Why the request is refused"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


CONFIRM_WORDS = {"erase", "radera"}


class EraseForm(forms.Form):
    confirm = forms.CharField(
        label=_("Type ERASE to confirm"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_confirm(self) -> str:
        word = self.cleaned_data["confirm"].strip().lower()
        if word not in CONFIRM_WORDS and word != str(_("ERASE")).lower():
            raise forms.ValidationError(_("Type ERASE to confirm."))
        return word
