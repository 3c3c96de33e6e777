"""What onboarding adds to other apps' pages: a card on the candidate
portal's home (registered with portal.extensions) and a panel on the
application page (applications.hooks)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from rekryt.applications.models import Outcome
from rekryt.onboarding.models import Onboarding, Status


def shown_to_new_hire(candidate: Any) -> QuerySet[Onboarding]:
    """Opened to the new hire, and kept for them after the start."""
    return Onboarding.objects.filter(
        application__candidate=candidate, status__in=[Status.INVITED, Status.DONE]
    )


def portal_panel(request: HttpRequest, candidate: Any) -> Any:
    found = list(shown_to_new_hire(candidate).select_related("application__job").order_by("-pk"))
    if not found:
        return None
    return "onboarding/portal_panel.html", {"onboardings": found}


def application_panel(request: HttpRequest, application: Any) -> Any:
    """Only hires have an onboarding: other applications cost no query."""
    if application.outcome != Outcome.HIRED:
        return None
    user = request.user
    onboarding = Onboarding.objects.visible_to(user).filter(application=application).first()
    if onboarding is None:
        return None
    open_tasks = onboarding.tasks.filter(done_at=None).count()
    return "onboarding/application_panel.html", {"onboarding": onboarding, "open_tasks": open_tasks}
