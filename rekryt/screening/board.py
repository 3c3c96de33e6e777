"""The board and the job's application list, narrowed to those who met the
requirements (or did not) and sorted by merit score. Registered with
rekryt.applications.hooks, so the board itself knows nothing of screening."""

from __future__ import annotations

from typing import Any

from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from rekryt.applications.hooks import BoardView
from rekryt.jobs.models import Job
from rekryt.screening.models import JobQuestion, Rule

MET, NOT_MET = "met", "not_met"
SCORE = "score"
# Below every score: unscored applications come last, as in the board's order.
UNSCORED = Value(-(2**31))
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
    context = {"job": job, "requirement": requirement, "order": order}
    # The requirements filter joins the board's own filter form, the score
    # order its one "Sort" list, so every choice is made (and kept) in one place.
    fields = ""
    if Rule.MUST in rules:
        fields = render_to_string("screening/board_fields.html", context, request=request)
    sorts = [(SCORE, gettext("Highest score first"))] if Rule.MERIT in rules else []
    return BoardView(
        filters=[FILTERS[requirement]] if requirement else [],
        order=[F("screening__score").desc(nulls_last=True)] if order else [],
        keys=[("screening_rank", Coalesce(F("screening__score"), UNSCORED), True)] if order else [],
        annotations=dict(ANNOTATIONS),
        controls=render_to_string("screening/board_controls.html", context, request=request),
        query=query,
        fields=fields,
        sorts=sorts,
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
