"""Staff pages for the pipeline board: the columns, "show more", moving a
card and undoing a move while its stage email still waits.

Every object comes through a scoped getter, so outsiders get 404; moving
needs a deciding role (`may_decide`)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from rekryt.accounts.roles import staff_required
from rekryt.applications import automations, hooks
from rekryt.applications import board as queries
from rekryt.applications.actions import move_to_stage
from rekryt.applications.board_filters import BoardFilter, board_suffix
from rekryt.applications.cards import CardRenderer
from rekryt.applications.forms import MoveForm, current_language
from rekryt.applications.models import Application, may_decide, source_label
from rekryt.applications.stage_emails import pending_by_application, undo_move
from rekryt.applications.views import (
    decidable_application,
    is_htmx,
    next_url,
    parse_offset,
    wants_json,
)
from rekryt.candidates.models import Tag
from rekryt.jobs.models import Job, Stage, stages_for, visible_job_or_404

# --- The board ---------------------------------------------------------------


def board_context(request: HttpRequest, job: Job, **extra: Any) -> dict[str, Any]:
    view = hooks.board_view(request, job)
    chosen = BoardFilter.from_query(request.GET)
    built = queries.build_board(job, chosen, view)
    board_url = reverse("board", args=[job.pk]) + chosen.suffix()
    can_decide = may_decide(request.user)  # type: ignore[arg-type]
    cards = [card for column in built.columns for card in column.cards]
    blind = hooks.blind_for(cards)
    render_card = CardRenderer(
        request,
        built.stages,
        can_decide=can_decide,
        back_url=board_url,
        in_board=True,
        pending=pending_by_application(cards),
        blind=blind,
        detail_suffix=board_suffix(chosen, view),
    )
    sources = queries.sources_without_blind(job) if blind else built.sources
    for column in built.columns:
        column.html = render_card.render_all(column.cards)
    return {
        "job": job,
        "board": built,
        "stages": built.stages,
        "can_decide": can_decide,
        "board_url": board_url,
        "back_url": board_url,
        "in_board": True,
        "column_size": queries.COLUMN_SIZE,
        "view_controls": view.controls,
        "view_query": view_query(view),
        "view_fields": view.fields,
        "view_narrows": bool(view.filters),
        "view_sorts": view.sorts,
        "view_sort": view.query.get("sort", ""),
        "board_filter": chosen,
        "filter_suffix": chosen.suffix(),
        "filter_query": chosen.querystring(),
        "sources": [(source, source_label(source)) for source in sources],
        "tags": list(Tag.objects.all()),
        **extra,
    }


def view_query(view: hooks.BoardView) -> str:
    """The board view's choices as "&name=value…", kept by "show more" links."""
    return "&" + urlencode(view.query) if view.query else ""


