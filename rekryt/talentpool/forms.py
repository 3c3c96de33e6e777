"""The public registration form: hostile input assumed (names on one line,
control characters removed, a honeypot), questions from the pool's bank."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from rekryt.applications.apply_forms import HONEYPOT, NameField, TextField
from rekryt.screening.models import QuestionKind
from rekryt.talentpool.models import Intent, Pool, PoolQuestion

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class RegistrationForm(forms.Form):
    first_name = NameField(label=_("First name"), max_length=100)
    last_name = NameField(label=_("Last name"), max_length=100)
    email = forms.EmailField(label=_("Email"), max_length=254)
    intent = forms.ChoiceField(
        label=_("What fits you best?"),
        choices=[(Intent.NOW, Intent.NOW.label), (Intent.FUTURE, Intent.FUTURE.label)],
        widget=forms.RadioSelect,
    )
    about = TextField(
        label=_("What kind of work are you looking for?"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    consent = forms.BooleanField(label=_("Keep me in the talent pool"))

    def __init__(self, *args: Any, pool: Pool, consent_text: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent_text
        self.fields[HONEYPOT] = forms.CharField(
            required=False,
            label=_("Leave this empty"),
            max_length=200,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )
        self.pool_questions = list(pool.pool_questions.select_related("question"))
        english = (get_language() or "sv").startswith("en")
        for pq in self.pool_questions:
            question = pq.question
            label = question.text_en if english else question.text_sv
            if question.kind == QuestionKind.YES_NO:
                field: forms.Field = forms.ChoiceField(
                    label=label, choices=YES_NO, widget=forms.RadioSelect
                )
            else:
                field = TextField(label=label, max_length=500, required=False)
            self.fields[f"q{pq.pk}"] = field

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get(HONEYPOT):
            raise forms.ValidationError(_("Please leave the last field empty."))
        return data

    def answers(self) -> list[tuple[PoolQuestion, str]]:
        return [(pq, str(self.cleaned_data.get(f"q{pq.pk}") or "")) for pq in self.pool_questions]
