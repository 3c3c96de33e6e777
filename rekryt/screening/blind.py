"""Blind review: which applications staff see under a pseudonym, and how.

An application of a job with "blind until stage X" is blind while its stage
comes before X in the pipeline and no admin has revealed it early. Blind
means: a stable pseudonym instead of the name; no contact details, link,
photo or candidate page; its texts and documents' extracted text with the
person masked (rekryt.screening.masking); the original files withheld.
Registered with rekryt.applications.hooks, so the pages of applications and
candidates ask here without importing this app."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext

from rekryt.applications.models import Application
from rekryt.screening.masking import mask_text
from rekryt.screening.models import BlindReview

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


def pseudonym_code(application_id: int) -> str:
    digest = salted_hmac("rekryt.screening.pseudonym", str(application_id)).digest()
    return "".join(ALPHABET[b % len(ALPHABET)] for b in digest[:4])


@dataclass
class Blind:
    """How one blind application is shown."""

    application: Any
    template = "screening/blind_notice.html"

    @property
    def code(self) -> str:
        return pseudonym_code(self.application.pk)

    @property
    def name(self) -> str:
        return gettext("Applicant %(code)s") % {"code": self.code}

    def names(self) -> list[str]:
        a = self.application
        own = a.candidate if "candidate" in a._state.fields_cache else None
        people = [a, own] if own is not None else [a]
        return [
            value
            for person in people
            for value in (person.first_name, person.last_name, person.email, person.phone)
        ]

    def mask(self, text: str) -> str:
        return mask_text(text, self.names())

    def document_url(self, document: Any) -> str:
        return reverse("blind_document", args=[document.pk])

    @property
    def reveal_url(self) -> str:
        return reverse("blind_reveal", args=[self.application.pk])


def blind_ids() -> QuerySet[Any, Any] | None:
    """Applications under blind review now, as a subquery of ids (None when
    no job uses blind review, so pages that never need it pay nothing)."""
    if not BlindReview.objects.exists():
        return None
    return (
        Application.objects.filter(
            job__blind_review__isnull=False,
            stage__order__lt=F("job__blind_review__until_stage__order"),
        )
        .exclude(blind_reveals__isnull=False)
        .values("pk")
    )


def blind_for(applications: Iterable[Any]) -> dict[int, Any]:
    """The blind ones among `applications`, one query."""
    loaded = {a.pk: a for a in applications}
    if not loaded:
        return {}
    found = (
        Application.objects.filter(pk__in=list(loaded), job__blind_review__isnull=False)
        .filter(stage__order__lt=F("job__blind_review__until_stage__order"))
        .exclude(blind_reveals__isnull=False)
        .values_list("pk", flat=True)
    )
    return {pk: Blind(loaded[pk]) for pk in found}


def is_blind(application: Any) -> bool:
    return application.pk in blind_for([application])


def message_masks(messages: list[Any]) -> dict[int, Any]:
    """For the pages that show emails (rekryt.messaging.hooks): the mask of
    the application each email is about, while it is blind. Two queries."""
    ids = {m.application_id for m in messages if m.application_id is not None}
    if not ids:
        return {}
    applications = Application.objects.select_related("candidate").filter(pk__in=ids)
    blind = blind_for(applications)
    return {m.pk: blind[m.application_id].mask for m in messages if m.application_id in blind}