@staff_required
@require_GET
def board(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    ended_page = None
    if request.GET.get("ended"):
        paginator = Paginator(queries.ended_applications(job), queries.ENDED_PAGE_SIZE)
        ended_page = paginator.get_page(request.GET.get("page"))
        language = current_language()
        blind = hooks.blind_for(ended_page)
        for application in ended_page:
            application.shown_name = hooks.shown_name(application, blind)  # type: ignore[attr-defined]
            reason = application.rejection_reason
            application.reason_label = reason.name_in(language) if reason else ""  # type: ignore[attr-defined]
    context = board_context(request, job, ended_page=ended_page)
    return render(request, "applications/board.html", context)


@staff_required
@require_GET
def board_column(request: HttpRequest, pk: int, stage_pk: int) -> HttpResponse:
    """More cards of one column: the next cards as a fragment for htmx's "show
    more", or a full page with previous and next links without JavaScript."""
    job = visible_job_or_404(request.user, pk)
    stages = list(stages_for(job))
    stage = next((s for s in stages if s.pk == stage_pk), None)
    if stage is None:
        raise Http404
    offset = parse_offset(request.GET.get("offset"))
    view = hooks.board_view(request, job)
    chosen = BoardFilter.from_query(request.GET)
    cards, has_more = queries.column_page(job, stage, offset, chosen, view)
    can_decide = may_decide(request.user)  # type: ignore[arg-type]
    render_card = CardRenderer(
        request,
        stages,
        can_decide=can_decide,
        back_url=request.get_full_path(),
        in_board=is_htmx(request),
        pending=pending_by_application(cards),
        blind=hooks.blind_for(cards),
        detail_suffix=board_suffix(chosen, view),
    )
    context = {
        "job": job,
        "stage": stage,
        "stages": stages,
        "cards": cards,
        "cards_html": render_card.render_all(cards),
        "has_more": has_more,
        "offset": offset,
        "next_offset": offset + queries.COLUMN_SIZE,
        "filter_query": chosen.querystring(),
        "previous_offset": max(offset - queries.COLUMN_SIZE, 0),
        "can_decide": can_decide,
        "board_url": reverse("board", args=[job.pk]),
        "back_url": request.get_full_path(),
        "in_board": is_htmx(request),
        "view_query": view_query(view),
    }
    template = "board_more.html" if is_htmx(request) else "board_column.html"
    response = render(request, f"applications/{template}", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def move_response(
    request: HttpRequest, application: Application, text: str, ok: bool
) -> HttpResponse:
    """Answer a move in the shape the caller asked for: JSON for a drag and drop,
    the re-rendered board for htmx, a redirect with a message otherwise."""
    job = application.job
    if wants_json(request):
        counts = {str(k): v for k, v in queries.active_counts(job).items()}
        # The card's "days in stage" line restarts at zero after a move.
        days = ngettext("%(days)s day in stage", "%(days)s days in stage", 0) % {"days": 0}
        payload = {"ok": ok, "message": text, "counts": counts, "days_text": days}
        payload["pending_html"] = pending_html(request, application) if ok else ""
        return JsonResponse(payload, status=200 if ok else 400)
    if is_htmx(request):
        context = board_context(request, job, status_text=text, status_ok=ok)
        return render(request, "applications/board_moved.html", context)
    (messages.success if ok else messages.error)(request, text)
    return redirect(next_url(request, reverse("board", args=[job.pk])))


def waiting_text(application: Application, stage: Stage) -> str:
    waiting = automations.pending_in(application, stage).order_by("send_after").first()
    if waiting is None:
        return ""
    return _("The email goes out at %(time)s; until then you can undo the move.") % {
        "time": formats.date_format(timezone.localtime(waiting.send_after), "TIME_FORMAT")
    }


def pending_html(request: HttpRequest, application: Application) -> str:
    """A dragged card's new waiting-email line, for board.js to put in place."""
    application.refresh_from_db(fields=["stage", "outcome"])
    render_card = CardRenderer(
        request,
        [],
        can_decide=may_decide(request.user),  # type: ignore[arg-type]
        back_url=reverse("board", args=[application.job_id]),
        in_board=True,
        pending=pending_by_application([application]),
        blind=hooks.blind_for([application]),
    )
    return str(render_card.pending_badge(application))


@staff_required
@require_POST
def application_undo_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Undo the move that queued the waiting stage email: back to the stage
    the card came from, and the email is not sent."""
    application = decidable_application(request, pk)
    name = hooks.shown_name(application, hooks.blind_for([application]))
    if undo_move(application, request.user):  # type: ignore[arg-type]
        application.refresh_from_db(fields=["stage"])
        text = _("Undone: %(name)s is back in %(stage)s and the email will not be sent.") % {
            "name": name,
            "stage": application.stage.name,
        }
        return move_response(request, application, text, ok=True)
    text = _(
        "The move of %(name)s can no longer be undone: its email has gone out, or the card "
        "has moved since."
    ) % {"name": name}
    return move_response(request, application, text, ok=False)


@staff_required
@require_POST
def application_move(request: HttpRequest, pk: int) -> HttpResponse:
    application = decidable_application(request, pk)
    name = hooks.shown_name(application, hooks.blind_for([application]))
    form = MoveForm(application, request.POST)
    if form.is_valid():
        stage = form.cleaned_data["stage"]
        if move_to_stage(application, stage, request.user):  # type: ignore[arg-type]
            text = _("%(name)s moved to %(stage)s.") % {"name": name, "stage": stage.name}
            text = f"{text} {waiting_text(application, stage)}".strip()
            return move_response(request, application, text, ok=True)
    errors = [str(e) for e in form.errors.get("stage", [])]
    text = errors[0] if errors else _("%(name)s could not be moved.") % {"name": name}
    return move_response(request, application, text, ok=False)
