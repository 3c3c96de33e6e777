"""Staff pages of analytics: the funnel, sources and campaigns, candidate
experience, each also as CSV and XLSX. Thin: the scope (who may see which
jobs, the filters), one builder, a template. Every page reads the roll-ups
only, so its number of queries does not grow with the data."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from rekryt.accounts.roles import staff_required
from rekryt.analytics import charts, export, reports
from rekryt.analytics.experience import experience
from rekryt.analytics.funnel import funnel
from rekryt.analytics.models import Cursor
from rekryt.analytics.scope import Scope, analysts_only, scope_of
from rekryt.analytics.sources import sources
from rekryt.lib.safecsv import csv_response, xlsx_response


def _context(request: HttpRequest, scope: Scope, **more: Any) -> dict[str, Any]:
    cursor = Cursor.objects.filter(pk=1).values_list("caught_up_at", flat=True).first()
    return {
        "scope": scope,
        "form": scope.form,
        "query": request.GET.urlencode(),
        "caught_up_at": cursor,
        **more,
    }


@staff_required
def funnel_page(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request)
    page = funnel(scope)
    chart = charts.bar_chart(
        _("Applications reaching each stage"),
        [(s.label, s.reached, str(s.reached)) for s in page.steps],
    )
    return render(
        request, "analytics/funnel.html", _context(request, scope, page=page, chart=chart)
    )


@staff_required
def sources_page(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request)
    page = sources(scope)
    chart = charts.bar_chart(
        _("Applicants per source"), [(r.label, r.applicants, str(r.applicants)) for r in page.rows]
    )
    return render(
        request, "analytics/sources.html", _context(request, scope, page=page, chart=chart)
    )


@staff_required
def experience_page(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request)
    page = experience(scope)
    silence = charts.bar_chart(
        _("Gaps between emails to candidates"), [(lbl, n, str(n)) for lbl, n in page.silence]
    )
    cnps = charts.bar_chart(
        _("CNPS by step"), [(s.label, s.cnps.shown, str(s.cnps)) for s in page.steps]
    )
    context = _context(request, scope, page=page, silence_chart=silence, cnps_chart=cnps)
    return render(request, "analytics/experience.html", context)


PAGES: dict[str, tuple[Callable[[Scope], Any], Callable[[Any], Iterable[list[Any]]]]] = {
    "funnel": (funnel, export.funnel_lines),
    "sources": (sources, export.sources_lines),
    "experience": (experience, export.experience_lines),
}


@staff_required
def page_export(request: HttpRequest, page: str, fmt: str) -> HttpResponse:
    scope = scope_of(request)
    build, lines = PAGES[page]
    rows = list(lines(build(scope)))
    name = f"analytics-{page}-{scope.since:%Y-%m}-{scope.until:%Y-%m}"
    if fmt == "xlsx":
        return xlsx_response(f"{name}.xlsx", export.header(), rows, sheet=page)
    return csv_response(f"{name}.csv", export.header(), rows)


@staff_required
def weekly_report(request: HttpRequest) -> HttpResponse:
    user = analysts_only(request.user)
    context = {"report": reports.weekly(user), "site_url": ""}
    return render(request, "analytics/report_weekly.html", context)


@staff_required
def monthly_report(request: HttpRequest) -> HttpResponse:
    user = analysts_only(request.user)
    if not user.is_admin:
        raise Http404
    context = {"report": reports.monthly(user), "site_url": ""}
    return render(request, "analytics/report_monthly.html", context)
