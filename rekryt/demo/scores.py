"""How demo candidates score a survey: from what they went through.

Shared by the seeded history (`rekryt.demo.surveys`) and the simulated
season (`rekryt.demo.season`)."""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from rekryt.applications.models import Application
from rekryt.messaging.models import Message, MessageStatus, TemplateKind
from rekryt.promises.waiting import NOT_PERSONAL
from rekryt.surveys.models import Step, Survey

# Answered with an independent-looking sender and anonymity (FACTS.md).
RESPONSE_RATE = 0.37
REJECTION_KINDS = [
    TemplateKind.REJECTION,
    TemplateKind.REJECTION_AFTER_INTERVIEW,
    TemplateKind.POSITION_FILLED,
]


def score_for(rng: random.Random, survey: Survey, application_pk: int) -> int:
    """A score drawn from what the candidate went through: an interview and a
    quick reply make promoters; a long wait and a rejection detractors (a
    rejection with a message lands near −20 CNPS, silence near −45)."""
    application = Application.objects.get(pk=application_pk)
    sent = Message.objects.filter(
        application_id=application_pk, status=MessageStatus.SENT, sent_at__isnull=False
    ).exclude(kind__in=NOT_PERSONAL)
    first = sent.order_by("sent_at").values_list("sent_at", flat=True).first()
    waited = ((first or timezone.now()) - application.created_at) / timedelta(days=1)
    spread = 1.8
    if survey.step in (Step.INTERVIEW, Step.HIRED):
        mean, spread = (9.3 if survey.step == Step.INTERVIEW else 9.6), 1.2
    elif survey.step == Step.REJECTED:
        told = sent.filter(kind__in=REJECTION_KINDS).exists()
        # A "no" that came at all is what matters most once it is over.
        return draw(rng, 7.0 if told else 6.3, spread, waited, weight=0.04)
    else:
        mean = 8.0
    return draw(rng, mean, spread, waited, weight=0.12)


def draw(rng: random.Random, mean: float, spread: float, waited: float, weight: float) -> int:
    """A quick reply lifts the score; every day past five without one lowers it."""
    mean += 0.4 if waited < 3 else -min(max(waited - 5, 0) * weight, 3.0)
    return max(0, min(10, round(rng.gauss(mean, spread))))
