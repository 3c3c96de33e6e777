"""The interviewer's pages: the kit (instructions, questions, the CV under
blind review's rules, the ad, the scorecard form), the scorecard itself and
the job's comparison of candidates × attributes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from rekryt.accounts.models import Role, User
from rekryt.accounts.roles import staff_required
from rekryt.applications.hooks import blind_for, shown_name
from rekryt.applications.models import Application
from rekryt.candidates.models import Document, DocumentKind
from rekryt.interviews import actions
from rekryt.interviews.forms import ScorecardForm
from rekryt.interviews.models import (
    Attribute,
    AttributeRating,
    Interview,
    Recommendation,
    Scorecard,
    VideoAnswer,
)
from rekryt.interviews.secrecy import interview_for, shown_scorecards, waiting_for
from rekryt.jobs.models import visible_job_or_404

# Ratings this far apart on one attribute are a disagreement to talk about.
DISAGREEMENT = 2


def _cv_link(interview: Interview, blind: dict[int, Any]) -> str:
    cv = (
        Document.objects.filter(application_id=interview.application_id, kind=DocumentKind.CV)
        .order_by("-created_at")
        .first()
    )
    if cv is None:
        return ""
    seen = blind.get(interview.application_id)
    if seen is not None:
        return str(seen.document_url(cv))
    return reverse("document_download", args=[cv.pk])


def _assigned(interview: Interview, user: User) -> bool:
    return interview.interviewers.filter(pk=user.pk).exists()


@staff_required
@require_GET
def kit(request: HttpRequest, pk: int) -> HttpResponse:
    interview = interview_for(request.user, pk)  # type: ignore[arg-type]
    application = interview.application
    blind = blind_for([application])
    focus = actions.focus_of(interview)
    questions: dict[int, list[Any]] = {}
    for question in interview.step.questions.all():
        questions.setdefault(question.attribute_id, []).append(question)
    context = {
        "interview": interview,
        "application": application,
        "job": application.job,
        "name": shown_name(application, blind),
        "blind": application.pk in blind,
        "cv_url": _cv_link(interview, blind),
        "focus": [(a, questions.get(a.pk, [])) for a in focus],
        "people": interview.interviewers.all(),
        "assigned": _assigned(interview, request.user),  # type: ignore[arg-type]
        "form": ScorecardForm(focus, initial=_initial(interview, request.user)),  # type: ignore[arg-type]
        **_videos(interview, blind),
    }
    return render(request, "interviews/kit.html", context)


def _videos(interview: Interview, blind: dict[int, Any]) -> dict[str, Any]:
    """A one-way review's kit shows the answers it reviews."""
    if not interview.step.one_way:
        return {}
    answers = VideoAnswer.objects.filter(
        application_id=interview.application_id, completed_at__isnull=False
    ).select_related("question")
    return {"videos": list(answers), "video_blind": interview.application_id in blind}


def _initial(interview: Interview, user: User) -> dict[str, Any]:
    card = Scorecard.objects.filter(interview=interview, interviewer=user).first()
    if card is None:
        return {}
    initial: dict[str, Any] = {"recommendation": card.recommendation, "notes": card.notes}
    for rating in card.ratings.all():
        initial[f"a{rating.attribute_id}"] = rating.rating
        initial[f"n{rating.attribute_id}"] = rating.note
    return initial


@staff_required
def scorecard_edit(request: HttpRequest, pk: int) -> HttpResponse:
    interview = interview_for(request.user, pk)  # type: ignore[arg-type]
    if not _assigned(interview, request.user):  # type: ignore[arg-type]
        raise Http404
    focus = actions.focus_of(interview)
    if request.method != "POST":
        return redirect(reverse("interview_kit", args=[pk]) + "#scorecard")
    submitting = request.POST.get("submit") == "1"
    form = ScorecardForm(focus, request.POST, submitting=submitting)
    if not form.is_valid():
        blind = blind_for([interview.application])
        context = {
            "interview": interview,
            "application": interview.application,
            "job": interview.application.job,
            "name": shown_name(interview.application, blind),
            "blind": interview.application_id in blind,
            "cv_url": _cv_link(interview, blind),
            "focus": [(a, []) for a in focus],
            "people": interview.interviewers.all(),
            "assigned": True,
            "form": form,
        }
        return render(request, "interviews/kit.html", context, status=400)
    actions.save_scorecard(
        interview,
        request.user,  # type: ignore[arg-type]
        form.ratings(),
        form.cleaned_data["recommendation"],
        form.cleaned_data["notes"],
        submit=submitting,
    )
    if submitting:
        messages.success(
            request, _("Your scorecard was submitted. You can now read your colleagues'.")
        )
    else:
        messages.success(request, _("Your draft was saved. Colleagues do not see it."))
    return redirect("application_detail", interview.application_id)


@staff_required
@require_GET
def scorecard_detail(request: HttpRequest, pk: int) -> HttpResponse:
    card = get_object_or_404(
        Scorecard.objects.select_related(
            "interview__step", "interview__application", "interviewer"
        ),
        pk=pk,
    )
    user: User = request.user  # type: ignore[assignment]
    interview = interview_for(user, card.interview_id)
    waiting = waiting_for(user, [interview.application_id])
    if not shown_scorecards(user, [card], waiting):
        raise Http404
    blind = blind_for([interview.application])
    context = {
        "card": card,
        "interview": interview,
        "name": shown_name(interview.application, blind),
        "ratings": card.ratings.select_related("attribute"),
    }
    return render(request, "interviews/scorecard.html", context)


