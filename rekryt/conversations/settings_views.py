"""Admin-only editor for the message templates recruiters write from."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from rekryt.accounts.roles import admin_required
from rekryt.conversations.forms import WritingTemplateForm
from rekryt.conversations.models import WritingTemplate
from rekryt.messaging.models import PLACEHOLDERS


@admin_required
def templates(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "conversations/settings_templates.html",
        {"templates": WritingTemplate.objects.all()},
    )


@admin_required
def edit_template(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    template = get_object_or_404(WritingTemplate, pk=pk) if pk else WritingTemplate()
    form = WritingTemplateForm(request.POST or None, instance=template)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The message template was saved."))
        return redirect("writing_templates")
    status = 400 if form.errors else 200
    context = {"form": form, "template": template, "placeholders": PLACEHOLDERS.items()}
    return render(request, "conversations/settings_template.html", context, status=status)
