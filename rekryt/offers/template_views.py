"""Offer templates (settings, for admins and recruiters): the texts an
offer starts from, in Swedish and English."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from rekryt.accounts.roles import recruiter_required
from rekryt.offers.forms import OfferTemplateForm
from rekryt.offers.models import OfferTemplate


@recruiter_required
def template_list(request: HttpRequest) -> HttpResponse:
    templates = OfferTemplate.objects.order_by("-active", "name", "pk")
    return render(request, "offers/templates.html", {"templates": templates})


@recruiter_required
def template_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    template = get_object_or_404(OfferTemplate, pk=pk) if pk is not None else None
    form = OfferTemplateForm(request.POST or None, instance=template)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Offer template saved."))
        return redirect("offer_templates")
    status = 400 if form.is_bound else 200
    context = {"form": form, "template": template}
    return render(request, "offers/template_form.html", context, status=status)
