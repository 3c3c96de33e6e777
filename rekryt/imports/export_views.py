"""/staff/export/: candidates as CSV and JSON and jobs as JSON, each scoped to what
the user may see, audited, and streamed."""

from __future__ import annotations

from typing import cast

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from rekryt.accounts.roles import staff_required
from rekryt.audit.log import record
from rekryt.imports import export


@staff_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "imports/export.html")


def _stream(body: object, content_type: str, filename: str) -> HttpResponse:
    """A streamed download; typed as HttpResponse for the role decorators,
    which every caller of a view treats alike."""
    response = StreamingHttpResponse(body, content_type=content_type)  # type: ignore[arg-type]
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return cast(HttpResponse, response)


@staff_required
@require_GET
def candidates_csv(request: HttpRequest) -> HttpResponse:
    record("export.candidates", request=request, detail="csv")
    rows = export.candidate_rows(request.user)  # type: ignore[arg-type]
    return _stream(rows, "text/csv; charset=utf-8", "candidates.csv")


@staff_required
@require_GET
def candidates_json(request: HttpRequest) -> HttpResponse:
    record("export.candidates", request=request, detail="json")
    body = export.candidates_json(request.user)  # type: ignore[arg-type]
    return _stream(body, "application/json", "candidates.json")


@staff_required
@require_GET
def jobs_json(request: HttpRequest) -> HttpResponse:
    record("export.jobs", request=request, detail="json")
    body = export.jobs_json(request.user)  # type: ignore[arg-type]
    return _stream(body, "application/json", "jobs.json")
