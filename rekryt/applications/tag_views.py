"""Tagging the candidate from their application page (deciding roles only)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekryt.accounts.roles import staff_required
from rekryt.applications.forms import TagForm
from rekryt.applications.views import decidable_application, render_detail
from rekryt.candidates.models import Tag
from rekryt.candidates.tags import add_tag, remove_tag


def _back(pk: int) -> HttpResponse:
    return redirect(reverse("application_detail", args=[pk]) + "#tags")


@staff_required
@require_POST
def tag_add(request: HttpRequest, pk: int) -> HttpResponse:
    application = decidable_application(request, pk)
    form = TagForm(request.POST)
    if not form.is_valid():
        return render_detail(request, application, status=400, tag_form=form)
    if add_tag(application.candidate, form.cleaned_data["name"], request.user) is None:
        messages.error(request, _("The candidate already has as many tags as allowed."))
    return _back(application.pk)


@staff_required
@require_POST
def tag_remove(request: HttpRequest, pk: int, tag_pk: int) -> HttpResponse:
    application = decidable_application(request, pk)
    tag = get_object_or_404(Tag, pk=tag_pk)
    remove_tag(application.candidate, tag, request.user)
    return _back(application.pk)
