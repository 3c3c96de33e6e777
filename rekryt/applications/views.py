"""Staff pages for one application, and the helpers every application page
shares (the board's own pages are in `board_views`).

Every object comes through a scoped getter, so outsiders get 404. Setting
outcomes needs a deciding role (`may_decide`); notes need only sight."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from rekryt.accounts.models import Organisation
from rekryt.accounts.roles import staff_required
from rekryt.applications import cv_viewer, extensions
from rekryt.applications.actions import add_note, reopen, set_outcome
from rekryt.applications.board_filters import BoardFilter, asks_more, board_suffix, neighbours
from rekryt.applications.forms import MoveForm, NoteForm, OutcomeForm, TagForm, current_language
from rekryt.applications.hooks import Blind, blind_for, board_view, detail_sections
from rekryt.applications.mentions import cancel_mentions, waiting_mentions
from rekryt.applications.models import Application, Note, documents_visible_to, may_decide
from rekryt.applications.rejections import reject_application
from rekryt.applications.stage_emails import (
    undoable_on_timeline,
)
from rekryt.applications.timeline import timeline_for
from rekryt.candidates.models import DocumentKind
from rekryt.candidates.tags import tags_for
from rekryt.jobs.models import stages_for
from rekryt.lib.params import bounded_int, local_url

DETAIL_RELATED = ("candidate", "job", "stage", "rejection_reason", "ended_stage")


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def next_url(request: HttpRequest, default: str) -> str:
    """Where the form came from, when that is a path on this site."""
    return local_url(request, request.POST.get("next"), default)


def visible_application(request: HttpRequest, pk: int) -> Application:
    queryset = Application.objects.visible_to(request.user)  # type: ignore[arg-type]
    related = (*DETAIL_RELATED, *extensions.detail_related())
    return get_object_or_404(queryset.select_related(*related), pk=pk)


def decidable_application(request: HttpRequest, pk: int) -> Application:
    queryset = Application.objects.decidable_by(request.user)  # type: ignore[arg-type]
    related = (*DETAIL_RELATED, *extensions.detail_related())
    return get_object_or_404(queryset.select_related(*related), pk=pk)


def parse_offset(value: str | None) -> int:
    return bounded_int(value, default=0)


# --- The application page ----------------------------------------------------


def render_detail(
    request: HttpRequest, application: Application, status: int = 200, **forms: Any
) -> HttpResponse:
    user = request.user
    candidate = application.candidate
    language = current_language()
    listed = list(
        Application.objects.visible_to(user)  # type: ignore[arg-type]
        .filter(candidate=candidate)
        .exclude(pk=application.pk)
        .select_related("job", "stage")
    )
    # A link from a page that names the person would unmask a blind one.
    hidden = blind_for(listed)
    others = [other for other in listed if other.pk not in hidden]
    documents = list(
        documents_visible_to(user)  # type: ignore[arg-type]
        .filter(candidate=candidate, resubmission__isnull=True)
        .select_related("application__job")
    )
    cv = next(
        (d for d in documents if d.kind == DocumentKind.CV and d.application_id == application.pk),
        None,
    )
    resubmissions = application.resubmissions.prefetch_related("documents")
    reason = application.rejection_reason
    timeline = timeline_for(application, language)
    blind = blind_for([application]).get(application.pk)
    if blind is not None:
        others, resubmissions = [], resubmissions.none()
        documents = [d for d in documents if d.application_id == application.pk]
        cv = None  # the original is withheld: its masked text is shown instead
        mask_timeline(timeline, blind)
    notes: list[Any] = [entry.item for entry in timeline if entry.kind == "note"]
    waiting = waiting_mentions(notes, user)  # type: ignore[arg-type]
    for note in notes:
        note.waiting_mentions = waiting.get(note.pk, [])
    chosen = BoardFilter.from_query(request.GET)
    # A board view (screening's) is asked only when the link carries its choices.
    view = board_view(request, application.job) if asks_more(request.GET) else None
    can_decide = may_decide(user)  # type: ignore[arg-type]
    stages = list(stages_for(application.job)) if application.is_active else []
    context = {
        "application": application,
        "candidate": candidate,
        "differences": application.differing_details(),
        "resubmissions": list(resubmissions),
        "other_applications": others,
        "documents": documents,
        "cv": cv_viewer.shown(cv),
        "timeline": timeline,
        "undoable": undoable_on_timeline(application, timeline, {s.pk for s in stages}),
        "reason_name": reason.name_in(language) if reason else "",
        "can_decide": can_decide,
        "board_filter": chosen,
        "neighbours": neighbours(application, chosen, stages, view),
        "board_suffix": board_suffix(chosen, view),
        "board_narrowed": chosen.narrows or bool(view and view.filters),
        "tags": tags_for(candidate)
        if can_decide
        else [t for t in tags_for(candidate) if getattr(t, "mine", False)],
        "tag_form": forms.get("tag_form") or TagForm(),
        # The rule of rekryt.messaging.access.cancellable_messages.
        "can_cancel_messages": user.sees_all_jobs,  # type: ignore[union-attr]
        "stages": stages,
        "move_form": forms.get("move_form") or MoveForm(application),
        "outcome_form": forms.get("outcome_form") or OutcomeForm(),
        "note_form": forms.get("note_form") or NoteForm(),
        "sections": detail_sections(request, application),
        "panels": extensions.detail_panels(request, application),
        "blind": blind,
        "blind_documents": [(d, blind.document_url(d)) for d in documents] if blind else [],
        "shown_name": blind.name if blind else application.full_name,
        "about_text": blind.mask(application.about) if blind else application.about,
        "cover_text": blind.mask(application.cover_letter) if blind else application.cover_letter,
    }
    return render(request, "applications/application_detail.html", context, status=status)


def mask_timeline(timeline: list[Any], blind: Blind) -> None:
    """The person taken out of what the timeline shows (in memory only: the
    page never saves these objects)."""
    for entry in timeline:
        item = entry.item
        entry.source_label = ""  # a campaign's own ?source= slug can name a person
        if entry.kind == "note":
            item.body = blind.mask(item.body)
        elif entry.kind == "message":
            item.subject = blind.mask(item.subject)
        elif item.data:
            item.data = {
                k: blind.mask(v) if isinstance(v, str) else v for k, v in item.data.items()
            }


@staff_required
@require_GET
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_detail(request, visible_application(request, pk))


@staff_required
@require_POST
def application_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    application = decidable_application(request, pk)
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        return render_detail(request, application, status=400, outcome_form=form)
    outcome, reason = form.cleaned_data["outcome"], form.cleaned_data["reason"]
    if reason is not None:
        # Every ending with a reason tells the candidate, after the usual delay.
        done = reject_application(application, reason, request.user)  # type: ignore[arg-type]
    else:
        done = set_outcome(application, outcome, request.user)  # type: ignore[arg-type]
    if done:
        messages.success(request, _("The outcome was saved."))
    else:
        messages.error(request, _("The application has already ended. Reopen it first."))
    return redirect("application_detail", application.pk)


@staff_required
@require_POST
def application_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    application = decidable_application(request, pk)
    if reopen(application, request.user):  # type: ignore[arg-type]
        messages.success(request, _("The application is active again."))
    else:
        messages.error(request, _("The application is already active."))
    return redirect("application_detail", application.pk)


@staff_required
@require_POST
def application_note(request: HttpRequest, pk: int) -> HttpResponse:
    application = visible_application(request, pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return render_detail(request, application, status=400, note_form=form)
    note = add_note(application, request.user, form.cleaned_data["body"])  # type: ignore[arg-type]
    if note.told:
        minutes = Organisation.get().stage_email_delay_minutes
        messages.success(
            request,
            ngettext(
                "The note was added. Those you mentioned are told by email in %(n)s minute; "
                "until then you can stop that on the timeline.",
                "The note was added. Those you mentioned are told by email in %(n)s minutes; "
                "until then you can stop that on the timeline.",
                minutes,
            )
            % {"n": minutes},
        )
    else:
        messages.success(request, _("The note was added."))
    return redirect(reverse("application_detail", args=[application.pk]) + "#timeline")


@staff_required
@require_POST
def application_mentions_cancel(request: HttpRequest, pk: int, note_pk: int) -> HttpResponse:
    """The author of a note stops its mention emails before they go out."""
    application = visible_application(request, pk)
    note = get_object_or_404(Note, pk=note_pk, application=application)
    if note.author_id != request.user.pk:
        messages.error(request, _("Only the note's author can stop its emails."))
    elif cancel_mentions(note, request.user):  # type: ignore[arg-type]
        messages.success(request, _("Nobody is told about the note by email."))
    else:
        messages.info(request, _("The emails about the note have already gone out."))
    return redirect(reverse("application_detail", args=[application.pk]) + "#timeline")
