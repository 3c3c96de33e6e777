"""Staff pages for one job's screening: the questions it asks (with the
drop-off warning) and its applications filtered by requirements and sorted
by score, from where a person confirms rejections in bulk."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from rekryt.accounts.roles import recruiter_required, staff_required
from rekryt.applications.forms import current_language
from rekryt.applications.models import Application, Outcome, may_decide
from rekryt.jobs.models import Job, visible_job_or_404
from rekryt.screening import actions
from rekryt.screening.blind import blind_for
from rekryt.screening.blind_views import BlindForm
from rekryt.screening.board import ANNOTATIONS, FILTERS, choices
from rekryt.screening.criteria import describe_criterion
from rekryt.screening.forms import AddQuestionForm, JobQuestionForm, JobTestForm
from rekryt.screening.models import BlindReview, JobQuestion, JobTest

PAGE_SIZE = 50


def _rows(job: Job, language: str, bound: JobQuestionForm | None = None) -> list[Any]:
    questions = JobQuestion.objects.filter(job=job).select_related("question")
    rows = []
    for jq in questions.prefetch_related("question__choices"):
        form = (
            bound if bound is not None and bound.jq.pk == jq.pk else JobQuestionForm(jq, language)
        )
        rows.append((jq, form, describe_criterion(jq, language)))
    return rows


def _page(request: HttpRequest, job: Job, status: int = 200, **forms: Any) -> HttpResponse:
    language = current_language()
    context = {
        "job": job,
        "rows": _rows(job, language, forms.get("bound")),
        "add_form": forms.get("add_form") or AddQuestionForm(job),
        "required_count": actions.drop_off_warning(job),
        "blind_form": BlindForm(job, initial={"until_stage": _blind_stage(job)}),
        "tests": JobTest.objects.filter(job=job).select_related("stage"),
        "test_form": forms.get("test_form") or JobTestForm(job),
    }
    return render(request, "screening/job_questions.html", context, status=status)


def _blind_stage(job: Job) -> int | None:
    review = BlindReview.objects.filter(job=job).first()
    return review.until_stage_id if review else None


@recruiter_required
def job_screening(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    if request.method != "POST":
        return _page(request, job)
    form = AddQuestionForm(job, request.POST)
    if not form.is_valid():
        return _page(request, job, status=400, add_form=form)
    actions.add_job_question(job, form.cleaned_data["question"])
    messages.success(request, _("The question was added. Set its criterion below."))
    return redirect("job_screening", job.pk)


def _job_question(request: HttpRequest, pk: int, jq_pk: int) -> JobQuestion:
    job = visible_job_or_404(request.user, pk)
    return get_object_or_404(
        JobQuestion.objects.select_related("question", "job"), job=job, pk=jq_pk
    )


@recruiter_required
@require_POST
def job_question_edit(request: HttpRequest, pk: int, jq_pk: int) -> HttpResponse:
    jq = _job_question(request, pk, jq_pk)
    form = JobQuestionForm(jq, current_language(), request.POST)
    if not form.is_valid():
        return _page(request, jq.job, status=400, bound=form)
    actions.update_job_question(jq, **form.changes())
    messages.success(request, _("The criterion was saved."))
    return redirect("job_screening", pk)


@recruiter_required
@require_POST
def job_question_move(request: HttpRequest, pk: int, jq_pk: int) -> HttpResponse:
    actions.move_job_question(_job_question(request, pk, jq_pk), request.POST.get("direction", ""))
    return redirect("job_screening", pk)


@recruiter_required
@require_POST
def job_question_remove(request: HttpRequest, pk: int, jq_pk: int) -> HttpResponse:
    actions.remove_job_question(_job_question(request, pk, jq_pk))
    messages.success(request, _("The question was removed. Answers already sent are kept."))
    return redirect("job_screening", pk)


@staff_required
@require_GET
def screening_applications(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    if not JobQuestion.objects.filter(job=job).exists():
        raise Http404
    requirement, order = choices(request.GET)
    rows = (
        Application.objects.filter(job=job, outcome=Outcome.ACTIVE)
        .select_related("candidate", "stage")
        .annotate(**ANNOTATIONS)
    )
    if requirement:
        rows = rows.filter(FILTERS[requirement])
    ordering = [F("screening__score").desc(nulls_last=True)] if order else []
    rows = rows.order_by(*ordering, "-created_at", "-pk")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    blind = blind_for(page.object_list)
    for application in page.object_list:
        application.shown_name = (  # type: ignore[attr-defined]
            blind[application.pk].name if application.pk in blind else application.full_name
        )
    context = {
        "job": job,
        "page": page,
        "requirement": requirement,
        "order": order,
        "can_decide": may_decide(request.user),  # type: ignore[arg-type]
    }
    return render(request, "screening/applications.html", context)


@recruiter_required
@require_POST
def job_test_add(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    form = JobTestForm(job, request.POST, instance=JobTest(job=job))
    if not form.is_valid():
        return _page(request, job, status=400, test_form=form)
    form.save()
    messages.success(request, _("The test was added. Applicants are invited as it says."))
    return redirect("job_screening", job.pk)


@recruiter_required
@require_POST
def job_test_remove(request: HttpRequest, pk: int, test_pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    get_object_or_404(JobTest, job=job, pk=test_pk).delete()
    messages.success(request, _("The test was removed. Invitations already sent stay open."))
    return redirect("job_screening", job.pk)
