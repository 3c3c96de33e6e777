"""The job's screening questions as form fields, validated like the rest of
the application form (no control characters, bounded numbers and dates,
files checked by content)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rekryt.applications.apply_forms import ACCEPT, TextField
from rekryt.screening.criteria import choice_labels
from rekryt.screening.models import JobQuestion, QuestionKind

ANSWER_REQUIRED = {"required": _("Please answer this question.")}
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)


def field_name(job_question: JobQuestion) -> str:
    return f"q{job_question.pk}"


class BoundedDateField(forms.DateField):
    def to_python(self, value: Any) -> date | None:
        day = super().to_python(value)
        if day is not None and not EARLIEST <= day <= LATEST:
            raise forms.ValidationError(_("Please write a date between 1900 and 2100."))
        return day


def build_field(jq: JobQuestion, language: str) -> forms.Field:
    question = jq.question
    common: dict[str, Any] = {
        "label": question.text_in(language),
        "help_text": question.help_in(language),
        "required": jq.required,
        "error_messages": ANSWER_REQUIRED,
    }
    kind = question.kind
    if kind in (QuestionKind.YES_NO, QuestionKind.SINGLE):
        choices = list(choice_labels(jq, language).items())
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if kind == QuestionKind.MULTIPLE:
        choices = list(choice_labels(jq, language).items())
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    if kind == QuestionKind.NUMBER:
        return forms.DecimalField(
            max_digits=12,
            decimal_places=2,
            min_value=-(10**9),
            max_value=10**9,
            localize=True,
            widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            **common,
        )
    if kind == QuestionKind.DATE:
        return BoundedDateField(
            input_formats=["%Y-%m-%d", "%d/%m/%Y"],
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **common,
        )
    if kind == QuestionKind.FILE:
        return forms.FileField(widget=forms.FileInput(attrs={"accept": ACCEPT}), **common)
    return TextField(max_length=500, widget=forms.TextInput(), **common)


class ScreeningForm(forms.Form):
    prefix = "screening"

    def __init__(self, questions: list[JobQuestion], language: str, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for jq in questions:
            self.fields[field_name(jq)] = build_field(jq, language)

    def answer(self, jq: JobQuestion) -> Any:
        """The cleaned answer as the snapshot keeps it (JSON)."""
        value = self.cleaned_data.get(field_name(jq))
        if value in (None, "", []):
            return None
        if jq.kind == QuestionKind.NUMBER:
            return str(value)
        if jq.kind == QuestionKind.DATE:
            return value.isoformat()
        if jq.kind == QuestionKind.FILE:
            return None  # the file is kept as a document (see ScreeningPart)
        return value
