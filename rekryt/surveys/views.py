"""The candidate's side of a survey: answer once, or stop surveys.

Links are opened by mail scanners before people: a GET only shows a page;
answers and opt-outs happen on the form's POST."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from rekryt.lib.params import bounded_int
from rekryt.lib.tokens import hash_token
from rekryt.surveys.actions import extra_answers, opt_out_of_surveys, record_answer
from rekryt.surveys.forms import AnswerForm
from rekryt.surveys.models import Survey, SurveyQuestion, band_of

FOLLOW_UPS = {
    "promoter": _("What was best?"),
    "passive": _("What would have made it a 10?"),
    "detractor": _("What should we improve?"),
}


def survey_for_token(raw: str) -> Survey | None:
    if not 20 <= len(raw) <= 100:
        return None
    return Survey.objects.filter(token_hash=hash_token(raw)).first()


def _speak(request: HttpRequest, survey: Survey) -> None:
    """The survey's language unless the visitor chose one with the switch."""
    if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
        translation.activate(survey.language)
        request.LANGUAGE_CODE = survey.language


def _invalid(request: HttpRequest) -> HttpResponse:
    # One page for unknown, altered and expired links: it reveals nothing.
    return render(request, "surveys/invalid.html", status=404)


def _chosen_score(request: HttpRequest) -> int | None:
    raw = request.POST.get("score") if request.method == "POST" else request.GET.get("score")
    score = bounded_int(raw, default=-1, minimum=-1, maximum=11)
    return score if 0 <= score <= 10 else None


@never_cache
def survey_answer(request: HttpRequest, token: str) -> HttpResponse:
    survey = survey_for_token(token)
    if survey is None:
        return _invalid(request)
    _speak(request, survey)
    if survey.answered_at is not None:
        return render(request, "surveys/thanks.html")
    if not survey.is_open:
        return _invalid(request)
    language = translation.get_language() or survey.language
    questions = list(SurveyQuestion.objects.filter(active=True))
    if request.method == "POST":
        form = AnswerForm(request.POST, questions=questions, language=language)
        if form.is_valid():
            extra = extra_answers(questions, language, form.cleaned_data)
            data = form.cleaned_data
            record_answer(survey, data["score"], data["comment"].strip(), extra)
            return redirect("survey_thanks")
    else:
        score = _chosen_score(request)
        form = AnswerForm(initial={"score": score}, questions=questions, language=language)
    score = _chosen_score(request)
    context = {
        "form": form,
        "token": token,
        "follow_up": FOLLOW_UPS[band_of(score)] if score is not None else None,
        "follow_ups": FOLLOW_UPS,
    }
    return render(request, "surveys/answer.html", context)


def survey_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "surveys/thanks.html")


@never_cache
def survey_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    # Expired links still work here: saying no must always be possible.
    survey = survey_for_token(token)
    if survey is None or survey.candidate_id is None:
        return _invalid(request)
    _speak(request, survey)
    if request.method == "POST":
        opt_out_of_surveys(survey)
        return render(request, "surveys/unsubscribed.html")
    return render(request, "surveys/unsubscribe.html", {"token": token})
