"""Forms of the staff pages (plan, slots, booking, scorecards) and of the
candidate's portal page (choose a time, ask for others, cancel)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekryt.accounts.models import Role, User
from rekryt.interviews.models import (
    RATINGS,
    Attribute,
    Category,
    Location,
    PlanStep,
    Recommendation,
    ScorecardTemplate,
    Slot,
    VideoQuestion,
)
from rekryt.jobs.models import Job


def possible_interviewers(job: Job) -> QuerySet[User]:
    """Staff who can see the job's applications (and so open the kit)."""
    return (
        User.objects.filter(is_active=True)
        .filter(Q(role__in=[Role.ADMIN, Role.RECRUITER]) | Q(team_jobs=job))
        .distinct()
        .order_by("first_name", "username")
    )


class InterviewerChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.display_name} ({obj.get_role_display()})"


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = ["name_sv", "name_en"]


class AttributeForm(forms.ModelForm):
    class Meta:
        model = Attribute
        fields = ["category", "name_sv", "name_en"]

    def __init__(self, job: Job, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(job=job)  # type: ignore[attr-defined]
        self.fields["category"].label = _("category")


class CopyTemplateForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Scorecard template"), queryset=ScorecardTemplate.objects.all()
    )


class StepForm(forms.ModelForm):
    class Meta:
        model = PlanStep
        fields = [
            "name_sv",
            "name_en",
            "duration_minutes",
            "video",
            "location",
            "focus",
            "instructions",
            "agenda_sv",
            "agenda_en",
            "bring_sv",
            "bring_en",
            "one_way",
        ]
        widgets = {
            "focus": forms.CheckboxSelectMultiple,
            "instructions": forms.Textarea(attrs={"rows": 3}),
            "agenda_sv": forms.Textarea(attrs={"rows": 2}),
            "agenda_en": forms.Textarea(attrs={"rows": 2}),
            "bring_sv": forms.Textarea(attrs={"rows": 2}),
            "bring_en": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, job: Job, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["focus"].queryset = Attribute.objects.filter(category__job=job)  # type: ignore[attr-defined]
        self.fields["focus"].label = _("focus attributes")
        self.fields["location"].queryset = Location.objects.all()  # type: ignore[attr-defined]
        self.fields["duration_minutes"].min_value = 5  # type: ignore[attr-defined]

    def clean_duration_minutes(self) -> int:
        minutes = self.cleaned_data["duration_minutes"]
        if not 5 <= minutes <= 480:
            raise forms.ValidationError(_("Between 5 and 480 minutes."))
        return int(minutes)


class QuestionForm(forms.Form):
    attribute = forms.ModelChoiceField(label=_("attribute"), queryset=Attribute.objects.none())
    text_sv = forms.CharField(label=_("question (Swedish)"), max_length=500)
    text_en = forms.CharField(label=_("question (English)"), max_length=500)

    def __init__(self, step: PlanStep, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        attributes = step.focus.all()
        if not attributes.exists():
            attributes = Attribute.objects.filter(category__job_id=step.job_id)
        self.fields["attribute"].queryset = attributes  # type: ignore[attr-defined]


class LocationForm(forms.ModelForm):
    class Meta:
        model = Location
        fields = [
            "name",
            "address",
            "directions_sv",
            "directions_en",
            "transit_sv",
            "transit_en",
            "parking_sv",
            "parking_en",
        ]
        widgets = {f: forms.Textarea(attrs={"rows": 2}) for f in fields if f != "name"}


class SlotsForm(forms.Form):
    step = forms.ModelChoiceField(label=_("interview"), queryset=PlanStep.objects.none())
    day = forms.DateField(label=_("day"), widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.TimeField(label=_("from"), widget=forms.TimeInput(attrs={"type": "time"}))
    end = forms.TimeField(label=_("to"), widget=forms.TimeInput(attrs={"type": "time"}))
    buffer = forms.IntegerField(
        label=_("buffer between interviews (minutes)"), min_value=0, max_value=240, initial=15
    )
    interviewers = InterviewerChoice(
        label=_("interviewers who must attend"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, job: Job, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["step"].queryset = PlanStep.objects.filter(job=job)  # type: ignore[attr-defined]
        self.fields["interviewers"].queryset = possible_interviewers(job)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] <= data["start"]:
            raise forms.ValidationError(_("The end must come after the start."))
        day = data.get("day")
        if day and not (timezone.localdate() <= day <= timezone.localdate() + timedelta(days=365)):
            raise forms.ValidationError(_("Choose a day within the coming year."))
        return data


class OfferForm(forms.Form):
    step = forms.ModelChoiceField(label=_("interview"), queryset=PlanStep.objects.none())

    def __init__(self, job: Job, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["step"].queryset = PlanStep.objects.filter(job=job)  # type: ignore[attr-defined]


class BookForm(OfferForm):
    starts_at = forms.DateTimeField(
        label=_("time"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    interviewers = InterviewerChoice(
        label=_("interviewers"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    video_url = forms.URLField(
        label=_("video link (optional)"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Leave empty for a room on the organisation's video server."),
    )

    def __init__(self, job: Job, *args: Any, **kwargs: Any):
        super().__init__(job, *args, **kwargs)
        self.fields["interviewers"].queryset = possible_interviewers(job)  # type: ignore[attr-defined]

    def clean_starts_at(self) -> Any:
        starts = self.cleaned_data["starts_at"]
        if starts <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future."))
        if starts > timezone.now() + timedelta(days=365):
            raise forms.ValidationError(_("Choose a time within the coming year."))
        return starts


class MoveForm(forms.Form):
    starts_at = BookForm.base_fields["starts_at"]

    clean_starts_at = BookForm.clean_starts_at


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ScorecardForm(forms.Form):
    recommendation = forms.ChoiceField(
        label=_("Overall recommendation"),
        choices=Recommendation.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 6})
    )

    def __init__(self, attributes: list[Attribute], *args: Any, **kwargs: Any):
        self.attributes = attributes
        self.submitting = bool(kwargs.pop("submitting", False))
        super().__init__(*args, **kwargs)
        for attribute in attributes:
            self.fields[f"a{attribute.pk}"] = forms.TypedChoiceField(
                label=attribute.name,
                choices=RATINGS,
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"n{attribute.pk}"] = forms.CharField(
                label=_("Note on %(attribute)s") % {"attribute": attribute.name},
                required=False,
                max_length=1000,
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.submitting:
            for attribute in self.attributes:
                if not data.get(f"a{attribute.pk}"):
                    self.add_error(f"a{attribute.pk}", _("Rate this before you submit."))
        return data

    def ratings(self) -> dict[int, tuple[int, str]]:
        data = self.cleaned_data
        return {
            a.pk: (int(data[f"a{a.pk}"]), data.get(f"n{a.pk}", ""))
            for a in self.attributes
            if data.get(f"a{a.pk}")
        }

    def rows(self) -> list[tuple[Attribute, Any, Any]]:
        return [(a, self[f"a{a.pk}"], self[f"n{a.pk}"]) for a in self.attributes]


class PickForm(forms.Form):
    slot = forms.ModelChoiceField(queryset=Slot.objects.none(), widget=forms.RadioSelect)

    def __init__(self, slots: QuerySet[Slot], *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = slots  # type: ignore[attr-defined]


class OtherTimesForm(forms.Form):
    times = forms.CharField(
        label=_("When would suit you?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class VideoQuestionForm(forms.ModelForm):
    class Meta:
        model = VideoQuestion
        fields = ["text_sv", "text_en", "think_seconds", "answer_seconds", "tries"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not 0 <= (data.get("think_seconds") or 0) <= 600:
            self.add_error("think_seconds", _("At most 10 minutes."))
        if not 10 <= (data.get("answer_seconds") or 0) <= 600:
            self.add_error("answer_seconds", _("Between 10 seconds and 10 minutes."))
        if not 1 <= (data.get("tries") or 0) <= 5:
            self.add_error("tries", _("Between 1 and 5."))
        return data
