"""An application with a scorecard, named referees and requests sent."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from rekryt.interviews.tests.helpers import scorecard
from rekryt.messaging.models import Message
from rekryt.references import actions
from rekryt.references.actions import RefereeDetails
from rekryt.references.models import Referee, ReferenceRequest


def referee(application: Any, n: int = 1, actor: Any = None, **fields: Any) -> Referee:
    details = RefereeDetails(
        name=fields.pop("name", f"Referent {n}"),
        relation=fields.pop("relation", "manager"),
        email=fields.pop("email", f"referent{n}@bolag{n}.se"),
        organisation=fields.pop("organisation", f"Bolag {n} AB"),
        language=fields.pop("language", "sv"),
    )
    made = actions.add_referee(application, details, actor)
    assert made is not None
    return made


def requested(application: Any, rita: Any, count: int = 2) -> list[tuple[ReferenceRequest, str]]:
    """`count` referees asked; each with the raw link from its email."""
    if not application.job.categories.exists():
        scorecard(application.job)
    for n in range(1, count + 1):
        referee(application, n)
    made = actions.request_references(application, rita)
    return [(r, raw_token(r)) for r in made]


def raw_token(request: ReferenceRequest) -> str:
    message = Message.objects.get(idempotency_key=f"ref:{request.pk}:request")
    marker = "/reference/"
    start = message.body_text.index(marker) + len(marker)
    return message.body_text[start : message.body_text.index("/", start)]


def answer_url(token: str) -> str:
    return reverse("reference_answer", args=[token])


def full_answers(request: ReferenceRequest, text: str = "") -> dict[str, str]:
    data = {}
    for item in request.items.all():
        if item.kind == "likert":
            data[f"item_{item.pk}"] = "4"
        else:
            data[f"item_{item.pk}"] = text or f"Ett genomtänkt svar nummer {item.pk}."
    return data
