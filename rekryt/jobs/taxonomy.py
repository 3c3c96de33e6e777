"""The vendored JobTech taxonomy (taxonomy.json): concept ids of
occupations, municipalities and employment types that Platsbanken takes,
chosen in the job form and stored on the job.

It lives in `jobs` because the job form validates against it; `campaigns`
(above jobs) reads it for the Platsbanken export. Municipalities (all 290,
by county) and employment types are complete; occupations are the most
advertised, and any other occupation-name id may be typed in the job form
(checked for the shape of a concept id). See the file's "coverage" note and
docs/campaigns.md."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

FILE = Path(__file__).with_name("taxonomy.json")
KINDS = ("occupation", "municipality", "employment_type")
# A JobTech concept id: three groups of letters and digits, as `AvNB_uwa_6n6`.
CONCEPT_ID = re.compile(r"[A-Za-z0-9]{4}_[A-Za-z0-9]{3}_[A-Za-z0-9]{3}")


@cache
def load() -> dict[str, Any]:
    return dict(json.loads(FILE.read_text(encoding="utf-8")))


@cache
def _labels(kind: str) -> dict[str, str]:
    return {c["id"]: c["label"] for c in load()[kind]}


def choices(kind: str) -> list[tuple[str, str]]:
    return sorted(_labels(kind).items(), key=lambda pair: pair[1])


def grouped_choices(kind: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Choices in <optgroup>s by county (municipalities), counties and their
    municipalities in alphabetical order."""
    counties: dict[str, list[tuple[str, str]]] = {}
    for concept in sorted(load()[kind], key=lambda c: (c["county"], c["label"])):
        counties.setdefault(concept["county"], []).append((concept["id"], concept["label"]))
    return list(counties.items())


def label(kind: str, concept_id: str) -> str:
    """The concept's name; an occupation id typed in (not vendored) shows as
    itself, anything else unknown as nothing."""
    found = _labels(kind).get(concept_id, "")
    return found or (concept_id if is_usable(kind, concept_id) else "")


def is_known(kind: str, concept_id: str) -> bool:
    return concept_id in _labels(kind)


def looks_like_id(value: str) -> bool:
    return CONCEPT_ID.fullmatch(value) is not None


def is_usable(kind: str, concept_id: str) -> bool:
    """What Platsbanken can take: a vendored id, or for an occupation (whose
    list is not complete here) an id typed in the job form."""
    if kind == "occupation":
        return is_known(kind, concept_id) or looks_like_id(concept_id)
    return is_known(kind, concept_id)
