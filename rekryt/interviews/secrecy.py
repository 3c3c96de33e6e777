"""Who may see which interviews and scorecards.

- Interviewers (the role) see only the interviews they are on; everyone else
  sees the interviews of the applications they may see.
- An interviewer of an application sees colleagues' scorecards for it only
  once they have submitted their own, so every judgement is independent.
  Staff who interview nobody on it (the recruiter, the hiring manager who
  was not in the room) see the submitted ones."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from rekryt.accounts.models import Role, User
from rekryt.applications.models import Application
from rekryt.interviews.models import Interview, Scorecard, Status


def visible_interviews(user: User) -> QuerySet[Interview]:
    applications = Application.objects.visible_to(user)
    found = Interview.objects.filter(application__in=applications.values("pk"))
    if user.role == Role.INTERVIEWER:
        found = found.filter(interviewers=user)
    return found


def interview_for(user: User, pk: int) -> Interview:
    """Scoped getter: outsiders get 404."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        visible_interviews(user).select_related(
            "application__candidate", "application__job", "step__location", "application__stage"
        ),
        pk=pk,
    )


def waiting_for(user: User, application_ids: list[int]) -> set[int]:
    """The applications among these on which `user` interviews and has not
    submitted a scorecard yet (one query)."""
    assigned = set(
        Interview.objects.filter(
            application_id__in=application_ids, interviewers=user, status=Status.BOOKED
        ).values_list("pk", "application_id")
    )
    if not assigned:
        return set()
    submitted = set(
        Scorecard.objects.filter(
            interviewer=user,
            interview_id__in=[pk for pk, _app in assigned],
            submitted_at__isnull=False,
        ).values_list("interview_id", flat=True)
    )
    return {app for pk, app in assigned if pk not in submitted}


def shown_scorecards(user: User, scorecards: list[Scorecard], waiting: set[int]) -> list[Any]:
    """The user's own (submitted or not) and colleagues' submitted ones,
    unless the user still owes one for that application."""
    shown = []
    for card in scorecards:
        own = card.interviewer_id == user.pk
        app = card.interview.application_id
        if own or (card.is_submitted and app not in waiting):
            shown.append(card)
    return shown
