"""The public registration form: hostile input assumed (names on one line,
control characters removed, a honeypot), questions from the pool's bank."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from rekryt.applications.apply_forms import ACCEPT, HONEYPOT, NameField, TextField
from rekryt.candidates.models import Tag
from rekryt.jobs.models import Job
from rekryt.messaging.models import placeholder_errors
from rekryt.screening.models import QuestionKind
from rekryt.talentpool.cv import CVUpload
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
    cv = forms.FileField(
        label=_("CV (optional)"),
        required=False,
        help_text=_("PDF, Word (.docx) or OpenDocument (.odt)."),
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )
    consent = forms.BooleanField(label=_("Keep me in the talent pool"))

    def __init__(
        self,
        *args: Any,
        pool: Pool,
        consent_text: str,
        oversized: set[str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.upload = CVUpload(self.data if self.is_bound else None, oversized or set())
        self.attached = ""
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

    def clean_cv(self) -> Any:
        return self.upload.clean(self.cleaned_data.get("cv"))

    def keep_files(self) -> None:
        """Before showing the form again: a good CV is kept, not chosen again."""
        self.attached = self.upload.keep()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get(HONEYPOT):
            raise forms.ValidationError(_("Please leave the last field empty."))
        return data

    def answers(self) -> list[tuple[PoolQuestion, str]]:
        return [(pq, str(self.cleaned_data.get(f"q{pq.pk}") or "")) for pq in self.pool_questions]


class NurtureForm(forms.Form):
    """The segment (filters) and the message in Swedish and English."""

    intent = forms.ChoiceField(
        label=_("Intent"), required=False, choices=[("", _("Everyone")), *Intent.choices]
    )
    tag = forms.ModelChoiceField(label=_("Tag"), required=False, queryset=Tag.objects.all())
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Everyone")), ("sv", _("Swedish")), ("en", _("English"))],
    )
    not_contacted_since = forms.DateField(
        label=_("Not contacted since"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    min_days = forms.IntegerField(
        label=_("At most one pool message per person every (days)"),
        min_value=0,
        max_value=365,
        initial=14,
    )
    jobs = forms.ModelMultipleChoiceField(
        label=_("Open jobs to tell them about (a job alert)"),
        help_text=_("Each chosen job is listed under the text with a link to its ad."),
        required=False,
        queryset=Job.objects.published().order_by("title"),
        widget=forms.CheckboxSelectMultiple,
    )
    subject_sv = forms.CharField(label=_("Subject (Swedish)"), max_length=200, required=False)
    text_sv = forms.CharField(label=_("Text (Swedish)"), required=False, widget=forms.Textarea)
    subject_en = forms.CharField(label=_("Subject (English)"), max_length=200, required=False)
    text_en = forms.CharField(label=_("Text (English)"), required=False, widget=forms.Textarea)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for lang in ("sv", "en"):
            for name in (f"subject_{lang}", f"text_{lang}"):
                for error in placeholder_errors(data.get(name) or ""):
                    self.add_error(name, error)
        return data

    def texts(self) -> dict[str, tuple[str, str]]:
        data = self.cleaned_data
        return {
            lang: (data[f"subject_{lang}"], data[f"text_{lang}"])
            for lang in ("sv", "en")
            if data.get(f"subject_{lang}") and data.get(f"text_{lang}")
        }


class LeftForm(forms.Form):
    left_on = forms.DateField(
        label=_("Last day of employment"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_left_on(self) -> Any:
        left_on = self.cleaned_data["left_on"]
        if left_on > timezone.localdate():
            raise forms.ValidationError(_("Mark them when they have left: the date is ahead."))
        return left_on
