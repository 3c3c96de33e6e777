"""What a result means, and what it does not, in words a recruiter reads in
a minute (and the candidate reads the same). Percentiles are against the
simulated norm groups of rekryt.screening.norms, and every summary says so."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from rekryt.screening import logic, personality
from rekryt.screening.models import AssessmentKind, Result

LOW, HIGH = 30, 70


@dataclass
class Trait:
    name: str
    percentile: int
    reading: str


@dataclass
class Summary:
    headline: str
    means: str
    not_means: str
    traits: list[Trait] = field(default_factory=list)


def band(percentile: int) -> str:
    if percentile < LOW:
        return "low"
    return "high" if percentile > HIGH else "middle"


READINGS = {
    "E": (
        gettext_noop("Prefers quiet, smaller groups and working alone."),
        gettext_noop("Between reserved and outgoing."),
        gettext_noop("Outgoing, energised by people and talking."),
    ),
    "A": (
        gettext_noop("Direct, sceptical, puts the task before harmony."),
        gettext_noop("Between direct and accommodating."),
        gettext_noop("Warm, helpful, puts harmony first."),
    ),
    "C": (
        gettext_noop("Flexible and spontaneous, less bound by plans."),
        gettext_noop("Between spontaneous and methodical."),
        gettext_noop("Organised, careful, follows through on plans."),
    ),
    "S": (
        gettext_noop("Reacts strongly to stress and setbacks."),
        gettext_noop("Usually even-tempered, sometimes affected by stress."),
        gettext_noop("Calm and even-tempered under pressure."),
    ),
    "O": (
        gettext_noop("Practical, prefers the concrete and familiar."),
        gettext_noop("Between practical and curious."),
        gettext_noop("Curious, enjoys ideas and the abstract."),
    ),
}


def _reading(trait: str, percentile: int) -> str:
    low, middle, high = READINGS[trait]
    text = {"low": low, "middle": middle, "high": high}[band(percentile)]
    return _(text)


def summary(result: Result, language: str) -> Summary:
    with translation.override(language):
        if result.kind == AssessmentKind.LOGIC:
            return _logic(result)
        return _personality(result)


def _logic(result: Result) -> Summary:
    values: dict[str, Any] = {"score": result.score, "total": logic.COUNT, "p": result.percentile}
    return Summary(
        headline=_("%(score)s of %(total)s right; percentile %(p)s in the simulated norm group")
        % values,
        means=_(
            "Percentile %(p)s: the result is higher than about %(p)s of 100 in a simulated "
            "group of 2,000 test-takers. It measures reasoning with number series under time "
            "pressure, on this day."
        )
        % values,
        not_means=_(
            "It is not a measure of intelligence or worth, and no pass mark. Ability tests "
            "predict job performance only moderately (about .31 in Sackett et al., 2022; a "
            "structured interview about .42) and differ between groups: weigh it with other "
            "evidence, never use it alone to reject. The norm group is simulated, not real "
            "applicants."
        ),
    )


def _personality(result: Result) -> Summary:
    traits = [
        Trait(str(personality.TRAITS[t]), int(v["percentile"]), _reading(t, int(v["percentile"])))
        for t, v in (result.traits or {}).items()
        if t in personality.TRAITS
    ]
    return Summary(
        headline=_("Five traits, as percentiles in the simulated norm group"),
        means=_(
            "How the person describes themself on 50 public-domain IPIP statements, trait by "
            "trait, compared with a simulated group of 2,000. Middle percentiles are the "
            "most common."
        ),
        not_means=_(
            "No trait is good or bad, and there is no type and no pass mark. Self-descriptions "
            "can be coloured by the situation of applying. Use it to ask better interview "
            "questions, never to reject. The norm group is simulated, not real applicants."
        ),
        traits=traits,
    )
