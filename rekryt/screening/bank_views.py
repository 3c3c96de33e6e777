"""Staff pages for the organisation's question bank (admins and recruiters)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from rekryt.accounts.roles import recruiter_required
from rekryt.screening.actions import save_question
from rekryt.screening.forms import ChoiceFormSet, QuestionForm, enough_choices
from rekryt.screening.models import Question


@recruiter_required
@require_GET
def question_bank(request: HttpRequest) -> HttpResponse:
    questions = Question.objects.prefetch_related("choices")
    return render(request, "screening/question_bank.html", {"questions": questions})


@recruiter_required
def question_new(request: HttpRequest) -> HttpResponse:
    return _question_form(request, Question())


@recruiter_required
def question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _question_form(request, get_object_or_404(Question, pk=pk))


def _question_form(request: HttpRequest, question: Question) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = QuestionForm(data, instance=question)
    choices = ChoiceFormSet(data, instance=question, prefix="choices")
    if data is not None and form.is_valid() and choices.is_valid():
        if enough_choices(form.cleaned_data["kind"], choices):
            save_question(form, choices)
            messages.success(request, _("The question was saved."))
            return redirect("question_bank")
        form.add_error(None, _("A choice question needs at least two choices."))
    context = {"form": form, "choices": choices, "question": question}
    status = 400 if data is not None else 200
    return render(request, "screening/question_form.html", context, status=status)
