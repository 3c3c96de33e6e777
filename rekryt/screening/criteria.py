"""A job question's criterion and an answer, written out for people to read,
in a given language (the candidate's notice, the application page, the
snapshot an answer keeps)."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rekryt.screening.models import NO, YES, JobQuestion, QuestionKind, Rule


def speaking(language: str) -> Any:
    """translation.override, skipped when `language` is already active (an
    apply POST describes ten answers in two languages: switching for each
    piece of text cost more than the rest of the scoring)."""
    active = (translation.get_language() or "")[:2]
    return nullcontext() if active == language[:2] else translation.override(language)


def choice_labels(job_question: JobQuestion, language: str) -> dict[str, str]:
    """Answer keys and how they read: yes and no, or the question's choices."""
    if job_question.kind == QuestionKind.YES_NO:
        with speaking(language):
            return {YES: _("Yes"), NO: _("No")}
    return {str(c.pk): c.label_in(language) for c in job_question.question.choices.all()}


def _number(value: Any) -> str:
    return formats.number_format(Decimal(value).normalize(), use_l10n=True)


def _date(value: Any) -> str:
    day = value if isinstance(value, date) else date.fromisoformat(str(value))
    return formats.date_format(day, "DATE_FORMAT")


def describe_answer(job_question: JobQuestion, value: Any, language: str) -> str:
    with speaking(language):
        if value in (None, "", []):
            return _("Not answered")
        kind = job_question.kind
        if kind == QuestionKind.NUMBER:
            return _number(value)
        if kind == QuestionKind.DATE:
            return _date(value)
        if kind in (QuestionKind.TEXT, QuestionKind.FILE):
            return str(value)
        labels = choice_labels(job_question, language)
        keys = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(str(k), str(k)) for k in keys)


def describe_criterion(job_question: JobQuestion, language: str) -> str:
    """ "Must-have: Yes", "Merit: 3 points for B-körkort", "" for neither."""
    rule = job_question.rule
    if rule == Rule.NONE:
        return ""
    with speaking(language):
        wanted = _wanted(job_question, language)
        if rule == Rule.MUST:
            return _("Must-have: %(wanted)s") % {"wanted": wanted}
        return _("Merit: %(points)s") % {"points": wanted}


def _wanted(jq: JobQuestion, language: str) -> str:
    kind = jq.kind
    if kind == QuestionKind.NUMBER and jq.minimum is not None:
        text = _("at least %(number)s") % {"number": _number(jq.minimum)}
        return text if jq.rule == Rule.MUST else _points_for(jq.points_when_met, text)
    if kind == QuestionKind.DATE and jq.latest is not None:
        text = _("on or before %(date)s") % {"date": _date(jq.latest)}
        return text if jq.rule == Rule.MUST else _points_for(jq.points_when_met, text)
    labels = choice_labels(jq, language)
    if jq.rule == Rule.MUST:
        return _(" or ").join(labels[k] for k in labels if k in {str(a) for a in jq.accepted})
    table = {str(k): int(v) for k, v in (jq.points or {}).items()}
    return ", ".join(_points_for(table[k], labels[k]) for k in labels if table.get(k))


def _points_for(points: int, what: str) -> str:
    return ngettext("%(n)s point for %(what)s", "%(n)s points for %(what)s", points) % {
        "n": points,
        "what": what,
    }
