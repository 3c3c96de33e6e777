from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rekryt.surveys.models import SurveyQuestion

SCORES = [(n, str(n)) for n in range(11)]


class AnswerForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("How likely is it that you would recommend a friend to apply for a job here?"),
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a number from 0 to 10.")},
    )
    comment = forms.CharField(
        label=_("Tell us more"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args: Any, questions: list[SurveyQuestion], language: str, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[f"question_{question.pk}"] = forms.CharField(
                label=question.text_in(language),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def question_fields(self) -> list[forms.BoundField]:
        return [self[f"question_{q.pk}"] for q in self.questions]


class QuestionForm(forms.ModelForm):
    class Meta:
        model = SurveyQuestion
        fields = ["text_sv", "text_en", "order", "active"]
