"""The interviewer's pages: the kit (instructions, questions, the CV under
blind review's rules, the ad, the scorecard form), the scorecard itself and
the job's comparison of candidates × attributes."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from rekryt.accounts.models import Role, User
from rekryt.accounts.roles import staff_required
from rekryt.applications.hooks import blind_for, shown_name
from rekryt.candidates.models import Document, DocumentKind
from rekryt.interviews import actions
from rekryt.interviews.forms import ScorecardForm
from rekryt.interviews.models import (
    Attribute,
    AttributeRating,
    Interview,
    Recommendation,
    Scorecard,
)
from rekryt.interviews.secrecy import interview_for, shown_scorecards, waiting_for
from rekryt.jobs.models import visible_job_or_404

# Ratings this far apart on one attribute are a disagreement to talk about.
DISAGREEMENT = 2


def _cv_link(interview: Interview, blind: dict[int, Any]) -> str:
    cv = (
        Document.objects.filter(application_id=interview.application_id, kind=DocumentKind.CV)
        .order_by("-created_at")
        .first()
    )
    if cv is None:
        return ""
    seen = blind.get(interview.application_id)
    if seen is not None:
        return str(seen.document_url(cv))
    return reverse("document_download", args=[cv.pk])


def _assigned(interview: Interview, user: User) -> bool:
    return interview.interviewers.filter(pk=user.pk).exists()


@staff_required
@require_GET
def kit(request: HttpRequest, pk: int) -> HttpResponse:
    interview = interview_for(request.user, pk)  # type: ignore[arg-type]
    application = interview.application
    blind = blind_for([application])
    focus = actions.focus_of(interview)
    questions: dict[int, list[Any]] = {}
    for question in interview.step.questions.all():
        questions.setdefault(question.attribute_id, []).append(question)
    context = {
        "interview": interview,
        "application": application,
        "job": application.job,
        "name": shown_name(application, blind),
        "blind": application.pk in blind,
        "cv_url": _cv_link(interview, blind),
        "focus": [(a, questions.get(a.pk, [])) for a in focus],
        "people": interview.interviewers.all(),
        "assigned": _assigned(interview, request.user),  # type: ignore[arg-type]
        "form": ScorecardForm(focus, initial=_initial(interview, request.user)),  # type: ignore[arg-type]
    }
    return render(request, "interviews/kit.html", context)


def _initial(interview: Interview, user: User) -> dict[str, Any]:
    card = Scorecard.objects.filter(interview=interview, interviewer=user).first()
    if card is None:
        return {}
    initial: dict[str, Any] = {"recommendation": card.recommendation, "notes": card.notes}
    for rating in card.ratings.all():
        initial[f"a{rating.attribute_id}"] = rating.rating
        initial[f"n{rating.attribute_id}"] = rating.note
    return initial


@staff_required
def scorecard_edit(request: HttpRequest, pk: int) -> HttpResponse:
    interview = interview_for(request.user, pk)  # type: ignore[arg-type]
    if not _assigned(interview, request.user):  # type: ignore[arg-type]
        raise Http404
    focus = actions.focus_of(interview)
    if request.method != "POST":
        return redirect(reverse("interview_kit", args=[pk]) + "#scorecard")
    submitting = request.POST.get("submit") == "1"
    form = ScorecardForm(focus, request.POST, submitting=submitting)
    if not form.is_valid():
        blind = blind_for([interview.application])
        context = {
            "interview": interview,
            "application": interview.application,
            "job": interview.application.job,
            "name": shown_name(interview.application, blind),
            "blind": interview.application_id in blind,
            "cv_url": _cv_link(interview, blind),
            "focus": [(a, []) for a in focus],
            "people": interview.interviewers.all(),
            "assigned": True,
            "form": form,
        }
        return render(request, "interviews/kit.html", context, status=400)
    actions.save_scorecard(
        interview,
        request.user,  # type: ignore[arg-type]
        form.ratings(),
        form.cleaned_data["recommendation"],
        form.cleaned_data["notes"],
        submit=submitting,
    )
    if submitting:
        messages.success(
            request, _("Your scorecard was submitted. You can now read your colleagues'.")
        )
    else:
        messages.success(request, _("Your draft was saved. Colleagues do not see it."))
    return redirect("application_detail", interview.application_id)


@staff_required
@require_GET
def scorecard_detail(request: HttpRequest, pk: int) -> HttpResponse:
    card = get_object_or_404(
        Scorecard.objects.select_related(
            "interview__step", "interview__application", "interviewer"
        ),
        pk=pk,
    )
    user: User = request.user  # type: ignore[assignment]
    interview = interview_for(user, card.interview_id)
    waiting = waiting_for(user, [interview.application_id])
    if not shown_scorecards(user, [card], waiting):
        raise Http404
    blind = blind_for([interview.application])
    context = {
        "card": card,
        "interview": interview,
        "name": shown_name(interview.application, blind),
        "ratings": card.ratings.select_related("attribute"),
    }
    return render(request, "interviews/scorecard.html", context)


@dataclass
class Cell:
    ratings: list[int] = field(default_factory=list)

    @property
    def mean(self) -> float | None:
        return round(statistics.fmean(self.ratings), 1) if self.ratings else None

    @property
    def disagree(self) -> bool:
        return len(self.ratings) > 1 and max(self.ratings) - min(self.ratings) >= DISAGREEMENT


@dataclass
class Row:
    application: Any
    name: str
    cells: list[Cell]
    cards: list[Scorecard]
    hidden: bool = False

    @property
    def mean(self) -> float:
        values = [c.mean for c in self.cells if c.mean is not None]
        return statistics.fmean(values) if values else 0.0


@staff_required
@require_GET
def compare(request: HttpRequest, pk: int) -> HttpResponse:
    """Candidates × attributes from submitted scorecards, in five queries
    whatever the numbers (plus blind review's own)."""
    user: User = request.user  # type: ignore[assignment]
    if user.role == Role.INTERVIEWER:
        raise Http404
    job = visible_job_or_404(user, pk)
    attributes = list(Attribute.objects.filter(category__job=job).select_related("category"))
    cards = list(
        Scorecard.objects.filter(interview__application__job=job, submitted_at__isnull=False)
        .select_related("interviewer", "interview__application", "interview__step")
        .order_by("interview__application_id", "submitted_at")
    )
    ratings = AttributeRating.objects.filter(
        scorecard__interview__application__job=job, scorecard__submitted_at__isnull=False
    ).values_list("scorecard__interview__application_id", "attribute_id", "rating")
    by_app: dict[int, dict[int, Cell]] = {}
    for app_id, attribute_id, rating in ratings:
        by_app.setdefault(app_id, {}).setdefault(attribute_id, Cell()).ratings.append(rating)
    applications: dict[int, Any] = {}
    grouped: dict[int, list[Scorecard]] = {}
    for card in cards:
        applications[card.interview.application_id] = card.interview.application
        grouped.setdefault(card.interview.application_id, []).append(card)
    blind = blind_for(list(applications.values()))
    waiting = waiting_for(user, list(applications))
    rows = [
        Row(
            application,
            shown_name(application, blind),
            [by_app.get(pk_, {}).get(a.pk, Cell()) for a in attributes],
            grouped[pk_],
            hidden=pk_ in waiting,
        )
        for pk_, application in applications.items()
    ]
    rows.sort(key=lambda row: (row.hidden, -row.mean, row.name))
    context = {
        "job": job,
        "attributes": attributes,
        "rows": rows,
        "labels": dict(Recommendation.choices),
    }
    return render(request, "interviews/compare.html", context)