@dataclass
class Cell:
    """One candidate's ratings of one attribute: their mean, and whether
    interviewers disagree (computed once, the page shows hundreds)."""

    mean: str = ""
    disagree: bool = False

    @classmethod
    def of(cls, ratings: list[int]) -> Cell:
        if not ratings:
            return cls()
        spread = max(ratings) - min(ratings)
        return cls(
            f"{sum(ratings) / len(ratings):.1f}", len(ratings) > 1 and spread >= DISAGREEMENT
        )


@dataclass
class Row:
    application: Any
    name: str
    cells: list[Cell]
    cards: list[tuple[str, str]]  # (link, "interviewer: recommendation")
    hidden: bool = False
    mean: float = 0.0


def table_body(rows: list[Row], attributes: list[Attribute]) -> SafeString:
    """The comparison's rows, built here rather than in the template
    language: a job's page has a cell per candidate and attribute, and the
    template loop (or format_html per cell) costs several times this. Every
    text is escaped; the rest are numbers and links made from ids."""
    app_link = reverse("application_detail", args=[0])[: -len("0/")]
    marked = escape(_("disagreement"))
    hidden = (
        f'<td colspan="{len(attributes)}" class="muted">'
        f"{escape(_('Submit your own scorecard first.'))}</td><td></td>"
    )
    empty = '<td class="muted">–</td>'
    lines = []
    for row in rows:
        head = (
            f'<th scope="row"><a href="{app_link}{row.application.pk}/">{escape(row.name)}</a></th>'
        )
        if row.hidden:
            lines.append(f"<tr>{head}{hidden}</tr>")
            continue
        cells = "".join(
            f'<td class="disagree">{c.mean} <strong>{marked}</strong></td>'
            if c.disagree
            else (f"<td>{c.mean}</td>" if c.mean else empty)
            for c in row.cells
        )
        cards = "".join(f'<li><a href="{url}">{escape(shown)}</a></li>' for url, shown in row.cards)
        lines.append(f'<tr>{head}{cells}<td><ul class="plain">{cards}</ul></td></tr>')
    return SafeString("\n".join(lines))  # nosec B703: texts escaped above, the rest ids and numbers


@staff_required
@require_GET
def compare(request: HttpRequest, pk: int) -> HttpResponse:
    """Candidates × attributes from submitted scorecards, in five queries
    whatever the numbers (plus blind review's own). Rows are plain values:
    the page has a cell per candidate and attribute and a link per card."""
    user: User = request.user  # type: ignore[assignment]
    if user.role == Role.INTERVIEWER:
        raise Http404
    job = visible_job_or_404(user, pk)
    attributes = list(Attribute.objects.filter(category__job=job).select_related("category"))
    submitted = {"interview__application__job": job, "submitted_at__isnull": False}
    cards = Scorecard.objects.filter(**submitted).order_by(
        "interview__application_id", "submitted_at"
    )
    card_rows = cards.values_list(
        "pk",
        "interview__application_id",
        "recommendation",
        "interviewer__first_name",
        "interviewer__last_name",
        "interviewer__username",
    )
    ratings = AttributeRating.objects.filter(
        scorecard__interview__application__job=job, scorecard__submitted_at__isnull=False
    ).values_list("scorecard__interview__application_id", "attribute_id", "rating")
    by_app: dict[int, dict[int, list[int]]] = {}
    for app_id, attribute_id, rating in ratings:
        by_app.setdefault(app_id, {}).setdefault(attribute_id, []).append(rating)
    labels = dict(Recommendation.choices)
    undecided = _("no decision")
    link = reverse("scorecard_detail", args=[0])[: -len("0/")]
    grouped: dict[int, list[tuple[str, str]]] = {}
    for card_pk, app_id, recommendation, first, last, username in card_rows:
        who = f"{first} {last}".strip() or username
        shown = f"{who}: {labels.get(recommendation, undecided)}"
        grouped.setdefault(app_id, []).append((f"{link}{card_pk}/", shown))
    applications = list(
        Application.objects.filter(pk__in=list(grouped)).only("pk", "first_name", "last_name")
    )
    blind = blind_for(applications)
    waiting = waiting_for(user, list(grouped))
    rows = []
    for application in applications:
        cells = [Cell.of(by_app.get(application.pk, {}).get(a.pk, [])) for a in attributes]
        means = [float(c.mean) for c in cells if c.mean]
        rows.append(
            Row(
                application,
                shown_name(application, blind),
                cells,
                grouped[application.pk],
                hidden=application.pk in waiting,
                mean=sum(means) / len(means) if means else 0.0,
            )
        )
    rows.sort(key=lambda row: (row.hidden, -row.mean, row.name))
    context = {
        "job": job,
        "attributes": attributes,
        "rows": rows,
        "body": table_body(rows, attributes),
    }
    return render(request, "interviews/compare.html", context)
