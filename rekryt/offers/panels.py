"""What offers add to other apps' pages: a panel on the application page for
those who may decide on it (applications.extensions), and the candidate's
offers on the portal's home (portal.extensions)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from rekryt.accounts.models import User
from rekryt.applications.models import Application, may_decide
from rekryt.candidates.models import Candidate
from rekryt.offers.models import SHOWN, Offer


def application_panel(request: HttpRequest, application: Application) -> Any:
    user: User = request.user  # type: ignore[assignment]
    if not may_decide(user):
        # Offers hold salaries; interviewers never see them.
        return None
    offers = list(Offer.objects.filter(application=application).order_by("-version")[:20])
    if not offers and not application.is_active:
        return None
    context = {
        "application": application,
        "offers": offers,
        "may_offer": application.is_active and not any(o.is_open for o in offers),
    }
    return "offers/application_panel.html", context


def portal_panel(request: HttpRequest, candidate: Candidate) -> Any:
    """The newest version of each application's offer the candidate has (a
    superseded one while its successor is still being written)."""
    found = (
        Offer.objects.filter(application__candidate=candidate, status__in=SHOWN)
        .select_related("application__job")
        .order_by("application_id", "-version")
    )
    newest: dict[int, Offer] = {}
    for offer in found:
        newest.setdefault(offer.application_id, offer)
    if not newest:
        return None
    return "offers/portal_panel.html", {"offers": list(newest.values())}
