from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rekryt.imports.models import Duplicates, LegalBasis
from rekryt.imports.parsing import FIELDS, MAX_BYTES
from rekryt.talentpool.models import Pool


class UploadForm(forms.Form):
    file = forms.FileField(label=_("CSV or JSON Resume file"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


class MappingForm(forms.Form):
    legal_basis = forms.ChoiceField(label=_("Legal basis"), choices=LegalBasis.choices)
    basis_note = forms.CharField(
        label=_("Why you may keep these people's details"), widget=forms.Textarea, max_length=2000
    )
    consent_date = forms.DateField(
        label=_("Date the consent was given"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    duplicates = forms.ChoiceField(
        label=_("People who are already candidates"), choices=Duplicates.choices
    )

    pool = forms.ModelChoiceField(
        label=_("Add them to a talent pool"),
        queryset=Pool.objects.order_by("name_sv"),
        required=False,
        help_text=_("Only with consent given elsewhere that covers the talent pool."),
    )

    def __init__(self, *args: Any, header: list[str], mapping: list[str], **kwargs: Any):
        super().__init__(*args, **kwargs)
        choices = [("", _("(skip this column)")), *FIELDS.items()]
        for index, name in enumerate(header):
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=name or _("Column %(n)s") % {"n": index + 1},
                choices=choices,
                required=False,
                initial=mapping[index] if index < len(mapping) else "",
            )
        self.columns = len(header)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = [data.get(f"column_{i}", "") for i in range(self.columns)]
        picked = [c for c in chosen if c]
        if len(picked) != len(set(picked)):
            raise forms.ValidationError(_("Each field can come from one column only."))
        for required in ("first_name", "email"):
            if required not in picked:
                raise forms.ValidationError(
                    _("Choose the column for %(field)s.") % {"field": FIELDS[required]}
                )
        if data.get("legal_basis") == LegalBasis.CONSENT_ELSEWHERE and not data.get("consent_date"):
            self.add_error("consent_date", _("Give the date the consent was given."))
        if data.get("pool") and data.get("legal_basis") != LegalBasis.CONSENT_ELSEWHERE:
            self.add_error("pool", _("A talent pool needs the people's consent."))
        data["mapping"] = chosen
        return data
