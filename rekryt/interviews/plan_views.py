"""Staff pages of one job's interviews: its scorecard (from a template or
by hand), its plan (interviews with focus attributes and questions, and a
warning for attributes no interview covers) and the times it offers."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekryt.accounts.roles import recruiter_required
from rekryt.interviews import actions, scheduling
from rekryt.interviews.forms import (
    AttributeForm,
    CategoryForm,
    CopyTemplateForm,
    QuestionForm,
    SlotsForm,
    StepForm,
    VideoQuestionForm,
)
from rekryt.interviews.models import Category, PlanStep, Question, Slot, VideoQuestion
from rekryt.jobs.models import Job, visible_job_or_404


def _page(request: HttpRequest, job: Job, status: int = 200, **forms: Any) -> HttpResponse:
    steps = list(
        PlanStep.objects.filter(job=job)
        .select_related("location")
        .prefetch_related("focus", "questions__attribute")
    )
    slots = (
        Slot.objects.filter(step__job=job, starts_at__gte=scheduling.timezone.now())
        .select_related("step", "interview__application")
        .prefetch_related("interviewers")
    )
    context = {
        "job": job,
        "categories": Category.objects.filter(job=job).prefetch_related("attributes"),
        "steps": steps,
        "uncovered": actions.uncovered(job),
        "slots": slots,
        "category_form": forms.get("category_form") or CategoryForm(),
        "attribute_form": forms.get("attribute_form") or AttributeForm(job),
        "template_form": forms.get("template_form") or CopyTemplateForm(),
        "step_form": forms.get("step_form") or StepForm(job),
        "slots_form": forms.get("slots_form") or SlotsForm(job),
        "video_questions": VideoQuestion.objects.filter(job=job),
        "video_form": forms.get("video_form") or VideoQuestionForm(),
    }
    return render(request, "interviews/plan.html", context, status=status)


@recruiter_required
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, visible_job_or_404(request.user, pk))


@recruiter_required
@require_POST
def category_add(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    form = CategoryForm(request.POST, instance=Category(job=job))
    if not form.is_valid():
        return _page(request, job, 400, category_form=form)
    form.instance.order = Category.objects.filter(job=job).count() + 1
    form.save()
    return redirect("interview_plan", job.pk)


@recruiter_required
@require_POST
def attribute_add(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    form = AttributeForm(job, request.POST)
    if not form.is_valid():
        return _page(request, job, 400, attribute_form=form)
    attribute = form.save(commit=False)
    attribute.order = attribute.category.attributes.count() + 1
    attribute.save()
    return redirect("interview_plan", job.pk)


@recruiter_required
@require_POST
def template_copy(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    form = CopyTemplateForm(request.POST)
    if not form.is_valid():
        return _page(request, job, 400, template_form=form)
    added = actions.copy_template(form.cleaned_data["template"], job)
    messages.success(request, _("%(n)s attributes were added to the scorecard.") % {"n": added})
    return redirect("interview_plan", job.pk)


@recruiter_required
@require_POST
def step_add(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    form = StepForm(job, request.POST, instance=PlanStep(job=job, order=actions.next_order(job)))
    if not form.is_valid():
        return _page(request, job, 400, step_form=form)
    form.save()
    messages.success(request, _("The interview was added to the plan."))
    return redirect("interview_plan", job.pk)


def _step(request: HttpRequest, pk: int, step_pk: int) -> PlanStep:
    job = visible_job_or_404(request.user, pk)
    return get_object_or_404(PlanStep.objects.select_related("job"), job=job, pk=step_pk)


@recruiter_required
def step_edit(request: HttpRequest, pk: int, step_pk: int) -> HttpResponse:
    step = _step(request, pk, step_pk)
    form = StepForm(step.job, request.POST or None, instance=step)
    question_form = QuestionForm(step)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("The interview was saved."))
            return redirect("interview_step", pk, step.pk)
        status = 400
    context = {
        "job": step.job,
        "step": step,
        "form": form,
        "question_form": question_form,
        "questions": step.questions.select_related("attribute"),
    }
    return render(request, "interviews/step.html", context, status=status)


@recruiter_required
@require_POST
def question_add(request: HttpRequest, pk: int, step_pk: int) -> HttpResponse:
    step = _step(request, pk, step_pk)
    form = QuestionForm(step, request.POST)
    if not form.is_valid():
        context = {
            "job": step.job,
            "step": step,
            "form": StepForm(step.job, instance=step),
            "question_form": form,
            "questions": step.questions.select_related("attribute"),
        }
        return render(request, "interviews/step.html", context, status=400)
    Question.objects.create(step=step, **form.cleaned_data)
    return redirect("interview_step", pk, step.pk)


@recruiter_required
@require_POST
def question_remove(request: HttpRequest, pk: int, step_pk: int, question_pk: int) -> HttpResponse:
    step = _step(request, pk, step_pk)
    get_object_or_404(Question, step=step, pk=question_pk).delete()
    return redirect("interview_step", pk, step.pk)


@recruiter_required
@require_POST
def slots_add(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    form = SlotsForm(job, request.POST)
    if not form.is_valid():
        return _page(request, job, 400, slots_form=form)
    data = form.cleaned_data
    made, skipped = scheduling.offer_slots(
        data["step"],
        data["day"],
        data["start"],
        data["end"],
        list(data["interviewers"]),
        data["buffer"],
    )
    text = _("%(made)s times offered.") % {"made": len(made)}
    if skipped:
        text += " " + _(
            "%(skipped)s left out: an interviewer is busy then, or the time has passed."
        ) % {"skipped": skipped}
    messages.success(request, text)
    return redirect("interview_plan", job.pk)


@recruiter_required
@require_POST
def slot_remove(request: HttpRequest, pk: int, slot_pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    slot = get_object_or_404(Slot, step__job=job, pk=slot_pk)
    if scheduling.remove_slot(slot):
        messages.success(request, _("The time was removed."))
    else:
        messages.error(request, _("That time is booked: cancel or move the interview instead."))
    return redirect("interview_plan", job.pk)


@recruiter_required
@require_POST
def video_question_add(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    order = VideoQuestion.objects.filter(job=job).count() + 1
    form = VideoQuestionForm(request.POST, instance=VideoQuestion(job=job, order=order))
    if not form.is_valid():
        return _page(request, job, 400, video_form=form)
    form.save()
    messages.success(request, _("The video question was added."))
    return redirect("interview_plan", job.pk)


@recruiter_required
@require_POST
def video_question_remove(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    question = get_object_or_404(VideoQuestion, job=job, pk=question_pk)
    if question.answers.exists():
        messages.error(request, _("Candidates have answered this question: it stays."))
    else:
        question.delete()
    return redirect("interview_plan", job.pk)
