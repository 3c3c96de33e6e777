"""Staff pages for writing to candidates and reading their replies. Thin:
a scoped getter, a form, one action, a redirect. Only roles that may decide
(rekryt.applications.models.may_decide) write; everyone who sees an
application reads its replies."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekryt.accounts.models import User
from rekryt.accounts.roles import staff_required
from rekryt.applications.models import Application
from rekryt.applications.views import decidable_application, visible_application
from rekryt.conversations import actions
from rekryt.conversations.forms import WriteForm, from_template
from rekryt.conversations.models import WritingTemplate
from rekryt.conversations.panels import unread_for
from rekryt.lib.params import id_or_none
from rekryt.messaging.models import Message


def _templates(language: str) -> list[tuple[int, str]]:
    return [(t.pk, t.name_in(language)) for t in WritingTemplate.objects.all()]


def _initial(request: HttpRequest, language: str) -> dict[str, str]:
    pk = id_or_none(request.GET.get("template"))
    template = WritingTemplate.objects.filter(pk=pk).first() if pk else None
    return from_template(template, language) if template else {}


@staff_required
def write(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the form (from a template with ?template=). POST with `preview`:
    the email in the candidate's language. POST with `send`: queue it."""
    application = decidable_application(request, pk)
    if request.method == "POST":
        form = WriteForm(request.POST)
    else:
        form = WriteForm(initial=_initial(request, application.language))
    context: dict[str, Any] = {
        "application": application,
        "form": form,
        "templates": _templates(application.language),
        "preview": None,
    }
    if request.method != "POST":
        return render(request, "conversations/write.html", context)
    if not form.is_valid():
        return render(request, "conversations/write.html", context, status=400)
    data = form.cleaned_data
    author: User = request.user  # type: ignore[assignment]
    if "send" not in request.POST:
        context["preview"] = actions.preview(
            application,
            author,
            data["subject"],
            data["body"],
        )
        return render(request, "conversations/write.html", context)
    actions.write_to_candidate(
        application,
        author,
        data["subject"],
        data["body"],
        data["nonce"],
    )
    messages.success(
        request, _("The email goes out after the usual delay; until then you can undo it.")
    )
    return redirect(reverse("application_detail", args=[application.pk]) + "#conversation")


@staff_required
@require_POST
def undo(request: HttpRequest, pk: int) -> HttpResponse:
    message = get_object_or_404(
        Message.objects.filter(
            kind=actions.KIND,
            application__in=Application.objects.decidable_by(request.user),  # type: ignore[arg-type]
        ),
        pk=pk,
    )
    if actions.undo(message, request.user):  # type: ignore[arg-type]
        messages.success(request, _("Undone: the email will not be sent."))
    else:
        messages.error(request, _("Too late to undo: the email has been sent or is being sent."))
    return redirect(reverse("application_detail", args=[message.application_id]) + "#conversation")


@staff_required
@require_POST
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    application = visible_application(request, pk)
    actions.mark_read(application, request.user)  # type: ignore[arg-type]
    messages.success(request, _("The replies are marked as read."))
    return redirect(reverse("application_detail", args=[application.pk]) + "#conversation")


@staff_required
def unread_replies(request: HttpRequest) -> HttpResponse:
    """Every unread reply the user may see, newest first, a page at a time."""
    page = Paginator(unread_for(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "conversations/unread.html", {"page": page})
