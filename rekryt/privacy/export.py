"""The registerutdrag: everything held about a candidate, as a ZIP.

- data.json: machine-readable, stable keys, ISO 8601 dates; one section per
  app that holds personal data (each app's `personal_data.export`);
- documents/: the files they sent, under generated names;
- README.txt: what each file is, in the candidate's language.

The ZIP is built in an anonymous temporary file outside DATA_DIR, streamed
and gone when the response is closed: no copy is kept."""

from __future__ import annotations

import json
import tempfile
import zipfile
from typing import IO, Any

from django.http import FileResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation

from rekryt.accounts.models import Organisation
from rekryt.candidates.models import Candidate, Document
from rekryt.candidates.personal_data import archive_name
from rekryt.lib.appmodules import app_modules

FORMAT = "rekryt-personal-data"
VERSION = 1


def collect(candidate: Candidate) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "organisation": Organisation.get().name,
    }
    for module in app_modules("personal_data"):
        data.update(module.export(candidate))
    return data


def write_zip(candidate: Candidate, target: IO[bytes]) -> None:
    data = collect(candidate)
    with translation.override(candidate.language or "sv"):
        readme = render_to_string(
            "privacy/rights/export_readme.txt",
            {"candidate": candidate, "data": data, "organisation": Organisation.get()},
        )
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme)
        archive.writestr(
            "data.json", json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
        )
        files = [
            (archive_name(document), document.file)
            for document in Document.objects.filter(candidate=candidate).order_by("pk")
        ]
        # Apps with files of their own (interview recordings) name them in
        # an optional `personal_data.export_files(candidate)`.
        for module in app_modules("personal_data"):
            files += getattr(module, "export_files", lambda _candidate: [])(candidate)
        for name, stored in files:
            try:
                with stored.open("rb") as handle:
                    archive.writestr(name, handle.read())
            except FileNotFoundError:
                continue


def filename_for(candidate: Candidate) -> str:
    return f"personal-data-{timezone.localdate():%Y-%m-%d}.zip"


def export_response(candidate: Candidate) -> FileResponse:
    """Stream the ZIP; the temporary file has no name on disk and is gone
    when the response closes it."""
    handle = tempfile.TemporaryFile()  # noqa: SIM115 (closed by FileResponse)
    write_zip(candidate, handle)
    handle.seek(0)
    response = FileResponse(
        handle, as_attachment=True, filename=filename_for(candidate), content_type="application/zip"
    )
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
