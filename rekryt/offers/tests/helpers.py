"""Offers ready to use in tests: a template, a draft, one sent."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from rekryt.offers import actions
from rekryt.offers.models import Offer, OfferTemplate


def template(**fields: Any) -> OfferTemplate:
    data: dict[str, Any] = {
        "name": "Tjänsteman",
        "title_sv": "Lagerchef",
        "title_en": "Warehouse manager",
        "intro_sv": "Vi är glada att kunna erbjuda dig tjänsten.",
        "intro_en": "We are happy to offer you the position.",
        "terms_sv": "Tillsvidareanställning med sex månaders provanställning. Heltid.",
        "terms_en": "Permanent employment with six months' probation. Full time.",
        "benefits_sv": "Friskvårdsbidrag 5 000 kr per år, tjänstepension (ITP 1).",
        "benefits_en": "Wellness allowance SEK 5,000 a year, occupational pension (ITP 1).",
        "collective_agreement": "Unionen–Almega Tjänsteföretagen",
        "needs_approval": False,
    }
    data.update(fields)
    return OfferTemplate.objects.create(**data)


def draft(application: Any, actor: Any, **fields: Any) -> Offer:
    today = timezone.localdate()
    data: dict[str, Any] = {
        "title": "Lagerchef",
        "salary": 42000,
        "start_date": today + timedelta(days=60),
        "terms": "Tillsvidareanställning. Heltid, 40 timmar i veckan.",
        "benefits": "Friskvårdsbidrag och tjänstepension.",
        "collective_agreement": "Unionen–Almega",
        "expires_on": today + timedelta(days=7),
        "needs_approval": False,
    }
    data.update(fields)
    return actions.draft_offer(application, actor, data)


def sent(application: Any, actor: Any, **fields: Any) -> Offer:
    offer = draft(application, actor, **fields)
    assert actions.send_offer(offer, actor)
    offer.refresh_from_db()
    return offer


def signature(offer: Offer, name: str | None = None, sha: str | None = None) -> Any:
    return actions.Signature(
        typed_name=name if name is not None else offer.application.full_name,
        shown_sha256=sha if sha is not None else offer.pdf_sha256,
        ip="198.51.100.7",
        user_agent="Mozilla/5.0 (test)",
    )
