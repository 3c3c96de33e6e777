"""The compiled report: each scorecard attribute with the interviewers'
ratings (1-4, the scorecards the viewer may see) beside each referee's
rating (1-5), and each free-text question with every referee's answer side
by side. A fixed number of queries whatever the number of referees."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.utils.translation import get_language

from rekryt.accounts.models import User
from rekryt.applications.models import Application
from rekryt.interviews.models import Attribute, Scorecard
from rekryt.interviews.secrecy import shown_scorecards, waiting_for
from rekryt.references.models import Item, Kind, ReferenceRequest, Status


def answered_requests(application: Application) -> list[ReferenceRequest]:
    return list(
        ReferenceRequest.objects.filter(referee__application=application, status=Status.ANSWERED)
        .select_related("referee")
        .prefetch_related(Prefetch("items", queryset=Item.objects.order_by("order", "pk")))
        .order_by("answered_at", "pk")
    )


def interview_ratings(user: User, application: Application) -> dict[int, list[int]]:
    cards = list(
        Scorecard.objects.filter(interview__application=application)
        .select_related("interview")
        .prefetch_related("ratings")
    )
    shown = shown_scorecards(user, cards, waiting_for(user, [application.pk]))
    found: dict[int, list[int]] = {}
    for card in shown:
        if card.is_submitted:
            for rating in card.ratings.all():
                found.setdefault(rating.attribute_id, []).append(rating.rating)
    return found


def compile_report(user: User, application: Application) -> dict[str, Any]:
    requests = answered_requests(application)
    ratings = interview_ratings(user, application)
    attributes = list(
        Attribute.objects.filter(category__job_id=application.job_id).select_related("category")
    )
    rows = []
    for attribute in attributes:
        by_referee = []
        for request in requests:
            rated = [i.rating for i in request.items.all() if i.attribute_id == attribute.pk]
            by_referee.append(rated[0] if rated else None)
        given = ratings.get(attribute.pk, [])
        rows.append(
            {
                "attribute": attribute,
                "interviews": round(sum(given) / len(given), 1) if given else None,
                "interview_count": len(given),
                "referees": by_referee,
            }
        )
    questions: dict[str, dict[str, Any]] = {}
    for n, request in enumerate(requests):
        for item in request.items.all():
            if item.attribute_id is not None:
                continue
            row = questions.setdefault(
                item.text_en,
                {"text": item.text_in(get_language() or "sv"), "answers": [None] * len(requests)},
            )
            value = item.text if item.kind == Kind.TEXT else item.rating
            row["answers"][n] = {"name": request.referee.name, "value": value}
    for row in questions.values():
        row["answers"] = [
            a or {"name": r.referee.name, "value": None}
            for a, r in zip(row["answers"], requests, strict=True)
        ]
    return {"answered_requests": requests, "rows": rows, "questions": list(questions.values())}
