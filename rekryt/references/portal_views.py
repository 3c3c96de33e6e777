"""The candidate's references page in the portal: who they have named for
an application, a form to name more (each confirmed as agreeing to be
contacted), and taking back one nobody has asked yet."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from rekryt.applications.models import Application, Outcome
from rekryt.candidates.models import Candidate
from rekryt.candidates.portal_session import candidate_required
from rekryt.references import actions
from rekryt.references.forms import RefereeForm
from rekryt.references.models import Referee


def _application(candidate: Candidate, pk: int) -> Application:
    found = (
        Application.objects.filter(candidate=candidate, outcome=Outcome.ACTIVE, pk=pk)
        .select_related("job", "stage")
        .first()
    )
    if found is None:
        raise Http404
    return found


def _page(
    request: HttpRequest, application: Application, form: RefereeForm, status: int = 200
) -> HttpResponse:
    rule = actions.rule_for(application)
    referees = list(application.referees.prefetch_related("requests"))
    for referee in referees:
        referee.asked = bool(referee.requests.all())  # type: ignore[attr-defined]
    context = {
        "application": application,
        "job": application.job,
        "referees": referees,
        "needed": rule.referees_required if rule else 0,
        "form": form,
    }
    return render(request, "references/portal_page.html", context, status=status)


@never_cache
@candidate_required
def page(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    application = _application(candidate, pk)
    if request.method == "POST":
        form = RefereeForm(request.POST)
        if not form.is_valid():
            return _page(request, application, form, status=400)
        if form.cleaned_data["email"].strip().lower() in {
            candidate.email.lower(),
            application.email.lower(),
        }:
            form.add_error("email", _("Please give the referee's own address, not yours."))
            return _page(request, application, form, status=400)
        if actions.add_referee(application, form.details(), None) is None:
            form.add_error("email", _("You have already named a referee with that address."))
            return _page(request, application, form, status=400)
        messages.success(request, _("Thank you. The referee has been added."))
        return redirect("portal_references", pk=application.pk)
    return _page(request, application, RefereeForm(initial={"language": application.language}))


@candidate_required
@require_POST
def remove(request: HttpRequest, candidate: Candidate, pk: int, referee_pk: int) -> HttpResponse:
    application = _application(candidate, pk)
    referee = Referee.objects.filter(application=application, pk=referee_pk).first()
    if referee is None:
        raise Http404
    if actions.remove_referee(referee):
        messages.success(request, _("The referee has been removed."))
    else:
        messages.error(request, _("We have already contacted this referee."))
    return redirect("portal_references", pk=application.pk)
