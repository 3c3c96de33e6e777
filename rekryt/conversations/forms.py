from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rekryt.conversations.models import WritingTemplate
from rekryt.messaging.models import placeholder_errors
from rekryt.messaging.rendering import one_line


class WriteForm(forms.Form):
    """A recruiter's email to a candidate. Placeholders such as
    {candidate_first_name} are filled for each candidate."""

    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Message"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Placeholders such as {candidate_first_name} and {job_title} are filled in for "
            "each candidate."
        ),
    )
    # One per form shown: a double submit sends one email.
    nonce = forms.CharField(widget=forms.HiddenInput, max_length=40)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("nonce", uuid.uuid4().hex)

    def clean_subject(self) -> str:
        subject = one_line(self.cleaned_data["subject"])
        for problem in placeholder_errors(subject):
            self.add_error("subject", problem)
        return subject

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"]
        for problem in placeholder_errors(body):
            self.add_error("body", problem)
        return body

    def clean_nonce(self) -> str:
        nonce: str = self.cleaned_data["nonce"]
        if not nonce.isalnum():
            raise forms.ValidationError(_("The form has expired. Please write the message again."))
        return nonce


def from_template(template: WritingTemplate, language: str) -> dict[str, str]:
    return {"subject": template.subject_in(language), "body": template.body_in(language)}


class WritingTemplateForm(forms.ModelForm):
    class Meta:
        model = WritingTemplate
        fields = ["name_sv", "name_en", "subject_sv", "subject_en", "body_sv", "body_en", "order"]
        widgets = {
            "body_sv": forms.Textarea(attrs={"rows": 8}),
            "body_en": forms.Textarea(attrs={"rows": 8}),
        }
