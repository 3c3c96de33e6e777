"""Writing one email to several candidates of a job, from the board's
selection. Each gets it in their own words: the placeholders are filled per
application, each email has its own reply address and delay with undo."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from rekryt.accounts.models import User
from rekryt.accounts.roles import staff_required
from rekryt.applications.models import Application
from rekryt.conversations import actions
from rekryt.conversations.forms import WriteForm, from_template
from rekryt.conversations.models import WritingTemplate
from rekryt.jobs.models import visible_job_or_404
from rekryt.lib.params import id_or_none, ids

LIMIT = 200
NAMES_SHOWN = 30


def _selected(request: HttpRequest, job: Any) -> list[Application]:
    chosen = ids(request.POST.getlist("applications"), limit=LIMIT + 1)
    return list(
        Application.objects.decidable_by(request.user)  # type: ignore[arg-type]
        .active()
        .filter(job=job, pk__in=chosen)
        .select_related("candidate", "job", "stage", "job__recruiter")
        .order_by("last_name", "first_name", "pk")
    )


@staff_required
@require_POST
def bulk_write(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    selected = _selected(request, job)
    if not selected:
        messages.error(request, _("Tick the candidates to write to first."))
        return redirect("board", job.pk)
    if len(selected) > LIMIT:
        messages.error(request, _("Write to at most %(n)s candidates at a time.") % {"n": LIMIT})
        return redirect("board", job.pk)
    language = selected[0].language
    template_pk = id_or_none(request.POST.get("template"))
    template = WritingTemplate.objects.filter(pk=template_pk).first() if template_pk else None
    if "use_template" in request.POST or "subject" not in request.POST:
        form = WriteForm(initial=from_template(template, language) if template else {})
    else:
        form = WriteForm(request.POST)
    context: dict[str, Any] = {
        "job": job,
        "form": form,
        "selected": selected,
        "names": selected[:NAMES_SHOWN],
        "more": max(len(selected) - NAMES_SHOWN, 0),
        "templates": [(t.pk, t.name_in(language)) for t in WritingTemplate.objects.all()],
        "preview": None,
    }
    if not form.is_bound:
        return render(request, "conversations/bulk_write.html", context)
    if not form.is_valid():
        return render(request, "conversations/bulk_write.html", context, status=400)
    data = form.cleaned_data
    author: User = request.user  # type: ignore[assignment]
    if "send" not in request.POST:
        context["preview"] = actions.preview(
            selected[0],
            author,
            data["subject"],
            data["body"],
        )
        context["preview_for"] = selected[0]
        return render(request, "conversations/bulk_write.html", context)
    with transaction.atomic():
        for application in selected:
            actions.write_to_candidate(
                application,
                author,
                data["subject"],
                data["body"],
                data["nonce"],
            )
    messages.success(
        request,
        ngettext(
            "%(n)s email goes out after the usual delay; until then you can undo it on the "
            "application's page.",
            "%(n)s emails go out after the usual delay; until then you can undo each on the "
            "application's page.",
            len(selected),
        )
        % {"n": len(selected)},
    )
    return redirect("board", job.pk)
