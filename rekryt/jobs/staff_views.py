"""Staff pages for jobs: the dashboard, the job form, publishing, and the
stage editors (per job, and the default pipeline new jobs copy)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from rekryt.accounts.roles import admin_required, recruiter_required, staff_required
from rekryt.jobs import actions, extensions
from rekryt.jobs.forms import (
    JobForm,
    MoveForm,
    StageForm,
    StageRenameForm,
    StageTemplateForm,
    StageTemplateRenameForm,
    automation_initial,
    new_job_initial,
    publish_error,
    stage_email_choices,
)
from rekryt.jobs.models import Job, JobStatus, Stage, StageTemplate, stages_for, visible_job_or_404

# The dashboard's status filter: an allow-list, so the GET value never reaches a query.
STATUS_FILTERS: dict[str, list[str]] = {
    "open": [JobStatus.PUBLISHED, JobStatus.DRAFT],
    "published": [JobStatus.PUBLISHED],
    "draft": [JobStatus.DRAFT],
    "closed": [JobStatus.CLOSED],
    "all": [JobStatus.PUBLISHED, JobStatus.DRAFT, JobStatus.CLOSED],
}
JOBS_PER_PAGE = 25


@dataclass
class JobRow:
    job: Job
    stages: list[Stage] = field(default_factory=list)

    @property
    def active(self) -> int:
        return sum(stage.active for stage in self.stages)  # type: ignore[attr-defined]

    @property
    def new_this_week(self) -> int:
        return sum(stage.new for stage in self.stages)  # type: ignore[attr-defined]


def pipeline_rows(jobs: Iterable[Job]) -> list[JobRow]:
    """Each job with its stages and their application counts, in one query
    for the whole page however many jobs and applications there are."""
    rows = [JobRow(job) for job in jobs]
    if not rows:
        return rows
    week_ago = timezone.now() - timedelta(days=7)
    stages = (
        Stage.objects.filter(job__in=[row.job for row in rows])
        .order_by("job_id", "order", "pk")
        # "active" is applications.Outcome.ACTIVE; jobs sits above applications.
        .annotate(
            active=Count("applications", filter=Q(applications__outcome="active")),
            new=Count("applications", filter=Q(applications__created_at__gte=week_ago)),
        )
    )
    by_job: dict[int, list[Stage]] = defaultdict(list)
    for stage in stages:
        by_job[stage.job_id].append(stage)
    for row in rows:
        row.stages = by_job[row.job.pk]
    return rows


@staff_required
def dashboard(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "open")
    if status not in STATUS_FILTERS:
        status = "open"
    visible = Job.objects.visible_to(request.user)  # type: ignore[arg-type]
    jobs = (
        visible.filter(status__in=STATUS_FILTERS[status])
        .select_related("recruiter")
        .order_by("-created_at", "-pk")
    )
    page = Paginator(jobs, JOBS_PER_PAGE).get_page(request.GET.get("page"))
    tally = dict(visible.order_by().values_list("status").annotate(n=Count("id")))
    filters = [
        ("open", _("Open and drafts"), tally.get("published", 0) + tally.get("draft", 0)),
        ("published", pgettext("jobs", "Published"), tally.get("published", 0)),
        ("draft", _("Drafts"), tally.get("draft", 0)),
        ("closed", pgettext("jobs", "Closed"), tally.get("closed", 0)),
        ("all", _("All"), sum(tally.values())),
    ]
    context = {
        "page": page,
        "rows": pipeline_rows(page.object_list),
        "status": status,
        "filters": filters,
        "has_any_job": bool(tally),
        "panels": extensions.dashboard_panels(request),
    }
    return render(request, "jobs/dashboard.html", context)


# --- The job form ------------------------------------------------------------


@recruiter_required
def job_create(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    form = JobForm(request.POST or None, initial=new_job_initial(user))
    if request.method == "POST" and form.is_valid():
        team = list(form.cleaned_data["team"])
        job = actions.create_job(actor=user, team=team, **form.job_fields())
        messages.success(request, _("Draft saved. Check the stages, then publish when ready."))
        return redirect("job_edit", job.pk)
    return render(request, "jobs/staff_job_form.html", {"form": form, "job": None})


@recruiter_required
def job_edit(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    saved = Job.objects.get(pk=job.pk)  # the page header shows the stored values
    form = JobForm(request.POST or None, instance=job)
    if request.method == "POST" and form.is_valid():
        team = list(form.cleaned_data["team"])
        actions.update_job(job, actor=request.user, team=team, **form.job_fields())  # type: ignore[arg-type]
        messages.success(request, _("Job saved."))
        return redirect("job_edit", job.pk)
    return render(request, "jobs/staff_job_form.html", {"form": form, "job": saved})


@recruiter_required
@require_POST
def job_publish(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    problem = publish_error(job)
    if problem:
        messages.error(request, problem)
    elif actions.publish_job(job, actor=request.user):  # type: ignore[arg-type]
        messages.success(request, _("Published. The job is on the career site now."))
    else:
        messages.error(request, _("This job is already published."))
    return redirect("job_edit", job.pk)


@recruiter_required
@require_POST
def job_close(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    # "active" is applications.Outcome.ACTIVE; jobs sits above applications.
    if job.is_published and job.applications.filter(outcome="active").exists():  # type: ignore[attr-defined]
        # Nobody may be forgotten: the applications app's confirmation page
        # offers to reject the remaining applicants before closing.
        return redirect("job_close_confirm", job.pk)
    if actions.close_job(job, actor=request.user):  # type: ignore[arg-type]
        messages.success(request, _("Closed. The job no longer takes applications."))
    else:
        messages.error(request, _("Only a published job can be closed."))
    return redirect("job_edit", job.pk)


# --- Stages of one job -------------------------------------------------------


def _stages_page(
    request: HttpRequest,
    job: Job,
    add_form: StageForm | None = None,
    bound: StageRenameForm | None = None,
) -> HttpResponse:
    stages = stages_for(job).annotate(held=Count("applications"))
    choices = stage_email_choices()
    rows = [
        (
            stage,
            bound
            if bound is not None and bound.prefix == f"stage-{stage.pk}"
            else StageRenameForm(
                prefix=f"stage-{stage.pk}",
                initial={
                    "name_sv": stage.name_sv,
                    "name_en": stage.name_en,
                    **automation_initial(stage),
                },
                email_choices=choices,
            ),
        )
        for stage in stages
    ]
    context = {"job": job, "rows": rows, "add_form": add_form or StageForm()}
    return render(request, "jobs/staff_stages.html", context)


def _job_stage(request: HttpRequest, pk: int, stage_pk: int) -> tuple[Job, Stage]:
    job = visible_job_or_404(request.user, pk)
    return job, get_object_or_404(job.stages, pk=stage_pk)


@recruiter_required
def job_stages(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    form = StageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        stage = actions.add_stage(job, actor=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        messages.success(request, _("Stage “%(name)s” added.") % {"name": stage.name})
        return redirect("job_stages", job.pk)
    return _stages_page(request, job, add_form=form)


@recruiter_required
@require_POST
def job_stage_rename(request: HttpRequest, pk: int, stage_pk: int) -> HttpResponse:
    job, stage = _job_stage(request, pk, stage_pk)
    form = StageRenameForm(request.POST, prefix=f"stage-{stage.pk}")
    if not form.is_valid():
        return _stages_page(request, job, bound=form)
    actions.rename_stage(stage, actor=request.user, **form.cleaned_data)  # type: ignore[arg-type]
    messages.success(request, _("Stage saved."))
    return redirect("job_stages", job.pk)


@recruiter_required
@require_POST
def job_stage_move(request: HttpRequest, pk: int, stage_pk: int) -> HttpResponse:
    job, stage = _job_stage(request, pk, stage_pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        actions.move_stage(stage, form.step, actor=request.user)  # type: ignore[arg-type]
    return redirect("job_stages", job.pk)


@recruiter_required
@require_POST
def job_stage_delete(request: HttpRequest, pk: int, stage_pk: int) -> HttpResponse:
    job, stage = _job_stage(request, pk, stage_pk)
    try:
        actions.delete_stage(stage, actor=request.user)  # type: ignore[arg-type]
    except actions.StageError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Stage “%(name)s” deleted.") % {"name": stage.name})
    return redirect("job_stages", job.pk)


# --- The default pipeline (settings) ----------------------------------------


def _templates_page(
    request: HttpRequest,
    add_form: StageTemplateForm | None = None,
    bound: StageTemplateRenameForm | None = None,
) -> HttpResponse:
    rows = []
    choices = stage_email_choices()
    for template in StageTemplate.objects.order_by("order", "pk"):
        prefix = f"template-{template.pk}"
        initial = {
            "name_sv": template.name_sv,
            "name_en": template.name_en,
            **automation_initial(template),
        }
        if bound is not None and bound.prefix == prefix:
            rows.append((template, bound))
        else:
            form = StageTemplateRenameForm(prefix=prefix, initial=initial, email_choices=choices)
            rows.append((template, form))
    context = {"rows": rows, "add_form": add_form or StageTemplateForm()}
    return render(request, "jobs/staff_stage_templates.html", context)


@admin_required
def stage_templates(request: HttpRequest) -> HttpResponse:
    form = StageTemplateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.add_stage_template(**form.cleaned_data)
        messages.success(request, _("Stage added to the default pipeline."))
        return redirect("stage_templates")
    return _templates_page(request, add_form=form)


@admin_required
@require_POST
def stage_template_rename(request: HttpRequest, pk: int) -> HttpResponse:
    template = get_object_or_404(StageTemplate, pk=pk)
    form = StageTemplateRenameForm(request.POST, prefix=f"template-{template.pk}")
    if not form.is_valid():
        return _templates_page(request, bound=form)
    actions.rename_stage_template(template, **form.cleaned_data)
    messages.success(request, _("Stage saved."))
    return redirect("stage_templates")


@admin_required
@require_POST
def stage_template_move(request: HttpRequest, pk: int) -> HttpResponse:
    template = get_object_or_404(StageTemplate, pk=pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        actions.move_stage_template(template, form.step)
    return redirect("stage_templates")


@admin_required
@require_POST
def stage_template_delete(request: HttpRequest, pk: int) -> HttpResponse:
    template = get_object_or_404(StageTemplate, pk=pk)
    try:
        actions.delete_stage_template(template)
    except actions.StageError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Stage removed from the default pipeline."))
    return redirect("stage_templates")
