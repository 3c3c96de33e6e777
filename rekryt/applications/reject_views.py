"""Staff pages for rejecting: one application, a selection from the board, and
every remaining applicant when a job closes. Each shows the email in the
candidate's language before anything happens; all work without JavaScript."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from rekryt.accounts.roles import recruiter_required, staff_required
from rekryt.applications.forms import RejectForm
from rekryt.applications.hooks import Blind, blind_for, shown_name
from rekryt.applications.models import (
    Application,
    BulkRejection,
    Outcome,
    RejectionReason,
    may_decide,
)
from rekryt.applications.rejections import (
    INLINE_LIMIT,
    Preview,
    preview_rejection,
    reject_application,
    start_bulk_rejection,
)
from rekryt.applications.views import decidable_application
from rekryt.jobs.actions import close_job
from rekryt.jobs.models import Job, JobStatus, visible_job_or_404
from rekryt.lib.params import ids

# Names listed on the bulk pages; the rest are counted.
NAMES_SHOWN = 30


@staff_required
def application_reject(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the form. POST with `preview`: the email as the candidate will
    read it. POST with `confirm`: reject."""
    application = decidable_application(request, pk)
    if not application.is_active:
        messages.error(request, _("The application has already ended. Reopen it first."))
        return redirect("application_detail", application.pk)
    form = RejectForm(request.POST or None)
    blind = blind_for([application]).get(application.pk)
    application.shown_name = blind.name if blind else application.full_name  # type: ignore[attr-defined]
    context: dict[str, Any] = {"application": application, "form": form, "preview": None}
    if request.method != "POST":
        return render(request, "applications/reject.html", context)
    if not form.is_valid():
        return render(request, "applications/reject.html", context, status=400)
    kwargs = form.action_kwargs()
    if "confirm" in request.POST:
        if reject_application(application, actor=request.user, **kwargs):  # type: ignore[arg-type]
            messages.success(request, done_text(kwargs["reason"], kwargs["send_now"]))
        else:
            messages.error(request, _("The application has already ended. Reopen it first."))
        return redirect("application_detail", application.pk)
    preview = preview_rejection(application, kwargs["reason"], kwargs["personal_note"])
    context["preview"] = masked(preview, blind)
    return render(request, "applications/reject.html", context)


def masked(preview: Preview, blind: Blind | None) -> Preview:
    """Under blind review the preview names no one: the email itself is
    written to the person as usual, only this page masks it."""
    if blind is None:
        return preview
    r = preview.rendered
    rendered = type(r)(blind.mask(r.subject), blind.mask(r.text), blind.mask(r.html))
    return Preview(rendered, preview.language, blind.mask(preview.to_email))


def done_text(reason: RejectionReason, send_now: bool) -> str:
    if reason.kind == "withdrew":
        return _("The withdrawal was recorded.")
    if send_now:
        return _("Rejected. The email goes out now.")
    return _("Rejected. The email goes out after the usual delay; until then you can undo.")


# --- From the board ----------------------------------------------------------


def selected_ids(request: HttpRequest) -> list[int]:
    return ids(request.POST.getlist("applications"), limit=1000)


def selected_applications(request: HttpRequest, job: Job) -> QuerySet[Application]:
    decidable = Application.objects.decidable_by(request.user)  # type: ignore[arg-type]
    return decidable.filter(job=job, outcome=Outcome.ACTIVE, pk__in=selected_ids(request))


