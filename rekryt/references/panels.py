"""What references adds to other apps' pages: a panel on the application
page (applications.extensions) for those who may decide on it, and one on
the portal's home (portal.extensions) where a stage asks for referees."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpRequest

from rekryt.accounts.models import User
from rekryt.applications.models import Application, Outcome, may_decide
from rekryt.candidates.models import Candidate
from rekryt.references import actions
from rekryt.references.concerns import concerns_for
from rekryt.references.forms import RefereeForm
from rekryt.references.models import Item, Referee, ReferenceRequest, StageRule, Status


def referees_of(application: Application) -> list[Referee]:
    requests = ReferenceRequest.objects.order_by("-requested_at", "-pk").prefetch_related(
        Prefetch("items", queryset=Item.objects.order_by("order", "pk"))
    )
    return list(
        Referee.objects.filter(application=application).prefetch_related(
            Prefetch("requests", queryset=requests)
        )
    )


def candidate_addresses(application: Application) -> set[str]:
    return {application.email.lower(), application.candidate.email.lower()} - {""}


def progress(application: Application) -> dict[str, Any]:
    referees = referees_of(application)
    answered = 0
    for referee in referees:
        latest = list(referee.requests.all())
        referee.latest = latest[0] if latest else None  # type: ignore[attr-defined]
        answered += bool(latest) and latest[0].status == Status.ANSWERED
    concerns = concerns_for(referees, candidate_addresses(application))
    for referee in referees:
        referee.concerns = [c.text for c in concerns if c.referee_id == referee.pk]  # type: ignore[attr-defined]
    rule = actions.rule_for(application)
    return {
        "referees": referees,
        "concerns": concerns,
        "rule": rule,
        "answered": answered,
        "needed": rule.referees_required if rule else 0,
    }


def uses_references(application: Application) -> bool:
    """One query: the application has referees, or its job asks for them in
    some stage (then the recruiter may add referees before that stage)."""
    return (
        Application.objects.filter(pk=application.pk)
        .filter(
            Exists(Referee.objects.filter(application_id=OuterRef("pk")))
            | Exists(
                StageRule.objects.filter(stage__job_id=OuterRef("job_id"), referees_required__gt=0)
            )
        )
        .exists()
    )


def application_panel(request: HttpRequest, application: Application) -> Any:
    user: User = request.user  # type: ignore[assignment]
    if not may_decide(user) or not uses_references(application):
        return None
    shown = progress(application)
    context = {
        **shown,
        "application": application,
        "deciding": application.is_active,
        "to_request": len(actions.to_request(application)),
        "undoable": len(actions.undoable(application)),
        "form": RefereeForm(staff=True, initial={"language": application.language}),
    }
    return "references/application_panel.html", context


def portal_panel(request: HttpRequest, candidate: Candidate) -> Any:
    """Active applications in a stage that asks for referees, or that have some."""
    asked = set(
        StageRule.objects.filter(referees_required__gt=0).values_list("stage_id", flat=True)
    )
    applications = [
        a
        for a in Application.objects.filter(candidate=candidate, outcome=Outcome.ACTIVE)
        .select_related("job")
        .prefetch_related("referees")
        .order_by("pk")
        if a.stage_id in asked or a.referees.all()
    ]
    if not applications:
        return None
    return "references/portal_panel.html", {"applications": applications}
