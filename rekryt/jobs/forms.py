"""Staff forms for jobs, their stages and the default stage templates."""

from __future__ import annotations

from typing import Any

from django import forms
from django.apps import apps
from django.core.validators import MaxLengthValidator
from django.db.models import QuerySet
from django.forms.boundfield import BoundField
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekryt.accounts.models import Organisation, Role, User
from rekryt.jobs import taxonomy
from rekryt.jobs.models import STAGE_EMAIL_KINDS, Job, StageKind
from rekryt.lib.widgets import QuickSelect


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name)


class StaffMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.display_name} ({obj.get_role_display()})"


def active_staff() -> QuerySet[User]:
    return User.objects.filter(is_active=True).order_by("first_name", "last_name", "username")


# Legends and the fields under each, in the order a recruiter writes an ad.
JOB_FIELDSETS = [
    (_("The job"), ["title", "department", "language", "recruiter", "team"]),
    (_("Where"), ["city", "region", "country", "workplace"]),
    (
        _("Terms"),
        [
            "employment_type",
            "working_hours",
            "salary_min",
            "salary_max",
            "salary_currency",
            "salary_unit",
            "benefits",
        ],
    ),
    (_("The ad"), ["description", "requirements", "team_description", "after_apply"]),
    (_("The process"), ["reply_within_days", "deadline"]),
    (
        _("Classification for Platsbanken (JobTech taxonomy)"),
        [
            "jobtech_occupation",
            "jobtech_occupation_other",
            "jobtech_municipality",
            "jobtech_employment_type",
        ],
    ),
]
# Fields of the form that are not the job's own columns.
FORM_ONLY_FIELDS = {"jobtech_occupation_other"}

TAXONOMY_FIELDS = {
    "jobtech_occupation": (
        "occupation",
        _("Occupation (JobTech)"),
        _("Choose an occupation from the list."),
    ),
    "jobtech_municipality": (
        "municipality",
        _("Municipality (JobTech)"),
        _("Choose a municipality from the list."),
    ),
    "jobtech_employment_type": (
        "employment_type",
        _("Employment type (JobTech)"),
        _("Choose an employment type from the list."),
    ),
}
TAXONOMY_HELP = _(
    "Needed to publish on Platsbanken. The list has the most advertised "
    "occupations; for another, write its concept id below."
)
OTHER_OCCUPATION_HELP = _(
    "Only if the occupation is not in the list: its occupation-name concept id "
    "from the JobTech taxonomy (taxonomy.api.jobtechdev.se), like fg7B_yov_smw. "
    "It is used instead of the choice above."
)


def taxonomy_field(kind: str, label: Any, refused: Any, current: str) -> forms.ChoiceField:
    """A plain <select> (it works without JavaScript) of the vendored ids,
    municipalities grouped by county. An id saved earlier that the vendored
    list no longer has stays selectable, so editing something else never
    clears it (an occupation typed in shows in its own field instead)."""
    listed: list[Any] = (
        taxonomy.grouped_choices(kind) if kind == "municipality" else taxonomy.choices(kind)
    )
    options: list[Any] = [("", "—"), *listed]
    typed = kind == "occupation" and taxonomy.looks_like_id(current)
    if current and not taxonomy.is_known(kind, current) and not typed:
        gone = _("no longer in the list")
        options.append((current, f"{current} ({gone})"))
    return forms.ChoiceField(
        label=label,
        choices=options,
        widget=QuickSelect,
        required=False,
        help_text=TAXONOMY_HELP if kind == "occupation" else "",
        error_messages={"invalid_choice": refused},
    )


# The ad's texts, written in the small Markdown subset of rekryt.lib.richtext.
AD_TEXT_FIELDS = ["description", "requirements", "team_description", "benefits", "after_apply"]
# Far above any real ad (Platsbanken takes 6,500 characters); it keeps a
# pasted document from making the career page slow to render.
AD_TEXT_MAX = 20_000
FORMATTING_HELP = _(
    "Formatting: **bold**, *italic*, lists (a line starting with - or 1.), "
    "[a link](https://example.com) and headings (## Heading). Preview the ad to see it."
)


