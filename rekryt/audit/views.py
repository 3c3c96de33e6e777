"""The audit log for admins: filter, page through, export as CSV."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from rekryt.accounts.roles import admin_required
from rekryt.audit.describe import description, target_label, target_links
from rekryt.audit.forms import AuditFilterForm
from rekryt.audit.log import record
from rekryt.audit.models import Action, AuditEntry
from rekryt.lib.safecsv import csv_response

PAGE_SIZE = 50
EXPORT_MAX = 100_000
LIST_FIELDS = (
    "created_at",
    "actor_label",
    "action",
    "target_type",
    "target_id",
    "detail",
    "params",
    "summary",
    "path",
    "ip",
)


@dataclass
class Row:
    """An entry as the reader reads it: what was touched, a link to it while
    it exists and the reader may open it, and what happened, in words."""

    entry: AuditEntry
    target: str
    target_url: str
    description: str


def filtered(request: HttpRequest) -> tuple[AuditFilterForm, Any]:
    form = AuditFilterForm(request.GET or None)
    if request.GET and not form.is_valid():
        return form, None
    entries = AuditEntry.objects.only(*LIST_FIELDS).order_by("-created_at", "-pk")
    return form, (form.filter(entries) if request.GET else entries)


def query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@admin_required
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    form, entries = filtered(request)
    if entries is None:
        return render(request, "audit/log.html", {"form": form}, status=400)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    links = target_links(page.object_list, request.user)
    rows = [
        Row(
            entry,
            target_label(entry.target_type),
            links.get((entry.target_type, entry.target_id), ""),
            description(entry),
        )
        for entry in page.object_list
    ]
    context = {"form": form, "page": page, "rows": rows, "query": query_without_page(request)}
    return render(request, "audit/log.html", context)


def csv_rows(entries: Any) -> Iterator[list[Any]]:
    zone = timezone.get_current_timezone()
    for entry in entries[:EXPORT_MAX].iterator(chunk_size=2000):
        yield [
            entry.created_at.astimezone(zone).isoformat(timespec="seconds"),
            entry.actor_label,
            entry.get_action_display(),
            target_label(entry.target_type) if entry.target_type else "",
            entry.target_id,
            description(entry),
            entry.path,
            entry.ip or "",
        ]


@admin_required
@require_GET
def audit_export(request: HttpRequest) -> HttpResponse:
    form, entries = filtered(request)
    if entries is None:
        return render(request, "audit/log.html", {"form": form}, status=400)
    header = [
        _("time"),
        _("who"),
        _("action"),
        _("target"),
        _("target id"),
        _("details"),
        _("path"),
        _("IP address"),
    ]
    response = csv_response(
        f"audit-{timezone.localdate().isoformat()}.csv", header, csv_rows(entries)
    )
    record(Action.EXPORT, request=request, target_type="audit.auditentry", detail="audit_exported")
    return response
