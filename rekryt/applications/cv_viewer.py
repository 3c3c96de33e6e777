"""Reading a CV without downloading it: PDF pages rendered on the server
(rekryt.lib.pdfpages) and cached on disk by the file's SHA-256, DOCX and
ODT as their extracted text in paragraphs. Access is the download's rule
(`documents_visible_to`), checked on every page image."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from rekryt.candidates.models import Document, TextStatus
from rekryt.lib import pdfpages
from rekryt.lib.sniff import PDF


def _cache_dir(document: Document) -> Path:
    # The hash is of content the upload checks verified; it names no one.
    return Path(settings.DATA_DIR) / "pages" / document.sha256[:2] / document.sha256


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temporary = tempfile.mkstemp(dir=path.parent)
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(temporary, path)


def _data(document: Document) -> bytes:
    with document.file.open("rb") as handle:
        return bytes(handle.read())


def page_count(document: Document) -> int:
    """Pages to show (0 when the PDF cannot be read), cached after the first call."""
    cached = _cache_dir(document) / "pages"
    if cached.exists():
        return int(cached.read_text() or 0)
    try:
        count = pdfpages.page_count(_data(document))
    except (pdfpages.UnreadablePdf, OSError):
        count = 0
    _write(cached, str(count).encode())
    return count


def page_png(document: Document, index: int) -> bytes | None:
    """Page `index` as PNG, rendered once and then read from the cache."""
    if not 0 <= index < page_count(document):
        return None
    cached = _cache_dir(document) / f"{index}.png"
    if cached.exists():
        return cached.read_bytes()
    try:
        image = pdfpages.render_page(_data(document), index)
    except (pdfpages.UnreadablePdf, OSError):
        return None
    _write(cached, image)
    return image


@dataclass
class Shown:
    document: Document
    pages: int = 0
    paragraphs: list[str] | None = None
    pending: bool = False

    @property
    def page_numbers(self) -> range:
        return range(1, self.pages + 1)


def shown(document: Document | None) -> Shown | None:
    """What the application page shows of a document inline."""
    if document is None:
        return None
    if document.content_type == PDF:
        return Shown(document, pages=page_count(document))
    if document.text_status != TextStatus.DONE:
        return Shown(document, pending=True)
    paragraphs = [p.strip() for p in document.text.split("\n\n") if p.strip()]
    return Shown(document, paragraphs=paragraphs)
