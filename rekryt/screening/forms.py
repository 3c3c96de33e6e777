"""Staff forms: a question of the bank with its choices, and a question as
one job asks it (needed to send or not, must-have or merit, its criterion)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from rekryt.screening.criteria import choice_labels
from rekryt.screening.models import (
    CHOICE_KINDS,
    Choice,
    JobQuestion,
    JobTest,
    Question,
    QuestionKind,
    Rule,
)

MAX_POINTS = 100


class QuestionForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Question
        fields = ["text_sv", "text_en", "help_sv", "help_en", "kind", "active"]


ChoiceFormSet = inlineformset_factory(
    Question,
    Choice,
    fields=["label_sv", "label_en"],
    extra=3,
    can_delete=True,
    max_num=30,
    validate_max=True,
)


def enough_choices(kind: str, formset: Any) -> bool:
    """Choice questions need two choices or more, each named in both languages."""
    if kind not in CHOICE_KINDS:
        return True
    kept = [
        f
        for f in formset.forms
        if f.has_changed() or f.instance.pk
        if not (formset.can_delete and f.cleaned_data.get("DELETE"))
        if f.cleaned_data.get("label_sv") or f.cleaned_data.get("label_en")
    ]
    return len(kept) >= 2


class AddQuestionForm(forms.Form):
    question = forms.ModelChoiceField(
        label=_("Question from the bank"), queryset=Question.objects.none()
    )

    def __init__(self, job: Any, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        used = JobQuestion.objects.filter(job=job).values("question")
        field: Any = self.fields["question"]
        field.queryset = Question.objects.filter(active=True).exclude(pk__in=used)


def rules_for(kind: str) -> list[tuple[str, Any]]:
    """Text and file answers cannot be scored; their must-have is "answered"."""
    if kind in (QuestionKind.TEXT, QuestionKind.FILE):
        return [(Rule.NONE, Rule.NONE.label), (Rule.MUST, _("Must-have: answered"))]
    return list(Rule.choices)


class JobQuestionForm(forms.Form):
    required = forms.BooleanField(label=_("An answer is needed to send"), required=False)
    rule = forms.ChoiceField(label=_("Criterion"))

    def __init__(self, jq: JobQuestion, language: str, *args: Any, **kwargs: Any):
        kwargs["prefix"] = f"jq{jq.pk}"
        super().__init__(*args, **kwargs)
        self.jq = jq
        kind = jq.kind
        self.fields["rule"].choices = rules_for(kind)  # type: ignore[attr-defined]
        self.initial.update(required=jq.required, rule=jq.rule)
        if kind == QuestionKind.NUMBER:
            self.fields["minimum"] = forms.DecimalField(
                label=_("At least"), required=False, max_digits=12, decimal_places=2, localize=True
            )
            self.initial["minimum"] = jq.minimum
        elif kind == QuestionKind.DATE:
            self.fields["latest"] = forms.DateField(
                label=_("On or before"),
                required=False,
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            )
            self.initial["latest"] = jq.latest
        if kind in (QuestionKind.NUMBER, QuestionKind.DATE):
            self.fields["points_when_met"] = _points_field(_("Merit points when met"))
            self.initial["points_when_met"] = jq.points_when_met
        self.labels = choice_labels(jq, language) if kind in (*CHOICE_KINDS, "yes_no") else {}
        if self.labels:
            self.fields["accepted"] = forms.MultipleChoiceField(
                label=_("Accepted answers (must-have)"),
                choices=list(self.labels.items()),
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
            self.initial["accepted"] = [str(a) for a in jq.accepted]
            for key, label in self.labels.items():
                self.fields[f"points_{key}"] = _points_field(
                    _("Merit points for “%(answer)s”") % {"answer": label}
                )
                self.initial[f"points_{key}"] = (jq.points or {}).get(key, 0)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        rule = data.get("rule")
        if rule == Rule.MUST and not self._has_must(data):
            raise forms.ValidationError(_("Say which answers meet the must-have."))
        if rule == Rule.MERIT and not self._has_points(data):
            raise forms.ValidationError(_("Give at least one answer some merit points."))
        return data

    def _has_must(self, data: dict[str, Any]) -> bool:
        kind = self.jq.kind
        if kind in (QuestionKind.TEXT, QuestionKind.FILE):
            return True
        if kind == QuestionKind.NUMBER:
            return data.get("minimum") is not None
        if kind == QuestionKind.DATE:
            return data.get("latest") is not None
        return bool(data.get("accepted"))

    def _has_points(self, data: dict[str, Any]) -> bool:
        if self.jq.kind in (QuestionKind.NUMBER, QuestionKind.DATE):
            met = data.get("minimum") is not None or data.get("latest") is not None
            return met and bool(data.get("points_when_met"))
        return any(data.get(f"points_{key}") for key in self.labels)

    def changes(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "required": data["required"],
            "rule": data["rule"],
            "accepted": list(data.get("accepted", [])),
            "points": {k: data[f"points_{k}"] for k in self.labels if data.get(f"points_{k}")},
            "minimum": data.get("minimum"),
            "latest": data.get("latest"),
            "points_when_met": data.get("points_when_met") or 0,
        }


def _points_field(label: Any) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=0, max_value=MAX_POINTS, required=False)


class JobTestForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = JobTest
        fields = ["kind", "stage", "days_to_answer", "valid_months"]
        labels = {"stage": _("Invite when the application enters")}

    def __init__(self, job: Any, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.job = job
        field: Any = self.fields["stage"]
        field.queryset = job.stages.order_by("order", "pk")
        field.empty_label = _("When they apply")
        field.required = False
        self.fields["days_to_answer"].validators.append(MinValueValidator(1))
        self.fields["days_to_answer"].validators.append(MaxValueValidator(60))
        self.fields["valid_months"].validators.append(MinValueValidator(1))
        self.fields["valid_months"].validators.append(MaxValueValidator(24))

    def clean_kind(self) -> str:
        kind = self.cleaned_data["kind"]
        if JobTest.objects.filter(job=self.job, kind=kind).exists():
            raise forms.ValidationError(_("This job already asks for that test."))
        return str(kind)
