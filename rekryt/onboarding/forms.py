"""Forms of onboarding: the plan staff prepare, and the new hire's
paperwork (about you, files, bank and tax details). Candidate forms assume
hostile input: one-line fields refuse line breaks, free text loses control
characters, files pass rekryt.lib.sniff."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rekryt.accounts.models import User
from rekryt.applications.apply_forms import ACCEPT, NameField, TextField
from rekryt.lib.middleware import too_large_message
from rekryt.lib.sniff import Checked, RejectedFile, check_document
from rekryt.onboarding.models import Onboarding, UploadKind
from rekryt.portal.forms import Described


def staff_users() -> Any:
    return User.objects.filter(is_active=True).order_by("first_name", "last_name", "pk")


class StaffChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name)


class StaffChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name)


class PlanForm(forms.ModelForm):
    met_by = StaffChoice(
        queryset=User.objects.none(), required=False, label=_("who meets them at the door")
    )
    buddy = StaffChoice(queryset=User.objects.none(), required=False, label=_("buddy"))
    people = StaffChoices(
        queryset=User.objects.none(),
        required=False,
        label=_("people to meet"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Onboarding
        fields = [
            "start_date",
            "start_time",
            "address",
            "met_by",
            "buddy",
            "people",
            "welcome_sv",
            "welcome_en",
            "videos",
            "first_week_sv",
            "first_week_en",
            "practical_sv",
            "practical_en",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "welcome_sv": forms.Textarea(attrs={"rows": 4}),
            "welcome_en": forms.Textarea(attrs={"rows": 4}),
            "videos": forms.Textarea(attrs={"rows": 2}),
            "first_week_sv": forms.Textarea(attrs={"rows": 6}),
            "first_week_en": forms.Textarea(attrs={"rows": 6}),
            "practical_sv": forms.Textarea(attrs={"rows": 3}),
            "practical_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        for name in ("met_by", "buddy", "people"):
            self.fields[name].queryset = staff_users()  # type: ignore[attr-defined]
        self.fields["videos"].help_text = _("Addresses starting with https://, one per line.")

    def clean_videos(self) -> str:
        lines = [line.strip() for line in self.cleaned_data["videos"].splitlines() if line.strip()]
        wrong = [line for line in lines if not line.startswith("https://") or " " in line]
        if wrong:
            raise forms.ValidationError(_("Each line must be one address starting with https://."))
        return "\n".join(lines)


COMPUTERS = [
    ("", _("No preference")),
    ("mac", _("Mac")),
    ("windows", _("Windows")),
    ("linux", _("Linux")),
]


class DetailsForm(Described):
    preferred_name = NameField(
        label=_("Name you like to be called"), max_length=100, required=False
    )
    emergency_contact = NameField(
        label=_("Emergency contact (name and phone)"), max_length=200, required=False
    )
    dietary = NameField(label=_("Food allergies or preferences"), max_length=300, required=False)
    needs = TextField(
        label=_("Anything we should arrange for you (accessibility, working hours, a quiet desk)"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    computer = forms.ChoiceField(label=_("Computer you prefer"), choices=COMPUTERS, required=False)


class UploadForm(Described):
    kind = forms.ChoiceField(label=_("What it is"), choices=UploadKind.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word (.docx) or OpenDocument (.odt)."),
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )

    def __init__(self, *args: Any, oversized: set[str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.oversized = oversized or set()
        self.checked: Checked | None = None

    def clean_file(self) -> Any:
        if "file" in self.oversized:
            raise forms.ValidationError(too_large_message(), code="too_large")
        file = self.cleaned_data.get("file")
        if not file:
            raise forms.ValidationError(_("Please choose a file."), code="required")
        try:
            self.checked = check_document(file)
        except RejectedFile as exc:
            raise forms.ValidationError(exc.message, code="rejected") from None
        return file


def _digits(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "")


class PayForm(Described):
    """All optional: the new hire may give them to payroll another way."""

    bank = NameField(label=_("Bank"), max_length=100, required=False)
    clearing = NameField(
        label=_("Clearing number"),
        max_length=10,
        required=False,
        help_text=_("4 or 5 digits."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    account = NameField(
        label=_("Account number"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    personal_number = NameField(
        label=_("Personal identity number"),
        max_length=20,
        required=False,
        help_text=_("Payroll needs it to pay your salary and report tax. YYYYMMDD-XXXX."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    tax_municipality = NameField(
        label=_("Municipality you are registered in"), max_length=100, required=False
    )
    tax_adjustment = NameField(
        label=_("Tax adjustment decision (jämkning), if you have one"),
        max_length=200,
        required=False,
    )

    def clean_clearing(self) -> str:
        value = _digits(self.cleaned_data["clearing"])
        if value and not re.fullmatch(r"\d{4,5}", value):
            raise forms.ValidationError(_("A clearing number is 4 or 5 digits."))
        return value

    def clean_account(self) -> str:
        value = _digits(self.cleaned_data["account"])
        if value and not re.fullmatch(r"\d{4,15}", value):
            raise forms.ValidationError(_("An account number is digits only, at most 15."))
        return value

    def clean_personal_number(self) -> str:
        value = _digits(self.cleaned_data["personal_number"])
        if value and not re.fullmatch(r"(\d{2})?\d{10}", value):
            raise forms.ValidationError(_("Write it as YYYYMMDD-XXXX."))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("clearing")) != bool(data.get("account")):
            self.add_error(None, _("Please give both the clearing number and the account number."))
        return data

    def bank_values(self) -> dict[str, str]:
        return {k: self.cleaned_data[k] for k in ("bank", "clearing", "account")}

    def tax_values(self) -> dict[str, str]:
        keys = ("personal_number", "tax_municipality", "tax_adjustment")
        return {k: self.cleaned_data[k] for k in keys}


class AssignForm(forms.Form):
    user = StaffChoice(queryset=User.objects.none(), required=False, label=_("done by"))

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = staff_users()  # type: ignore[attr-defined]
