"""The vendored subset of the JobTech taxonomy (taxonomy.json): concept ids
of occupations, municipalities and employment types that Platsbanken takes,
chosen in the job form and stored on the job.

It lives in `jobs` because the job form validates against it; `campaigns`
(above jobs) reads it for the Platsbanken export. It is a subset, not the
whole taxonomy: see the file's "coverage" note and docs/campaigns.md for
how to extend it from the JobTech taxonomy API."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

FILE = Path(__file__).with_name("taxonomy.json")
KINDS = ("occupation", "municipality", "employment_type")


@cache
def load() -> dict[str, Any]:
    return dict(json.loads(FILE.read_text(encoding="utf-8")))


@cache
def _labels(kind: str) -> dict[str, str]:
    return {c["id"]: c["label"] for c in load()[kind]}


def choices(kind: str) -> list[tuple[str, str]]:
    return sorted(_labels(kind).items(), key=lambda pair: pair[1])


def label(kind: str, concept_id: str) -> str:
    return _labels(kind).get(concept_id, "")


def is_known(kind: str, concept_id: str) -> bool:
    return concept_id in _labels(kind)
