"""Staff pages for candidates: the searchable list, one candidate, and the
permission-checked document download.

Views are the top layer, so they may read `applications` even though the
candidates models sit below it."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from rekryt.accounts.roles import staff_required
from rekryt.applications.hooks import blind_scope
from rekryt.applications.models import Application, documents_visible_to
from rekryt.candidates.links import web_link

__all__ = ["safe_filename", "web_link"]
from rekryt.candidates.models import Candidate, Document, Tag
from rekryt.candidates.search import RANK_WINDOW, ranked, snippets, with_sources

PAGE_SIZE = 25
# Only orders backed by an index (created_at, candidate_name) may be asked for.
SORTS: dict[str, tuple[str, ...]] = {
    "relevance": ("-created_at", "-pk"),
    "newest": ("-created_at", "-pk"),
    "oldest": ("created_at", "pk"),
    "name": ("last_name", "first_name", "pk"),
}
# What a download may claim to be; anything else is served as opaque bytes.
SERVED_TYPES = {
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
    "application/msword",
    "text/plain",
    "image/png",
    "image/jpeg",
}
MAX_NAME = 120
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|;]+')


def safe_filename(name: str, extension: str) -> str:
    """The uploader's file name without paths, control or bidi characters
    (a right-to-left override, U+202E, can make "exe" look like "pdf"), at most
    MAX_NAME characters with its extension kept."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    name = _UNSAFE_NAME.sub("_", name).strip(" .")
    if not name:
        return f"document.{extension}"
    stem, dot, suffix = name.rpartition(".")
    if len(name) > MAX_NAME and dot and len(suffix) <= 10:
        return f"{stem[: MAX_NAME - len(suffix) - 1]}.{suffix}"
    return name[:MAX_NAME]


def blind_scopes(request: HttpRequest) -> list[Any]:
    """Subqueries of the applications under blind review, asked once per request."""
    if not hasattr(request, "blind_scopes"):
        request.blind_scopes = blind_scope()  # type: ignore[attr-defined]
    return request.blind_scopes  # type: ignore[attr-defined, no-any-return]


def without_blind(request: HttpRequest, applications: Any) -> Any:
    """Applications under blind review are left out of every page that names
    people: their pages show a pseudonym (rekryt.screening.blind), and a
    search by name, or a candidate page, must not tie the two together."""
    for blind in blind_scopes(request):
        applications = applications.exclude(pk__in=blind)
    return applications


def visible_candidates(request: HttpRequest) -> Any:
    candidates = Candidate.objects.visible_to(request.user)  # type: ignore[arg-type]
    if not blind_scopes(request):
        return candidates
    named = without_blind(request, Application.objects.visible_to(request.user))  # type: ignore[arg-type]
    return candidates.filter(pk__in=named.values("candidate_id"))


def visible_applications(request: HttpRequest) -> Any:
    visible = Application.objects.visible_to(request.user)  # type: ignore[arg-type]
    return without_blind(request, visible).select_related("job", "stage")


def searchable_applications(request: HttpRequest) -> Any:
    """The applications whose text the user's searches may match (None: all)."""
    if request.user.sees_all_jobs and not blind_scopes(request):  # type: ignore[union-attr]
        return None
    return without_blind(request, Application.objects.visible_to(request.user))  # type: ignore[arg-type]


def visible_documents(request: HttpRequest) -> Any:
    """The originals of a blind application are withheld until its stage."""
    documents = documents_visible_to(request.user)  # type: ignore[arg-type]
    for blind in blind_scopes(request):
        documents = documents.exclude(application__in=blind)
    return documents


@staff_required
@require_GET
def candidate_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    sort = request.GET.get("sort", "relevance" if query else "newest")
    if sort not in SORTS:
        sort = "newest"
    tag_id = _int(request.GET.get("tag"))
    tag = Tag.objects.filter(pk=tag_id).first() if tag_id else None
    candidates = visible_candidates(request)
    if tag is not None:
        candidates = candidates.filter(tags=tag)
    prefetch = Prefetch(
        "applications", visible_applications(request), to_attr="visible_applications"
    )
    found: dict[int, Any] = {}
    more = False
    if query:
        best = ranked(query, searchable_applications(request), sort)
        other = with_sources(best, query, request.user)
        more = best.more
        allowed = set(candidates.filter(pk__in=best.candidate_ids).values_list("pk", flat=True))
        ids = [pk for pk in best.candidate_ids if pk in allowed]
        page = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("page"))
        listed = candidates.filter(pk__in=page.object_list).prefetch_related(prefetch)
        shown = {c.pk: c for c in listed}
        page.object_list = [shown[pk] for pk in page.object_list if pk in shown]
        found = snippets(query, {pk: best.best_entry[pk] for pk in shown}, other)
    else:
        ordered = candidates.order_by(*SORTS[sort]).prefetch_related(prefetch)
        page = Paginator(ordered, PAGE_SIZE).get_page(request.GET.get("page"))
    for candidate in page.object_list:
        candidate.snippet = found.get(candidate.pk, "")  # type: ignore[attr-defined]
    context = {
        "page": page,
        "query": query,
        "sort": sort,
        "more": more,
        "window": RANK_WINDOW,
        "tags": Tag.objects.all(),
        "tag": tag,
    }
    return render(request, "candidates/candidate_list.html", context)


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 12 else None


@staff_required
@require_GET
def candidate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = get_object_or_404(visible_candidates(request), pk=pk)
    applications = (
        visible_applications(request).filter(candidate=candidate).select_related("candidate")
    )
    documents = (
        visible_documents(request)
        .filter(candidate=candidate, resubmission__isnull=True)
        .select_related("application__job")
    )
    context = {
        "candidate": candidate,
        "applications": applications,
        "documents": documents,
    }
    return render(request, "candidates/candidate_detail.html", context)


@staff_required
@require_GET
def document_download(request: HttpRequest, pk: int) -> HttpResponse:
    document: Document = get_object_or_404(visible_documents(request), pk=pk)
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    content_type = document.content_type
    if content_type not in SERVED_TYPES:
        content_type = "application/octet-stream"
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=safe_filename(document.original_name, document.extension),
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    # A streaming response; roles.View is bound to HttpResponse only.
    return response  # type: ignore[return-value]
