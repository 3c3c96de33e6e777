"""Admin pages for editing email templates, with a preview on sample values."""

from __future__ import annotations

import hashlib

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from rekryt.messaging import preview
from rekryt.messaging.access import admin_required
from rekryt.messaging.forms import EmailTemplateForm
from rekryt.messaging.models import PLACEHOLDERS, EmailTemplate
from rekryt.messaging.sandbox import sandboxed_html


@require_GET
@admin_required
def template_list(request: HttpRequest) -> HttpResponse:
    templates = EmailTemplate.objects.order_by("kind", "language")
    return render(request, "messaging/template_list.html", {"templates": templates})


@require_http_methods(["GET", "POST"])
@admin_required
def template_edit(request: HttpRequest, pk: int) -> HttpResponse:
    template = get_object_or_404(EmailTemplate, pk=pk)
    form = EmailTemplateForm(request.POST or None, instance=template)
    valid = request.method == "POST" and form.is_valid()
    if valid and "preview" not in request.POST:
        form.save()
        preview.forget(request.session, template)
        messages.success(request, _("The email template was saved."))
        return redirect("template_list")
    if valid:
        preview.remember(request.session, template)  # holds the unsaved edits
    elif request.method == "GET":
        preview.forget(request.session, template)
    # Invalid edits cannot be previewed; the errors say why.
    rendered = None if form.errors else preview.render_sample(template, _name(request))
    context = {
        "template": template,
        "form": form,
        "placeholders": PLACEHOLDERS.items(),
        "rendered": rendered,
        # Changes the iframe's address whenever the preview changes.
        "version": hashlib.sha256(rendered.html.encode()).hexdigest()[:12] if rendered else "",
    }
    return render(request, "messaging/template_edit.html", context)


@require_GET
@admin_required
def template_preview_html(request: HttpRequest, pk: int) -> HttpResponse:
    template = get_object_or_404(EmailTemplate, pk=pk)
    template = preview.with_remembered_edits(request.session, template)
    return sandboxed_html(preview.render_sample(template, _name(request)).html)


def _name(request: HttpRequest) -> str:
    return str(request.user.display_name)  # type: ignore[union-attr]
