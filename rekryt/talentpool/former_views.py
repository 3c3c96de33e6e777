"""Marking a hire as having left (admins, from the application page), and
undoing it; the panel on a hired application's page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekryt.accounts.roles import admin_required
from rekryt.applications.models import Application, Outcome
from rekryt.talentpool import former
from rekryt.talentpool.forms import LeftForm
from rekryt.talentpool.models import Departure


def _application(request: HttpRequest, pk: int) -> Application:
    visible = Application.objects.visible_to(request.user)  # type: ignore[arg-type]
    return get_object_or_404(visible.select_related("candidate", "job"), pk=pk)


@admin_required
@require_POST
def mark_left(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    form = LeftForm(request.POST)
    if application.outcome != Outcome.HIRED:
        messages.error(request, _("Only a hire can be marked as having left."))
    elif not form.is_valid():
        for error in form.errors.get("left_on", []):
            messages.error(request, str(error))
    elif former.mark_left(application, form.cleaned_data["left_on"], request.user) is None:  # type: ignore[arg-type]
        messages.error(request, _("They are already marked as having left."))
    else:
        messages.success(request, _("Marked as having left."))
    return redirect("application_detail", application.pk)


@admin_required
@require_POST
def undo_left(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    departure = get_object_or_404(Departure, application=application)
    former.undo_left(departure)
    messages.success(request, _("No longer marked as having left."))
    return redirect("application_detail", application.pk)


def application_panel(request: HttpRequest, application: Any) -> Any:
    """Hires only, for admins: other pages cost no query."""
    if application.outcome != Outcome.HIRED or not request.user.is_admin:  # type: ignore[union-attr]
        return None
    departure = (
        Departure.objects.filter(application=application).select_related("member__pool").first()
    )
    asked = None
    if departure is not None and departure.member is None:
        asked = former.ask_for(departure)
    context = {"departure": departure, "asked": asked, "form": LeftForm()}
    return "talentpool/former_panel.html", context
