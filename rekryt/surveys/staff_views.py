"""Staff pages: the CNPS dashboard and export (admins and recruiters) and
the extra questions (admins). Other staff get 404."""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rekryt.accounts.roles import admin_required, recruiter_required
from rekryt.lib.safecsv import csv_response
from rekryt.surveys import charts, stats
from rekryt.surveys.forms import QuestionForm
from rekryt.surveys.models import Band, Step, SurveyQuestion, band_of

PERIODS = {
    "3": gettext_lazy("Last 3 months"),
    "12": gettext_lazy("Last 12 months"),
    "24": gettext_lazy("Last 24 months"),
    "all": gettext_lazy("All time"),
}


def period_start(period: str) -> datetime | None:
    """The first moment of the month `period` months back (this one included)."""
    if period == "all":
        return None
    today = timezone.localdate()
    month_index = today.year * 12 + today.month - 1 - (int(period) - 1)
    first = today.replace(year=month_index // 12, month=month_index % 12 + 1, day=1)
    return timezone.make_aware(datetime.combine(first, datetime.min.time()))


def _period(request: HttpRequest) -> str:
    period = request.GET.get("period", "12")
    return period if period in PERIODS else "12"


@recruiter_required
def cnps_dashboard(request: HttpRequest) -> HttpResponse:
    period = _period(request)
    start = period_start(period)
    board = stats.dashboard(start)
    context = {
        "board": board,
        "period": period,
        "periods": PERIODS,
        "min_answers": stats.MIN_ANSWERS,
        "benchmarks": stats.BENCHMARKS,
        "trend": charts.trend_chart(board.by_month, stats.BENCHMARKS),
        "step_chart": charts.step_chart(board.by_step),
        "comments": stats.comments(start) if board.shown else [],
    }
    return render(request, "surveys/staff/dashboard.html", context)


@recruiter_required
def cnps_export(request: HttpRequest) -> HttpResponse:
    """Anonymised answers: no names, jobs or days. A department with fewer
    than MIN_ANSWERS answers is left blank so it cannot single anyone out."""
    start = period_start(_period(request))
    answers = stats.answers_since(start)
    rows = list(
        answers.values_list(
            "score", "survey__step", "survey__department", "month", "comment"
        ).order_by("-month", "score", "comment")
    )
    per_department: dict[str, int] = {}
    for row in rows:
        per_department[row[2]] = per_department.get(row[2], 0) + 1
    steps = dict(Step.choices)
    bands = dict(Band.choices)
    header = [_("score"), _("band"), _("step"), _("department"), _("month"), _("comment")]
    body = (
        [
            score,
            bands[band_of(score)],
            steps.get(step, step),
            department if per_department[department] >= stats.MIN_ANSWERS else "",
            month.strftime("%Y-%m"),
            comment,
        ]
        for score, step, department, month, comment in rows
    )
    stamp = timezone.localdate().isoformat()
    return csv_response(f"cnps-answers-{stamp}.csv", header, body)


@admin_required
def survey_questions(request: HttpRequest) -> HttpResponse:
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Question added."))
        return redirect("survey_questions")
    questions = SurveyQuestion.objects.all()
    return render(request, "surveys/staff/questions.html", {"questions": questions, "form": form})


@admin_required
def survey_question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(SurveyQuestion, pk=pk)
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Question saved."))
        return redirect("survey_questions")
    return render(request, "surveys/staff/question_edit.html", {"question": question, "form": form})
