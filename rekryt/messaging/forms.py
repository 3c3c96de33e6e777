from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from rekryt.messaging.models import EmailTemplate


class EmailTemplateForm(forms.ModelForm):  # type: ignore[type-arg]
    """Placeholders are checked by EmailTemplate.clean(); its errors land
    beside the field they are about."""

    class Meta:
        model = EmailTemplate
        fields = ["subject", "body_text", "body_html"]
        widgets = {
            "body_text": forms.Textarea(attrs={"rows": 14}),
            "body_html": forms.Textarea(attrs={"rows": 10}),
        }
        help_texts = {
            "subject": _("One line. Placeholders such as {job_title} may be used."),
            "body_text": _("The plain-text email every recipient gets."),
        }
