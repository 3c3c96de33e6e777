"""What interviews adds to other apps' pages: a panel on the application
page (registered with applications.extensions) and one on the portal's
home (portal.extensions)."""

from __future__ import annotations

from typing import Any

from django.db.models import F, Q
from django.http import HttpRequest

from rekryt.accounts.models import User
from rekryt.applications.models import Application, may_decide
from rekryt.candidates.models import Candidate
from rekryt.interviews import scheduling
from rekryt.interviews.forms import BookForm, MoveForm, OfferForm, ReasonForm
from rekryt.interviews.models import Interview, PlanStep, Scorecard, Status
from rekryt.interviews.secrecy import shown_scorecards, visible_interviews, waiting_for


def application_panel(request: HttpRequest, application: Application) -> Any:
    user: User = request.user  # type: ignore[assignment]
    steps = list(PlanStep.objects.filter(job_id=application.job_id))
    interviews = list(
        visible_interviews(user)
        .filter(application=application)
        .select_related("step")
        .prefetch_related("interviewers")
        .order_by("-created_at")
    )
    if not steps and not interviews:
        return None
    cards = list(
        Scorecard.objects.filter(interview__application=application)
        .select_related("interviewer", "interview")
        .order_by("submitted_at", "pk")
    )
    waiting = waiting_for(user, [application.pk])
    deciding = may_decide(user) and application.is_active
    for interview in interviews:
        interview.assigned = any(p.pk == user.pk for p in interview.interviewers.all())  # type: ignore[attr-defined]
        interview.undoable = deciding and scheduling.undoable(interview)  # type: ignore[attr-defined]
    context = {
        "application": application,
        "interviews": interviews,
        "scorecards": shown_scorecards(user, cards, waiting),
        "hidden_count": len(cards) - len(shown_scorecards(user, cards, waiting)),
        "waiting": application.pk in waiting,
        "deciding": deciding and bool(steps),
        "offer_form": OfferForm(application.job),
        "book_form": BookForm(application.job),
        "move_form": MoveForm(),
        "reason_form": ReasonForm(),
    }
    return "interviews/application_panel.html", context


def candidate_interviews(candidate: Candidate) -> list[Interview]:
    """The candidate's interviews still ahead or to choose: offers stand only
    while the application is in the stage that made them."""
    found = (
        Interview.objects.filter(application__candidate=candidate)
        .exclude(status=Status.CANCELLED)
        .filter(Q(status=Status.BOOKED) | Q(stage__isnull=True) | Q(stage=F("application__stage")))
        .select_related("application__job", "step__location")
        .prefetch_related("interviewers")
        .order_by("starts_at", "pk")
    )
    return [i for i in found if i.status == Status.OFFERED or i.is_upcoming]


def portal_panel(request: HttpRequest, candidate: Candidate) -> Any:
    interviews = candidate_interviews(candidate)
    if not interviews:
        return None
    return "interviews/portal_panel.html", {"interviews": interviews}
