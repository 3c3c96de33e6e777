"""The new hire's preboarding pages in the candidate portal: one page with
the welcome, the people, the first week and the practical details, and
the paperwork as plain forms (no JavaScript needed). Each form posts alone,
so a mistake in one loses nothing typed in another; a rejected form is
shown again with what was typed and a clear message.

Onboardings are fetched through the signed-in candidate: another person's
id gives 404, and so does one not opened to the new hire yet."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from rekryt.candidates.models import Candidate
from rekryt.candidates.portal_session import candidate_required
from rekryt.lib.uploads import oversized_fields
from rekryt.onboarding import actions
from rekryt.onboarding.forms import DetailsForm, PayForm, UploadForm
from rekryt.onboarding.models import Material, Onboarding, Status
from rekryt.onboarding.panels import shown_to_new_hire
from rekryt.onboarding.sealing import open_sealed


def own_onboarding(candidate: Candidate, pk: int) -> Onboarding:
    found = (
        shown_to_new_hire(candidate)
        .select_related("application__job", "met_by", "buddy")
        .prefetch_related("people")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


def _details_initial(onboarding: Onboarding) -> dict[str, str]:
    fields = ("preferred_name", "emergency_contact", "dietary", "needs", "computer")
    return {name: getattr(onboarding, name) for name in fields}


def _page(
    request: HttpRequest, onboarding: Onboarding, status: int = 200, **forms: Any
) -> HttpResponse:
    language = get_language() or "sv"
    confirmed = set(onboarding.confirmations.values_list("material_id", flat=True))
    materials = [
        (m, m.text_in("title", language), m.text_in("body", language), m.pk in confirmed)
        for m in Material.objects.filter(active=True)
    ]
    bank = open_sealed(onboarding.bank_sealed)
    context = {
        "onboarding": onboarding,
        "application": onboarding.application,
        "job": onboarding.application.job,
        "welcome": onboarding.text_in("welcome", language),
        "first_week": onboarding.text_in("first_week", language),
        "practical": onboarding.text_in("practical", language),
        "people": list(onboarding.people.all()),
        "materials": materials,
        "to_confirm": sum(1 for m in materials if m[0].must_confirm and not m[3]),
        "uploads": list(onboarding.uploads.all()),
        "details_form": forms.get("details_form")
        or DetailsForm(initial=_details_initial(onboarding)),
        "upload_form": forms.get("upload_form") or UploadForm(),
        "pay_form": forms.get("pay_form") or PayForm(),
        "pay_unreadable": bank is None,
        "open": onboarding.status == Status.INVITED,
    }
    return render(request, "onboarding/portal.html", context, status=status)


@never_cache
@require_GET
@candidate_required
def page(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    return _page(request, own_onboarding(candidate, pk))


def _back(onboarding: Onboarding, anchor: str) -> HttpResponse:
    response = redirect("portal_onboarding", onboarding.pk)
    response["Location"] += f"#{anchor}"
    return response


def _open(candidate: Candidate, pk: int) -> Onboarding:
    """Paperwork is accepted while the preboarding is open."""
    onboarding = own_onboarding(candidate, pk)
    if onboarding.status != Status.INVITED:
        raise Http404
    return onboarding


@require_POST
@candidate_required
def confirm(request: HttpRequest, candidate: Candidate, pk: int, material: int) -> HttpResponse:
    onboarding = _open(candidate, pk)
    found = Material.objects.filter(pk=material, active=True, must_confirm=True).first()
    if found is None:
        raise Http404
    actions.confirm_material(onboarding, found)
    messages.success(request, _("Thank you: we have noted that you have read it."))
    return _back(onboarding, "documents")


@require_POST
@candidate_required
def details(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    onboarding = _open(candidate, pk)
    form = DetailsForm(request.POST)
    if not form.is_valid():
        return _page(request, onboarding, status=400, details_form=form)
    actions.save_details(onboarding, form.cleaned_data)
    messages.success(request, _("Your answers are saved. You can change them until you start."))
    return _back(onboarding, "about-you")


@require_POST
@candidate_required
def upload(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    onboarding = _open(candidate, pk)
    form = UploadForm(request.POST, request.FILES, oversized=oversized_fields(request))
    if not form.is_valid() or form.checked is None:
        return _page(request, onboarding, status=400, upload_form=form)
    actions.add_upload(
        onboarding, form.cleaned_data["kind"], form.cleaned_data["file"], form.checked
    )
    messages.success(request, _("Your file has been sent."))
    return _back(onboarding, "files")


@require_POST
@candidate_required
def pay(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    onboarding = _open(candidate, pk)
    form = PayForm(request.POST)
    if not form.is_valid():
        return _page(request, onboarding, status=400, pay_form=form)
    actions.save_pay_details(onboarding, form.bank_values(), form.tax_values())
    messages.success(request, _("Your details are saved, encrypted, for payroll."))
    return _back(onboarding, "pay")
