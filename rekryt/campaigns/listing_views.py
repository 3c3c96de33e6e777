"""A job's Platsbanken page: openings and contact, the taxonomy ids chosen in
the job form, the JSON export, sending and withdrawing."""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rekryt.accounts.roles import recruiter_required
from rekryt.campaigns import actions, platsbanken
from rekryt.campaigns.forms import ListingForm
from rekryt.campaigns.models import PlatsbankenListing
from rekryt.jobs import taxonomy
from rekryt.jobs.models import visible_job_or_404


@recruiter_required
@require_http_methods(["GET", "POST"])
def job_platsbanken(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    listing = PlatsbankenListing.objects.filter(job=job).first()
    form = ListingForm(request.POST or None, instance=listing)
    if request.method == "POST" and form.is_valid():
        actions.save_listing(job, request.user, **form.cleaned_data)  # type: ignore[arg-type]
        messages.success(request, _("Platsbanken details saved."))
        return redirect("job_platsbanken", job.pk)
    preview = (
        json.dumps(platsbanken.payload(job, listing), indent=2, ensure_ascii=False)
        if listing
        else ""
    )
    context = {
        "job": job,
        "form": form,
        "listing": listing,
        "preview": preview,
        "problems": platsbanken.problems(job),
        "enabled": platsbanken.enabled(),
        "taxonomy": [
            (kind, taxonomy.label(kind, getattr(job, f"jobtech_{kind}"))) for kind in taxonomy.KINDS
        ],
    }
    return render(request, "campaigns/platsbanken.html", context)


@recruiter_required
@require_GET
def job_platsbanken_json(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    listing = PlatsbankenListing.objects.filter(job=job).first()
    if listing is None:
        return redirect("job_platsbanken", job.pk)
    response = JsonResponse(platsbanken.payload(job, listing), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'attachment; filename="platsbanken-{job.pk}.json"'
    return response


@recruiter_required
@require_POST
def job_platsbanken_send(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    listing = PlatsbankenListing.objects.filter(job=job).first()
    if listing is None:
        messages.error(request, _("Save the Platsbanken details first."))
    elif platsbanken.problems(job):
        messages.error(request, _("Fix what Platsbanken would refuse first."))
    elif actions.queue_listing(listing, request.user):  # type: ignore[arg-type]
        messages.success(request, _("The ad will be sent to Platsbanken within a minute."))
    else:
        messages.error(
            request, _("Sending to Platsbanken is switched off, or the job is not open.")
        )
    return redirect("job_platsbanken", job.pk)


@recruiter_required
@require_POST
def job_platsbanken_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    listing = PlatsbankenListing.objects.filter(job=job).first()
    if listing is not None and actions.withdraw_listing(listing, request.user):  # type: ignore[arg-type]
        messages.success(request, _("The ad will be withdrawn from Platsbanken within a minute."))
    else:
        messages.error(request, _("The ad is not on Platsbanken."))
    return redirect("job_platsbanken", job.pk)
