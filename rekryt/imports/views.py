"""Staff pages for CSV imports of candidates, for admins and recruiters:
the history, upload, mapping with a preview, progress and the report."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rekryt.accounts.roles import recruiter_required
from rekryt.imports import actions
from rekryt.imports.forms import MappingForm, UploadForm
from rekryt.imports.models import ImportJob, Status
from rekryt.imports.parsing import FileRefused
from rekryt.lib.safecsv import csv_response

PREVIEW_ROWS = 20


@recruiter_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        try:
            job = actions.upload(file.read(), file.name, user=request.user, request=request)
        except FileRefused as refused:
            form.add_error("file", str(refused))
        else:
            return redirect("import_mapping", token=job.token)
    history = ImportJob.objects.select_related("created_by")[:20]
    return render(request, "imports/upload.html", {"form": form, "history": history})


def _job(token: str) -> ImportJob:
    return get_object_or_404(ImportJob, token=token)


@recruiter_required
@require_http_methods(["GET", "POST"])
def mapping(request: HttpRequest, token: str) -> HttpResponse:
    job = _job(token)
    if job.status != Status.MAPPING:
        return redirect("import_progress", token=job.token)
    header, rows = actions.table(job)
    form = MappingForm(request.POST or None, header=header, mapping=job.mapping)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        job.mapping = data["mapping"]
        job.legal_basis = data["legal_basis"]
        job.basis_note = data["basis_note"]
        job.consent_date = data["consent_date"]
        job.duplicates = data["duplicates"]
        job.pool = data["pool"]
        job.save()
        if "confirm" in request.POST:
            actions.queue(job, request=request)
            return redirect("import_progress", token=job.token)
    plans = actions.plan(job, header, rows)
    counts = {
        what: sum(p.what == what for p in plans)
        for what in ("new", "duplicate", "in_file", "refused")
    }
    context = {
        "job": job,
        "form": form,
        "plans": plans[:PREVIEW_ROWS],
        "counts": counts,
        "total": len(plans),
    }
    return render(request, "imports/mapping.html", context)


@recruiter_required
@require_POST
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    job = _job(token)
    if job.status in (Status.MAPPING, Status.QUEUED):
        actions.cancel(job, request=request)
    return redirect("import_upload")


@recruiter_required
@require_GET
def progress(request: HttpRequest, token: str) -> HttpResponse:
    job = _job(token)
    return render(request, "imports/progress.html", {"job": job})


@recruiter_required
@require_GET
def report(request: HttpRequest, token: str) -> HttpResponse:
    job = _job(token)
    return csv_response(f"import-{job.pk}-refused.csv", ["row", "column", "reason"], job.refused)
