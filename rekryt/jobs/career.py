"""The public career site: the list of open jobs and each job's page.

Both pages make a fixed number of queries whatever the number of jobs: the
list is one paginated query plus its count, and the filter choices are two
DISTINCT queries over indexed columns."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from rekryt.accounts.models import Organisation
from rekryt.accounts.roles import recruiter_required
from rekryt.jobs import extensions
from rekryt.jobs.jsonld import job_posting_script
from rekryt.jobs.models import EmploymentType, Job, JobStatus, Workplace, visible_job_or_404

PAGE_SIZE = 20
SOURCE_MAX = 40


def source_from(params: Any) -> str:
    """Where the visitor came from (?source= or ?utm_source=), carried on to
    the application form so the application records it."""
    raw = str(params.get("source") or params.get("utm_source") or "")[:200]
    return slugify(raw)[:SOURCE_MAX]


def _distinct(published: QuerySet[Job], column: str) -> list[str]:
    values = published.exclude(**{column: ""}).order_by(column).values_list(column, flat=True)
    return list(values.distinct())


class JobFilterForm(forms.Form):
    """GET filters; only values from these lists are ever used in a query."""

    department = forms.ChoiceField(label=gettext_lazy("Department"), required=False)
    city = forms.ChoiceField(label=gettext_lazy("Location"), required=False)
    workplace = forms.ChoiceField(label=gettext_lazy("Workplace"), required=False)
    employment_type = forms.ChoiceField(label=gettext_lazy("Employment type"), required=False)

    def __init__(self, params: Any, published: QuerySet[Job]):
        super().__init__({})
        everything = [("", _("All"))]
        choices: dict[str, list[tuple[str, Any]]] = {
            "department": [(d, d) for d in _distinct(published, "department")],
            "city": [(c, c) for c in _distinct(published, "city")],
            "workplace": list(Workplace.choices),
            "employment_type": list(EmploymentType.choices),
        }
        for name, values in choices.items():
            cast(forms.ChoiceField, self.fields[name]).choices = everything + values
        # A value not in its list is dropped on its own (an old link to a
        # department that has no jobs now); the other filters still apply.
        self.data = {
            name: params.get(name)
            for name, values in choices.items()
            if params.get(name) in {value for value, _label in values}
        }

    def filter(self, jobs: QuerySet[Job]) -> QuerySet[Job]:
        self.is_valid()
        chosen = {name: value for name, value in self.cleaned_data.items() if value}
        return jobs.filter(**chosen)

    @property
    def is_filtered(self) -> bool:
        return any(self.cleaned_data.values())


def salary_text(job: Job) -> str:
    """The salary range in the active language, or a clear "not given"."""
    if not job.has_salary:
        return _("No salary is given in this ad.")

    def amount(value: int) -> str:
        return formats.number_format(value, use_l10n=True, force_grouping=True)

    values = {
        "low": amount(job.salary_min or 0),
        "high": amount(job.salary_max or 0),
        "currency": job.salary_currency,
        "unit": job.get_salary_unit_display(),
    }
    if job.salary_min is not None and job.salary_max is not None:
        if job.salary_min == job.salary_max:
            return _("%(low)s %(currency)s %(unit)s") % values
        return _("%(low)s–%(high)s %(currency)s %(unit)s") % values
    if job.salary_min is not None:
        return _("From %(low)s %(currency)s %(unit)s") % values
    return _("Up to %(high)s %(currency)s %(unit)s") % values


@require_GET
def career_list(request: HttpRequest) -> HttpResponse:
    published = Job.objects.published()
    filters = JobFilterForm(request.GET, published)
    page = Paginator(filters.filter(published), PAGE_SIZE).get_page(request.GET.get("page"))
    for job in page.object_list:
        job.salary_text = salary_text(job)  # type: ignore[attr-defined]
    context = {"page": page, "filters": filters, "source": source_from(request.GET)}
    return render(request, "jobs/career_list.html", context)


@require_GET
def career_job(request: HttpRequest, slug: str) -> HttpResponse:
    job = get_object_or_404(Job.objects.exclude(status=JobStatus.DRAFT), slug=slug)
    source = source_from(request.GET)
    extensions.page_viewed(request, job, "job", source)
    context = {
        "job": job,
        "salary": salary_text(job),
        "jsonld": job_posting_script(job, Organisation.get()),
        "source": source,
    }
    return render(request, "jobs/career_job.html", context)


@recruiter_required
@require_GET
def job_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The ad through the career site's own template, drafts too, for the
    people who may edit it: what a candidate will see, before they do."""
    job = visible_job_or_404(request.user, pk)
    context = {"job": job, "salary": salary_text(job), "preview": True}
    return render(request, "jobs/career_job.html", context)
