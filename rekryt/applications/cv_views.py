"""The CV viewer's page images, permission-checked like downloads."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from rekryt.accounts.roles import staff_required
from rekryt.applications import cv_viewer
from rekryt.applications.hooks import blind_scope
from rekryt.applications.models import documents_visible_to
from rekryt.lib.sniff import PDF


@staff_required
@require_GET
def document_page(request: HttpRequest, pk: int, page: int) -> HttpResponse:
    documents = documents_visible_to(request.user).filter(content_type=PDF)  # type: ignore[arg-type]
    # A blind application's original is withheld until its stage: its pages
    # would show the name and photo the pseudonym hides.
    for blind in blind_scope():
        documents = documents.exclude(application__in=blind)
    document = get_object_or_404(documents, pk=pk)
    image = cv_viewer.page_png(document, page - 1)
    if image is None:
        raise Http404
    response = HttpResponse(image, content_type="image/png")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    # The browser may keep it for this session's reader only.
    response["Cache-Control"] = "private, max-age=3600"
    return response
