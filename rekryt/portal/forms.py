"""Portal forms. Contact details follow the same rules as the application form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rekryt.applications.apply_forms import ACCEPT, ApplyForm, NameField, TextField
from rekryt.lib.middleware import too_large_message
from rekryt.lib.sniff import Checked, RejectedFile, check_document


class Described(forms.Form):
    """Fields with errors point at them (aria-describedby) and say they are
    invalid, so screen readers announce the problem beside the field."""

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            auto_id = self[name].auto_id
            ids = [f"{auto_id}_error"]
            if self.fields[name].help_text:
                ids.insert(0, f"{auto_id}_helptext")
            attrs = self.fields[name].widget.attrs
            attrs["aria-describedby"] = " ".join(ids)
            attrs["aria-invalid"] = "true"


class MessageForm(Described):
    body = TextField(
        label=_("Your message"),
        max_length=5000,
        error_messages={"required": _("Please write your message.")},
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class WithdrawForm(Described):
    reason = TextField(
        label=_("Why are you withdrawing? (optional)"),
        required=False,
        max_length=2000,
        help_text=_("It helps us improve. You do not have to say."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DetailsForm(Described):
    first_name = NameField(
        label=_("First name"),
        max_length=100,
        error_messages={"required": _("Please write your first name.")},
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = NameField(
        label=_("Last name"),
        max_length=100,
        error_messages={"required": _("Please write your last name.")},
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    # The same rules as the application form, taken from it.
    phone = ApplyForm.base_fields["phone"]
    link = ApplyForm.base_fields["link"]


class CvForm(Described):
    cv = forms.FileField(
        label=_("Your newer CV"),
        required=False,
        help_text=_("PDF, Word (.docx) or OpenDocument (.odt)."),
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )

    def __init__(self, *args: Any, oversized: set[str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.oversized = oversized or set()
        self.checked: Checked | None = None

    def clean_cv(self) -> Any:
        if "cv" in self.oversized:
            raise forms.ValidationError(too_large_message(), code="too_large")
        file = self.cleaned_data.get("cv")
        if not file:
            raise forms.ValidationError(_("Please choose a file."), code="required")
        try:
            self.checked = check_document(file)
        except RejectedFile as exc:
            raise forms.ValidationError(exc.message, code="rejected") from None
        return file


class NewLinkForm(Described):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("The address you applied with."),
        error_messages={
            "required": _("Please write your email address."),
            "invalid": _("Please write a valid email address, like name@example.com."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
