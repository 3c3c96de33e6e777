"""The candidate's offer in the portal: read it (the page and the PDF),
accept by typing their full name, or decline with an optional reason.
Plain forms: no JavaScript needed.

The accept form carries the SHA-256 of the PDF the page offered; the action
refuses it if that is not the offer's stored document (a newer version
came meanwhile), so a signature always names the exact bytes shown."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from rekryt.candidates.models import Candidate
from rekryt.candidates.portal_session import candidate_required
from rekryt.lib.ratelimit import client_address
from rekryt.offers import actions
from rekryt.offers.forms import AcceptForm, DeclineForm
from rekryt.offers.models import SHOWN, Offer, Status
from rekryt.offers.views import pdf_response

REFUSALS = {
    "superseded": gettext_lazy(
        "We have updated this offer since you opened it, so this version can no longer be "
        "accepted. Nothing has been signed. Please read the new version."
    ),
    "changed": gettext_lazy(
        "The offer document has changed since you opened the page. Nothing has been signed: "
        "please read it again."
    ),
    "expired": gettext_lazy(
        "The date to answer this offer has passed. Please contact us if you still want it."
    ),
    "name": gettext_lazy(
        "Please type your full name as it is on your application, for example %(name)s."
    ),
    "closed": gettext_lazy("This application is no longer open, so the offer cannot be answered."),
}


def refusal_text(code: str, offer: Offer) -> str:
    if code not in REFUSALS:
        return _("This offer has already been answered or withdrawn.")
    return str(REFUSALS[code]) % {"name": offer.application.full_name}


def candidate_offer(candidate: Candidate, pk: int) -> Offer:
    shown = Offer.objects.filter(application__candidate=candidate, status__in=SHOWN)
    return get_object_or_404(shown.select_related("application__job"), pk=pk)


def newest(offer: Offer) -> Offer | None:
    """The version sent after this one, if there is one to read."""
    return (
        Offer.objects.filter(
            application=offer.application, version__gt=offer.version, status__in=SHOWN
        )
        .order_by("-version")
        .first()
    )


def _page(
    request: HttpRequest, offer: Offer, form: AcceptForm | None = None, status: int = 200
) -> HttpResponse:
    context = {
        "offer": offer,
        "application": offer.application,
        "job": offer.application.job,
        "form": form or AcceptForm(initial={"sha256": offer.pdf_sha256}),
        "newer": newest(offer) if offer.status == Status.SUPERSEDED else None,
        "answerable": offer.can_be_answered(),
    }
    return render(request, "offers/portal_offer.html", context, status=status)


@never_cache
@candidate_required
@require_http_methods(["GET", "HEAD", "POST"])
def offer_page(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    offer = candidate_offer(candidate, pk)
    if request.method != "POST":
        actions.mark_viewed(offer)
        return _page(request, offer)
    form = AcceptForm(request.POST, initial={"sha256": offer.pdf_sha256})
    if not form.is_valid():
        return _page(request, offer, form, status=400)
    signature = actions.Signature(
        typed_name=form.cleaned_data["full_name"],
        shown_sha256=form.cleaned_data["sha256"],
        ip=client_address(request),
        user_agent=request.headers.get("User-Agent", ""),
    )
    try:
        actions.accept_offer(offer, signature)
    except actions.OfferRefused as refused:
        code = str(refused)
        offer.refresh_from_db()
        if code == "name":
            form.add_error("full_name", refusal_text(code, offer))
            return _page(request, offer, form, status=400)
        messages.error(request, refusal_text(code, offer))
        return redirect("portal_offer", offer.pk)
    messages.success(request, _("Thank you! You have accepted the offer. Welcome aboard."))
    return redirect("portal_offer", offer.pk)


@never_cache
@candidate_required
@require_http_methods(["GET", "HEAD", "POST"])
def decline(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    offer = candidate_offer(candidate, pk)
    if not offer.can_be_answered():
        return redirect("portal_offer", offer.pk)
    form = DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.decline_offer(offer, form.cleaned_data["reason"])
        except actions.OfferRefused as refused:
            messages.error(request, refusal_text(str(refused), offer))
            return redirect("portal_offer", offer.pk)
        messages.success(request, _("Thank you for letting us know. You have declined the offer."))
        return redirect("portal_offer", offer.pk)
    status = 400 if form.is_bound else 200
    context = {"offer": offer, "job": offer.application.job, "form": form}
    return render(request, "offers/portal_decline.html", context, status=status)


@never_cache
@candidate_required
def offer_pdf(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    offer = candidate_offer(candidate, pk)
    actions.mark_viewed(offer)
    return pdf_response(offer, signed=False)


@never_cache
@candidate_required
def signed_pdf(request: HttpRequest, candidate: Candidate, pk: int) -> HttpResponse:
    offer = candidate_offer(candidate, pk)
    if offer.status != Status.ACCEPTED:
        raise Http404
    return pdf_response(offer, signed=True)
