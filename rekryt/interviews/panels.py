"""What interviews adds to other apps' pages: a panel on the application
page (registered with applications.extensions) and one on the portal's
home (portal.extensions)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q
from django.http import HttpRequest

from rekryt.accounts.models import User
from rekryt.applications.hooks import blind_for
from rekryt.applications.models import Application, Outcome, may_decide
from rekryt.candidates.models import Candidate
from rekryt.interviews import scheduling
from rekryt.interviews.forms import BookForm, MoveForm, OfferForm, ReasonForm
from rekryt.interviews.models import Interview, PlanStep, Scorecard, Status, VideoAnswer
from rekryt.interviews.secrecy import shown_scorecards, visible_interviews, waiting_for


def application_panel(request: HttpRequest, application: Application) -> Any:
    user: User = request.user  # type: ignore[assignment]
    # One query tells whether there is anything to show at all.
    found = (
        Application.objects.filter(pk=application.pk)
        .annotate(
            planned=Exists(PlanStep.objects.filter(job_id=OuterRef("job_id"))),
            interviewed=Exists(Interview.objects.filter(application_id=OuterRef("pk"))),
            videos=Exists(VideoAnswer.objects.filter(application_id=OuterRef("pk"))),
        )
        .values_list("planned", "interviewed", "videos")
        .first()
    )
    if not found or not any(found):
        return None
    steps = found[0]
    interviews = list(
        visible_interviews(user)
        .filter(application=application)
        .select_related("step")
        .prefetch_related("interviewers")
        .order_by("-created_at")
    )
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
    videos = list(
        VideoAnswer.objects.filter(
            application=application, completed_at__isnull=False
        ).select_related("question")
    )
    context = {
        "application": application,
        "videos": videos,
        "video_blind": application.pk in blind_for([application]) if videos else False,
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


def video_to_answer(candidate: Candidate) -> list[Application]:
    """Active applications whose job asks video questions not all answered."""
    asked = Application.objects.filter(candidate=candidate, outcome=Outcome.ACTIVE).annotate(
        questions=Count("job__video_questions", distinct=True),
        answered=Count(
            "video_answers", filter=Q(video_answers__completed_at__isnull=False), distinct=True
        ),
    )
    return [
        a for a in asked.select_related("job").filter(questions__gt=0) if a.answered < a.questions
    ]  # type: ignore[attr-defined]


def portal_panel(request: HttpRequest, candidate: Candidate) -> Any:
    interviews = candidate_interviews(candidate)
    videos = video_to_answer(candidate)
    if not interviews and not videos:
        return None
    return "interviews/portal_panel.html", {"interviews": interviews, "videos": videos}
