"""The board and the job's application list, narrowed to those who met the
requirements (or did not) and sorted by merit score. Registered with
rekryt.applications.hooks, so the board itself knows nothing of screening."""

from __future__ import annotations

from typing import Any

from django.db.models import F, Q
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from rekryt.applications.hooks import BoardView
from rekryt.jobs.models import Job
from rekryt.screening.models import JobQuestion, Rule

MET, NOT_MET = "met", "not_met"
# rekryt.applications.board_filters.BoardFilter's parameters but its sort,
# which this form's order replaces.
KEPT = ("source", "tag", "days", "unread", "q")
SCORE = "score"
FILTERS = {MET: Q(screening__requirements_met=True), NOT_MET: Q(screening__requirements_met=False)}
ANNOTATIONS = {
    "screening_score": F("screening__score"),
    "screening_met": F("screening__requirements_met"),
}


def choices(params: Any) -> tuple[str, str]:
    """The requirements filter and the order asked for; anything else is ignored."""
    requirement = str(params.get("requirements", ""))
    order = str(params.get("sort", ""))
    return (requirement if requirement in FILTERS else ""), (order if order == SCORE else "")


def rules_of(job: Job) -> set[str]:
    return set(JobQuestion.objects.filter(job=job).values_list("rule", flat=True))


def screening_view(request: HttpRequest, job: Job) -> BoardView | None:
    rules = rules_of(job)
    if not rules:
        return None
    requirement, order = choices(request.GET)
    query = {k: v for k, v in (("requirements", requirement), ("sort", order)) if v}
    context = {
        "job": job,
        # The board's own filters (source, tag, days, search…) go along, so
        # choosing a requirement or the score order keeps them.
        "kept": [(k, str(v)[:200]) for k, v in request.GET.items() if k in KEPT],
        "requirement": requirement,
        "order": order,
        "has_must": Rule.MUST in rules,
        "has_merit": Rule.MERIT in rules,
    }
    return BoardView(
        filters=[FILTERS[requirement]] if requirement else [],
        order=[F("screening__score").desc(nulls_last=True)] if order else [],
        annotations=dict(ANNOTATIONS),
        controls=render_to_string("screening/board_controls.html", context, request=request),
        query=query,
    )


def screening_flag(application: Any) -> SafeString | str:
    """ "Requirement not met" and the score, from the board's annotations."""
    met = getattr(application, "screening_met", None)
    score = getattr(application, "screening_score", None)
    parts = []
    if met is False:
        parts.append(
            format_html('<span class="badge badge-warn">{}</span>', gettext("Requirement not met"))
        )
    if score:
        parts.append(
            format_html(
                '<span class="badge">{}</span>', gettext("Score %(score)s") % {"score": score}
            )
        )
    return SafeString(" ".join(parts))  # nosec B703: badges built by format_html
