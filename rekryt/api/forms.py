from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from rekryt.api import addresses
from rekryt.api.models import Endpoint, EventType


class EndpointForm(forms.ModelForm):
    url = forms.URLField(label=_("URL"), max_length=500, assume_scheme="https")
    event_types = forms.MultipleChoiceField(
        label=_("Events"),
        choices=EventType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None ticked: every event."),
    )

    class Meta:
        model = Endpoint
        fields = ["url", "description", "event_types", "allow_private", "enabled"]

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        url = cleaned.get("url")
        if url:
            try:
                addresses.check(str(url), bool(cleaned.get("allow_private")))
            except addresses.Refused as refused:
                self.add_error("url", str(refused))
        return cleaned
