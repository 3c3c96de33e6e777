"""The vendored subset of the JobTech taxonomy (taxonomy.json): concept ids
of occupations, municipalities and employment types that Platsbanken takes.

It is a subset, not the whole taxonomy: see the file's "coverage" note and
docs/campaigns.md for how to extend it from the JobTech taxonomy API."""

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


def choices(kind: str) -> list[tuple[str, str]]:
    return sorted(((c["id"], c["label"]) for c in load()[kind]), key=lambda pair: pair[1])


def label(kind: str, concept_id: str) -> str:
    return dict(choices(kind)).get(concept_id, "")
