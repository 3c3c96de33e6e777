"""Who sees what, and the filters every analytics page takes.

Analytics is for the people who decide: admins and recruiters see every
job, hiring managers the jobs of their hiring teams (the one rule,
`Job.objects.visible_to`), interviewers none. The filters come from a GET
form; anything malformed is named on the page and the default used
instead, never a 500."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekryt.accounts.models import Role, User
from rekryt.jobs.models import Job
from rekryt.lib.widgets import QuickSelect

DEFAULT_MONTHS = 3
# Ten years: a longer period says nothing more and only costs time.
LONGEST_MONTHS = 120
MONTH_FORMATS = ["%Y-%m"]


def month_start(day: date, shift: int = 0) -> date:
    """The first day of the month of `day`, `shift` months later."""
    index = day.year * 12 + day.month - 1 + shift
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> int:
    """Months from `first` to `last`, both counted."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


def analysts_only(user: Any) -> User:
    if not user.is_authenticated or not user.is_active or user.role == Role.INTERVIEWER:
        raise Http404
    return user  # type: ignore[no-any-return]


def jobs_for(user: User) -> QuerySet[Job]:
    return Job.objects.visible_to(user)


class FilterForm(forms.Form):
    since = forms.DateField(
        label=_("From month"),
        required=False,
        input_formats=MONTH_FORMATS,
        widget=forms.DateInput({"type": "month", "placeholder": "2026-01"}, format="%Y-%m"),
        error_messages={"invalid": _("Write a month as year and month, like 2026-01.")},
    )
    until = forms.DateField(
        label=_("To month"),
        required=False,
        input_formats=MONTH_FORMATS,
        widget=forms.DateInput({"type": "month", "placeholder": "2026-03"}, format="%Y-%m"),
        error_messages={"invalid": _("Write a month as year and month, like 2026-03.")},
    )
    job = forms.ModelChoiceField(
        label=_("Job"), queryset=Job.objects.none(), required=False, widget=QuickSelect
    )
    department = forms.ChoiceField(label=_("Department"), required=False, widget=QuickSelect)
    recruiter = forms.ModelChoiceField(
        label=_("Recruiter"), queryset=User.objects.none(), required=False, widget=QuickSelect
    )
    source = forms.CharField(
        label=_("Source tag"),
        required=False,
        max_length=40,
        validators=[RegexValidator(r"^[-\w]*$", _("A source tag has letters, digits and dashes."))],
    )

    def __init__(self, data: Any, user: User) -> None:
        super().__init__(data)
        jobs = jobs_for(user)
        self.fields["job"].queryset = jobs.order_by("title", "pk")  # type: ignore[attr-defined]
        departments = jobs.exclude(department="").order_by("department")
        self.fields["department"].choices = [("", _("All departments"))] + [  # type: ignore[attr-defined]
            (d, d) for d in departments.values_list("department", flat=True).distinct()
        ]
        self.fields["recruiter"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            is_active=True, role__in=[Role.ADMIN, Role.RECRUITER]
        ).order_by("first_name", "username")
        self.fields["job"].empty_label = _("All jobs")  # type: ignore[attr-defined]
        self.fields["recruiter"].empty_label = _("All recruiters")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until:
            if since > until:
                raise forms.ValidationError(_("The period must start before it ends."))
            if months_between(since, until) > LONGEST_MONTHS:
                raise forms.ValidationError(_("Choose a period of at most ten years."))
        return data


@dataclass
class Scope:
    """The chosen jobs and whole months (`since` and `until` are first days
    of months, both counted), and the previous period of the same length."""

    jobs: QuerySet[Job]
    since: date
    until: date
    source: str | None
    job: Job | None
    form: FilterForm
    # Every job there is (an admin or recruiter without job filters): the
    # reads then need no list of jobs at all.
    everything: bool = False

    def of_jobs(self, rows: QuerySet[Any], field: str = "job") -> QuerySet[Any]:
        """`rows` narrowed to the chosen jobs."""
        if self.everything:
            return rows
        return rows.filter(**{f"{field}__in": self.jobs.values("pk")})

    @property
    def months(self) -> int:
        return months_between(self.since, self.until)

    @property
    def end(self) -> date:
        """The last day of the period."""
        return month_start(self.until, 1) - timedelta(days=1)

    @property
    def previous(self) -> tuple[date, date]:
        return month_start(self.since, -self.months), month_start(self.since, -1)


def scope_of(request: HttpRequest) -> Scope:
    user = analysts_only(request.user)
    form = FilterForm(request.GET, user)
    data = form.cleaned_data if form.is_valid() else {}
    until = month_start(data.get("until") or timezone.localdate())
    since = month_start(data.get("since") or month_start(until, 1 - DEFAULT_MONTHS))
    if since > until:
        since = month_start(until, 1 - DEFAULT_MONTHS)
    jobs = jobs_for(user)
    everything = user.sees_all_jobs and not any(
        data.get(name) for name in ("job", "department", "recruiter")
    )
    job = data.get("job")
    if job is not None:
        jobs = jobs.filter(pk=job.pk)
    if data.get("department"):
        jobs = jobs.filter(department=data["department"])
    if data.get("recruiter"):
        jobs = jobs.filter(recruiter=data["recruiter"])
    source = data.get("source")
    return Scope(jobs, since, until, source if source else None, job, form, everything)