@staff_required
@require_POST
def bulk_reject(request: HttpRequest, pk: int) -> HttpResponse:
    """The board's selection arrives as `applications`; then the same steps as
    one rejection: the form, a preview, and confirm."""
    job = visible_job_or_404(request.user, pk)
    if not may_decide(request.user):  # type: ignore[arg-type]
        raise Http404
    applications = selected_applications(request, job).select_related("candidate", "stage", "job")
    chosen = list(applications)
    blind = blind_for(chosen)
    for application in chosen:
        application.shown_name = shown_name(application, blind)  # type: ignore[attr-defined]
    if not chosen:
        messages.error(request, _("Select at least one card to reject."))
        return redirect("board", job.pk)
    submitted = "preview" in request.POST or "confirm" in request.POST
    form = RejectForm(request.POST if submitted else None, declined_only=True)
    context = {"job": job, "form": form, "chosen": chosen, "preview": None}
    context.update(names=chosen[:NAMES_SHOWN], more=max(len(chosen) - NAMES_SHOWN, 0))
    if not submitted:
        return render(request, "applications/bulk_reject.html", context)
    if not form.is_valid():
        return render(request, "applications/bulk_reject.html", context, status=400)
    data = form.cleaned_data
    if "confirm" in request.POST:
        bulk = start_bulk_rejection(
            job,
            [a.pk for a in chosen],
            data["reason"],
            request.user,  # type: ignore[arg-type]
            personal_note=data["personal_note"],
            keep_in_mind=data["keep_in_mind"],
        )
        return redirect("bulk_rejection", bulk.pk)
    preview = preview_rejection(chosen[0], data["reason"], data["personal_note"])
    context["preview"] = masked(preview, blind.get(chosen[0].pk))
    return render(request, "applications/bulk_reject.html", context)


@staff_required
def bulk_rejection(request: HttpRequest, pk: int) -> HttpResponse:
    """Progress of a bulk rejection; refreshes itself until done."""
    visible = Job.objects.visible_to(request.user)  # type: ignore[arg-type]
    bulk = get_object_or_404(
        BulkRejection.objects.filter(job__in=visible).select_related("job", "reason"), pk=pk
    )
    return render(request, "applications/bulk_progress.html", {"bulk": bulk, "job": bulk.job})


# --- Closing a job -------------------------------------------------------------


def remaining(job: Job) -> QuerySet[Application]:
    return Application.objects.filter(job=job, outcome=Outcome.ACTIVE)


def filled_reason() -> RejectionReason | None:
    reasons = RejectionReason.objects.filter(active=True, kind="declined")
    return reasons.filter(template_kind="position_filled").first() or reasons.first()


@recruiter_required
def job_close_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Close a job and, so no one is forgotten, reject every remaining active
    applicant with one reason (or knowingly keep them active)."""
    job = visible_job_or_404(request.user, pk)
    if job.status != JobStatus.PUBLISHED:
        messages.error(request, _("Only a published job can be closed."))
        return redirect("job_edit", job.pk)
    count = remaining(job).count()
    form = RejectForm(request.POST or None, declined_only=True, initial={"reason": filled_reason()})
    context = {"job": job, "count": count, "form": form, "inline_limit": INLINE_LIMIT}
    if request.method != "POST":
        return render(request, "jobs/staff_close_job.html", context)
    keep = request.POST.get("remaining") == "keep" or count == 0
    if not keep and not form.is_valid():
        return render(request, "jobs/staff_close_job.html", context, status=400)
    with transaction.atomic():
        if not close_job(job, actor=request.user):  # type: ignore[arg-type]
            messages.error(request, _("Only a published job can be closed."))
            return redirect("job_edit", job.pk)
        if keep:
            messages.success(request, _("Closed. The job no longer takes applications."))
            return redirect("job_edit", job.pk)
        data = form.cleaned_data
        bulk = start_bulk_rejection(
            job,
            list(remaining(job).values_list("pk", flat=True)),
            data["reason"],
            request.user,  # type: ignore[arg-type]
            personal_note=data["personal_note"],
            keep_in_mind=data["keep_in_mind"],
        )
    messages.success(
        request,
        ngettext(
            "Closed. %(count)d remaining applicant is being rejected.",
            "Closed. %(count)d remaining applicants are being rejected.",
            bulk.total,
        )
        % {"count": bulk.total},
    )
    return redirect("bulk_rejection", bulk.pk)
