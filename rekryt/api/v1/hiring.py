"""Interviews, scorecards and offers, scoped as their pages are: an
interviewer sees only the interviews they are on, and colleagues'
scorecards for an application only once their own is in
(rekryt.interviews.secrecy); offers to those who decide."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router

from rekryt.accounts.models import User
from rekryt.api.v1.auth import need
from rekryt.api.v1.params import BY_ID, BY_UPDATE, ListParams, as_page, paged
from rekryt.api.v1.schemas import InterviewOut, OfferOut, ScorecardOut, listing, one
from rekryt.interviews.models import Interview, Scorecard, Status
from rekryt.interviews.secrecy import visible_interviews
from rekryt.offers.views import offers_for

router = Router()


def interview_out(interview: Interview) -> dict[str, Any]:
    return {
        "id": interview.pk,
        "application_id": interview.application_id,
        "status": interview.status,
        "starts_at": interview.starts_at,
        "ends_at": interview.ends_at,
        "interviewer_ids": [u.pk for u in interview.interviewers.all()],
        "created_at": interview.created_at,
    }


@router.get("/interviews", response=listing(InterviewOut), tags=["interviews"])
def list_interviews(
    request: HttpRequest, params: Query[ListParams], application: int | None = None
) -> dict[str, Any]:
    interviews = visible_interviews(need(request, "interviews")).prefetch_related("interviewers")
    if application is not None:
        interviews = interviews.filter(application_id=application)
    found, cursor = paged(interviews, BY_ID, params)
    return as_page([interview_out(i) for i in found], cursor)


@router.get("/interviews/{interview_id}", response=one(InterviewOut), tags=["interviews"])
def get_interview(request: HttpRequest, interview_id: int) -> dict[str, Any]:
    interviews = visible_interviews(need(request, "interviews")).prefetch_related("interviewers")
    return interview_out(get_object_or_404(interviews, pk=interview_id))


def visible_scorecards(user: User) -> QuerySet[Scorecard]:
    """The user's own, and colleagues' submitted ones on applications where
    the user owes no scorecard (the rule of secrecy.shown_scorecards, in SQL
    so that pages stay full)."""
    own_in = Scorecard.objects.filter(
        interview=OuterRef("pk"), interviewer=user, submitted_at__isnull=False
    )
    owed = (
        Interview.objects.filter(interviewers=user, status=Status.BOOKED)
        .exclude(Exists(own_in))
        .values("application_id")
    )
    cards = Scorecard.objects.filter(interview__in=visible_interviews(user).values("pk"))
    return cards.filter(
        Q(interviewer=user) | Q(submitted_at__isnull=False) & ~Q(interview__application_id__in=owed)
    ).select_related("interview")


@router.get("/scorecards", response=listing(ScorecardOut), tags=["interviews"])
def list_scorecards(
    request: HttpRequest, params: Query[ListParams], interview: int | None = None
) -> dict[str, Any]:
    cards = visible_scorecards(need(request, "scorecards"))
    if interview is not None:
        cards = cards.filter(interview_id=interview)
    return as_page(*paged(cards, BY_UPDATE, params))


@router.get("/scorecards/{scorecard_id}", response=one(ScorecardOut), tags=["interviews"])
def get_scorecard(request: HttpRequest, scorecard_id: int) -> Scorecard:
    return get_object_or_404(visible_scorecards(need(request, "scorecards")), pk=scorecard_id)


@router.get("/offers", response=listing(OfferOut), tags=["offers"])
def list_offers(
    request: HttpRequest, params: Query[ListParams], application: int | None = None
) -> dict[str, Any]:
    offers = offers_for(need(request, "offers"))
    if application is not None:
        offers = offers.filter(application_id=application)
    return as_page(*paged(offers, BY_ID, params))


@router.get("/offers/{offer_id}", response=one(OfferOut), tags=["offers"])
def get_offer(request: HttpRequest, offer_id: int) -> Any:
    return get_object_or_404(offers_for(need(request, "offers")), pk=offer_id)
