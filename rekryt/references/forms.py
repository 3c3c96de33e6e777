"""Forms: naming a referee (portal and staff), the referee's questionnaire
(built from the request's items), declining, and a stage's rule."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django import forms
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekryt.references.actions import RefereeDetails
from rekryt.references.models import Item, Kind, Relation, StageRule

SHOWN_SALT = "references.shown"
LIKERT = [(str(n), str(n)) for n in range(1, 6)]


class RefereeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    relation = forms.ChoiceField(label=_("Relation to the candidate"), choices=Relation.choices)
    organisation = forms.CharField(label=_("Organisation"), max_length=120, required=False)
    email = forms.EmailField(label=_("Email"), max_length=254)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    language = forms.ChoiceField(
        label=_("Language of the questionnaire"), choices=[("sv", "Svenska"), ("en", "English")]
    )
    confirmed = forms.BooleanField(label=_("The referee has agreed to be contacted about me."))

    def __init__(self, *args: Any, staff: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if staff:
            self.fields["confirmed"].label = _(
                "The candidate has agreed that we contact this referee."
            )

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"]
        if any(c in name for c in "\r\n<>"):
            raise forms.ValidationError(_("Please write the name without line breaks or < >."))
        return name

    def details(self) -> RefereeDetails:
        data = self.cleaned_data
        return RefereeDetails(
            name=data["name"],
            relation=data["relation"],
            email=data["email"],
            organisation=data["organisation"],
            phone=data["phone"],
            language=data["language"],
        )


def shown_stamp() -> str:
    return signing.dumps(timezone.now().timestamp(), salt=SHOWN_SALT)


def shown_time(stamp: str) -> datetime | None:
    try:
        value = signing.loads(stamp, salt=SHOWN_SALT, max_age=60 * 60 * 24 * 30)
        return datetime.fromtimestamp(float(value), tz=UTC)
    except (signing.BadSignature, TypeError, ValueError, OverflowError):
        return None


class AnswerForm(forms.Form):
    """One field per item: a 1-5 choice for a scale, a text area for free
    text. Saving keeps what is given; sending needs every question answered."""

    shown = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, items: list[Item], language: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            name = f"item_{item.pk}"
            label = item.text_in(language)
            if item.kind == Kind.LIKERT:
                self.fields[name] = forms.ChoiceField(
                    label=label, choices=LIKERT, required=False, widget=forms.RadioSelect
                )
                self.initial[name] = str(item.rating) if item.rating else None
            else:
                self.fields[name] = forms.CharField(
                    label=label,
                    required=False,
                    max_length=5000,
                    widget=forms.Textarea(attrs={"rows": 5}),
                )
                self.initial[name] = item.text
        self.initial["shown"] = shown_stamp()

    def item_fields(self) -> list[tuple[Item, Any]]:
        return [(item, self[f"item_{item.pk}"]) for item in self.items]

    def answers(self) -> dict[int, tuple[int | None, str]]:
        found: dict[int, tuple[int | None, str]] = {}
        for item in self.items:
            value = self.cleaned_data.get(f"item_{item.pk}") or ""
            if item.kind == Kind.LIKERT:
                found[item.pk] = (int(value) if value else None, "")
            else:
                found[item.pk] = (None, value.strip())
        return found

    def require_all(self) -> bool:
        """Mark the unanswered questions; True when none is left."""
        for item in self.items:
            name = f"item_{item.pk}"
            if not self.cleaned_data.get(name):
                self.add_error(name, _("Please answer this question before you send."))
        return not self.errors


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Anything you would like to tell us"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class StageRuleForm(forms.ModelForm):
    class Meta:
        model = StageRule
        fields = ["referees_required", "advance_when_complete"]
        widgets = {"referees_required": forms.NumberInput(attrs={"min": 0, "max": 10})}

    def clean_referees_required(self) -> int:
        value: int = self.cleaned_data["referees_required"]
        if value > 10:
            raise forms.ValidationError(_("At most 10 referees."))
        return value
