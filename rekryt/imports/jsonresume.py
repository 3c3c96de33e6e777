"""A JSON Resume (https://jsonresume.org/schema) as one CSV row, so it goes
through the same mapping, checks, preview and worker import as a CSV file.
The summary, work, education and skills become a plain-text profile in
the note (which candidate search finds, rekryt.imports.index); the skills'
names become tags too."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from django.utils.translation import gettext_lazy as _

from rekryt.imports.parsing import MAX_BYTES, MAX_NOTE, FileRefused

HEADER = ["first name", "last name", "email", "phone", "linkedin", "tags", "note", "source"]


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _items(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _strings(value: Any) -> list[str]:
    return [_text(v) for v in value if _text(v)] if isinstance(value, list) else []


def profile(resume: dict[str, Any]) -> str:
    found = resume.get("basics")
    basics: dict[str, Any] = found if isinstance(found, dict) else {}
    lines = [_text(basics.get("label")), _text(basics.get("summary"))]
    for work in _items(resume.get("work")):
        period = "–".join(filter(None, [_text(work.get("startDate")), _text(work.get("endDate"))]))
        role = ", ".join(filter(None, [_text(work.get("position")), _text(work.get("name"))]))
        lines.append(" ".join(filter(None, [role, f"({period})" if period else ""])))
        lines.append(_text(work.get("summary")))
        lines.extend(_strings(work.get("highlights")))
    for school in _items(resume.get("education")):
        parts = [school.get("studyType"), school.get("area"), school.get("institution")]
        lines.append(", ".join(filter(None, map(_text, parts))))
    for skill in _items(resume.get("skills")):
        keywords = ", ".join(_strings(skill.get("keywords")))
        lines.append(": ".join(filter(None, [_text(skill.get("name")), keywords])))
    return "\n".join(line for line in lines if line)


def to_csv(data: bytes) -> bytes:
    if len(data) > MAX_BYTES:
        raise FileRefused(_("The file is larger than 10 MB."))
    try:
        resume = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise FileRefused(_("The file is not valid JSON.")) from error
    if not isinstance(resume, dict) or not isinstance(resume.get("basics"), dict):
        raise FileRefused(_("The file is not a JSON Resume: it has no basics."))
    basics = resume["basics"]
    first, _space, last = _text(basics.get("name")).partition(" ")
    links = [
        _text(p.get("url"))
        for p in _items(basics.get("profiles"))
        if _text(p.get("network")).lower() == "linkedin"
    ]
    skills = [_text(s.get("name")) for s in _items(resume.get("skills"))]
    row = [
        first,
        last,
        _text(basics.get("email")),
        _text(basics.get("phone")),
        links[0] if links else "",
        ", ".join(filter(None, skills)),
        profile(resume)[:MAX_NOTE],
        "JSON Resume",
    ]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerow(row)
    return out.getvalue().encode("utf-8")
