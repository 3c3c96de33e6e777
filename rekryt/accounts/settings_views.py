"""Admin-only settings pages owned by accounts: the settings index and the
organisation profile. The stage and rejection-reason editors live with
their models (jobs, applications) and are linked from the index."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from rekryt.accounts.forms import OrganisationForm
from rekryt.accounts.models import Organisation
from rekryt.accounts.roles import admin_required
from rekryt.lib.uploads import oversized_fields


@admin_required
def settings_home(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/settings_home.html")


@admin_required
def settings_organisation(request: HttpRequest) -> HttpResponse:
    organisation = Organisation.objects.get_or_create(pk=1)[0]
    posted = request.method == "POST"
    form = OrganisationForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        instance=organisation,
        oversized=oversized_fields(request),
    )
    if posted and form.is_valid():
        form.save()
        messages.success(request, _("Organisation settings saved."))
        return redirect("settings_organisation")
    return render(request, "accounts/settings_organisation.html", {"form": form})