class JobForm(forms.ModelForm):
    recruiter = StaffChoiceField(
        queryset=active_staff().filter(role__in=[Role.ADMIN, Role.RECRUITER]),
        required=False,
        label=_("Recruiter"),
        help_text=_("Signs the emails candidates receive about this job."),
    )
    team = StaffMultipleChoiceField(
        queryset=active_staff(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Hiring team"),
        help_text=_("Hiring managers and interviewers see only the jobs whose team they are on."),
    )

    class Meta:
        model = Job
        fields = [
            name
            for _legend, names in JOB_FIELDSETS
            for name in names
            if name not in FORM_ONLY_FIELDS
        ]
        widgets = {
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "benefits": forms.Textarea(attrs={"rows": 4}),
            "team_description": forms.Textarea(attrs={"rows": 4}),
            "description": forms.Textarea(attrs={"rows": 12}),
            "requirements": forms.Textarea(attrs={"rows": 6}),
            "after_apply": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "salary_min": _(
                "Optional, but candidates expect it: ads that show a salary range get "
                "more applicants, and fewer people drop out late over pay."
            ),
            "country": _("Two letters, for example SE."),
            "deadline": _("Leave empty to keep the job open until you close it."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].widget.attrs["autocomplete"] = "off"
        for name, (kind, label, refused) in TAXONOMY_FIELDS.items():
            current = getattr(self.instance, name, "") or ""
            self.fields[name] = taxonomy_field(kind, label, refused, current)
        self.fields["jobtech_occupation_other"] = forms.CharField(
            label=_("Another occupation (JobTech concept id)"),
            required=False,
            max_length=40,
            help_text=OTHER_OCCUPATION_HELP,
        )
        occupation = self.instance.jobtech_occupation or ""
        if taxonomy.looks_like_id(occupation) and not taxonomy.is_known("occupation", occupation):
            self.initial["jobtech_occupation_other"] = occupation
        for name in AD_TEXT_FIELDS:
            field = self.fields[name]
            field.validators.append(MaxLengthValidator(AD_TEXT_MAX))
            field.widget.attrs["maxlength"] = str(AD_TEXT_MAX)
            field.help_text = " ".join(str(t) for t in (field.help_text, FORMATTING_HELP) if t)

    def fieldsets(self) -> list[tuple[str, list[BoundField]]]:
        return [(str(legend), [self[name] for name in names]) for legend, names in JOB_FIELDSETS]

    def clean_country(self) -> str:
        country: str = self.cleaned_data["country"].strip().upper()
        if len(country) != 2 or not country.isalpha():
            raise forms.ValidationError(_("Use a two-letter country code, for example SE."))
        return country

    def clean_salary_currency(self) -> str:
        currency: str = self.cleaned_data["salary_currency"].strip().upper()
        if len(currency) != 3 or not currency.isalpha():
            raise forms.ValidationError(_("Use a three-letter currency code, for example SEK."))
        return currency

    def clean_deadline(self) -> Any:
        deadline = self.cleaned_data.get("deadline")
        moved_into_past = (
            deadline is not None
            and deadline != self.instance.deadline
            and deadline < timezone.localdate()
        )
        if moved_into_past and self.instance.is_published:
            raise forms.ValidationError(
                _("A published job's deadline cannot be in the past. Close the job instead.")
            )
        return deadline

    def clean_jobtech_occupation_other(self) -> str:
        typed: str = self.cleaned_data.get("jobtech_occupation_other", "").strip()
        if typed and not taxonomy.looks_like_id(typed):
            raise forms.ValidationError(
                _(
                    "Write a JobTech concept id: three groups of letters or digits "
                    "joined by underscores, like fg7B_yov_smw."
                )
            )
        return typed

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if data.get("jobtech_occupation_other"):
            data["jobtech_occupation"] = data["jobtech_occupation_other"]
        low, high = data.get("salary_min"), data.get("salary_max")
        if low is not None and high is not None and low > high:
            self.add_error("salary_max", _("The upper end must not be below the lower end."))
        return data

    def job_fields(self) -> dict[str, Any]:
        """The cleaned values for `create_job` / `update_job` (the team goes apart)."""
        skipped = {"team", *FORM_ONLY_FIELDS}
        return {k: v for k, v in self.cleaned_data.items() if k not in skipped}


def new_job_initial(user: User) -> dict[str, Any]:
    org = Organisation.get()
    initial: dict[str, Any] = {"language": org.default_language, "country": org.country}
    if user.can_manage_jobs:
        initial["recruiter"] = user.pk
    return initial


def publish_error(job: Job) -> str | None:
    """Why the job cannot be published now, or None."""
    if job.deadline and job.deadline < timezone.localdate():
        return str(_("The deadline has passed. Move it forward (or clear it) before publishing."))
    return None


class StageNames(forms.Form):
    """A stage is named in both languages: staff and candidates each read it
    in their own."""

    name_sv = forms.CharField(label=_("Name in Swedish"), max_length=80)
    name_en = forms.CharField(label=_("Name in English"), max_length=80)


class StageForm(StageNames):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=StageKind.choices,
        initial=StageKind.OTHER,
        help_text=_("Reports group stages by kind across jobs."),
    )


def stage_email_choices() -> list[tuple[str, str]]:
    """Email kinds a stage may send (STAGE_EMAIL_KINDS) that have a template.
    jobs sits above messaging, so the kinds come from the app registry, not
    an import. A POST of any other kind fails validation."""
    template = apps.get_model("messaging", "EmailTemplate")
    labels = dict(template._meta.get_field("kind").choices or [])
    present = set(template.objects.values_list("kind", flat=True).distinct())
    kinds = [k for k in STAGE_EMAIL_KINDS if k in present and k in labels]
    return [("", str(_("No email")))] + [(k, str(labels[k])) for k in kinds]


class AutomationFields(forms.Form):
    """What a stage does when an application enters it."""

    email_kind = forms.ChoiceField(label=_("Email on entering"), required=False)
    email_delay_hours = forms.IntegerField(
        label=_("Delay (hours)"), min_value=0, max_value=720, required=False
    )
    send_survey = forms.BooleanField(label=_("Send a survey on entering"), required=False)

    def __init__(
        self, *args: Any, email_choices: list[tuple[str, str]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = email_choices if email_choices is not None else stage_email_choices()
        self.fields["email_kind"].choices = choices  # type: ignore[attr-defined]

    def clean_email_delay_hours(self) -> int:
        return self.cleaned_data.get("email_delay_hours") or 0


AUTOMATION_FIELDS = ["email_kind", "email_delay_hours", "send_survey"]


def automation_initial(item: Any) -> dict[str, Any]:
    return {name: getattr(item, name) for name in AUTOMATION_FIELDS}


class StageRenameForm(AutomationFields, StageNames):
    field_order = ["name_sv", "name_en", *AUTOMATION_FIELDS]


class StageTemplateForm(StageNames):
    kind = forms.ChoiceField(label=_("Kind"), choices=StageKind.choices, initial=StageKind.OTHER)


class StageTemplateRenameForm(AutomationFields, StageNames):
    field_order = ["name_sv", "name_en", *AUTOMATION_FIELDS]


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])

    @property
    def step(self) -> int:
        return -1 if self.cleaned_data["direction"] == "up" else 1
