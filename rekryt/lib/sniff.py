"""Decide what an uploaded document really is, from its content alone.

Uploads are hostile until proven otherwise. The name and the type the browser
sent are never trusted: a PDF starts with `%PDF-` and must open in pypdf with
at least one page; a DOCX or ODT is a ZIP whose entries are counted, sized and
path-checked before its main XML part is read (size-capped) and parsed with
no DTD allowed at all, so neither zip bombs nor XML external entities get
through. Anything else is refused with a message a candidate understands.
"""

from __future__ import annotations

import hashlib
import logging
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import IO, Any

import defusedxml.ElementTree as DefusedET
from django.conf import settings
from django.utils.translation import gettext as _

from rekryt.lib.middleware import too_large_message

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
EXTENSIONS = {PDF: "pdf", DOCX: "docx", ODT: "odt"}

MAX_ENTRIES = 1000
MAX_TOTAL_UNCOMPRESSED = 100 * 1024 * 1024
MAX_RATIO = 100
# Small entries cannot hurt whatever their ratio (a run of spaces in a style
# sheet compresses very well), so the ratio is only judged above this size.
RATIO_FLOOR = 1024 * 1024
MAX_XML_BYTES = 20 * 1024 * 1024
MAX_NAME_LENGTH = 120

# Removed from names: control characters, line separators and format
# characters, which include the bidi overrides that make "cv\u202efdp.exe"
# read as "cvexe.pdf".
UNSAFE_NAME_CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}

logger = logging.getLogger(__name__)


class RejectedFile(Exception):
    """The file is not an acceptable document; `message` is for the uploader."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Checked:
    content_type: str
    size: int
    sha256: str
    original_name: str


def check_document(uploaded: Any) -> Checked:
    """Return what `uploaded` is, or raise RejectedFile.

    `uploaded` is any Django File (an UploadedFile, a stored FieldFile)."""
    size = uploaded.size
    if not size:
        raise RejectedFile(_("The file is empty."))
    if size > settings.UPLOAD_MAX_BYTES:
        raise RejectedFile(too_large_message())
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        content_type = _check_pdf(uploaded)
    elif head.startswith(b"PK\x03\x04"):
        content_type = _check_archive(uploaded)
    else:
        raise RejectedFile(
            _("This file is not a PDF, Word (.docx) or OpenDocument (.odt) document.")
        )
    uploaded.seek(0)
    return Checked(
        content_type=content_type,
        size=size,
        sha256=_sha256(uploaded),
        original_name=display_name(getattr(uploaded, "name", "") or "", content_type),
    )


def _sha256(handle: IO[bytes]) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(64 * 1024), b""):
        digest.update(chunk)
    handle.seek(0)
    return digest.hexdigest()


def _check_pdf(handle: IO[bytes]) -> str:
    from pypdf import PdfReader

    unreadable = _("This file looks like a PDF but cannot be read. Please save it again.")
    try:
        reader = PdfReader(handle)
        encrypted = reader.is_encrypted
        pages = 0 if encrypted else len(reader.pages)
    except Exception as exc:  # any parser failure means "not a readable PDF"
        logger.info("Refused PDF: %s", exc.__class__.__name__)
        raise RejectedFile(unreadable) from None
    if encrypted:
        raise RejectedFile(
            _("This PDF is password protected. Please upload a copy without a password.")
        )
    if pages < 1:
        raise RejectedFile(unreadable)
    return PDF


def _check_archive(handle: IO[bytes]) -> str:
    unreadable = _("This file looks like a Word or OpenDocument file but cannot be read.")
    try:
        with zipfile.ZipFile(handle) as archive:
            _check_entries(archive.infolist())
            content_type, main_part = _identify(archive)
            _check_xml(_read_capped(archive, main_part))
    except RejectedFile:
        raise
    except Exception as exc:  # a broken archive, a bad CRC, an unknown method…
        logger.info("Refused archive: %s", exc.__class__.__name__)
        raise RejectedFile(unreadable) from None
    return content_type


def _check_entries(entries: list[zipfile.ZipInfo]) -> None:
    unsafe = _("This file contains something unsafe and cannot be accepted.")
    if len(entries) > MAX_ENTRIES:
        raise RejectedFile(unsafe)
    total = 0
    for entry in entries:
        name = entry.filename
        parts = name.split("/")
        if name.startswith("/") or "\\" in name or ".." in parts or ":" in parts[0]:
            raise RejectedFile(unsafe)
        if entry.flag_bits & 0x1:  # encrypted entry
            raise RejectedFile(
                _("This file is password protected. Please upload a copy without a password.")
            )
        total += entry.file_size
        if total > MAX_TOTAL_UNCOMPRESSED:
            raise RejectedFile(unsafe)
        if entry.file_size > RATIO_FLOOR and (
            entry.compress_size == 0 or entry.file_size / entry.compress_size > MAX_RATIO
        ):
            raise RejectedFile(unsafe)


def _identify(archive: zipfile.ZipFile) -> tuple[str, str]:
    names = set(archive.namelist())
    if "[Content_Types].xml" in names and "word/document.xml" in names:
        return DOCX, "word/document.xml"
    if "mimetype" in names and "content.xml" in names:
        mimetype = _read_capped(archive, "mimetype", limit=200)
        if mimetype.strip() == ODT.encode():
            return ODT, "content.xml"
    raise RejectedFile(_("This file is not a PDF, Word (.docx) or OpenDocument (.odt) document."))


def _read_capped(archive: zipfile.ZipFile, name: str, limit: int = MAX_XML_BYTES) -> bytes:
    """Read one entry, stopping at `limit` however large it claims to be."""
    if archive.getinfo(name).file_size > limit:
        raise RejectedFile(_("This document is too large or complex to accept."))
    with archive.open(name) as entry:
        data = entry.read(limit + 1)
    if len(data) > limit:
        raise RejectedFile(_("This document is too large or complex to accept."))
    return data


def _check_xml(data: bytes) -> None:
    """Parse the XML with no DTD at all: entity tricks are refused, not resolved.

    The bytes are decoded here and the parser gets the text, so the check and
    the parse see the same characters whatever encoding the XML declares."""
    unsafe = _("This file contains something unsafe and cannot be accepted.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RejectedFile(
            _("This file looks like a Word or OpenDocument file but cannot be read.")
        ) from None
    upper = text.upper()
    if "<!DOCTYPE" in upper or "<!ENTITY" in upper:
        raise RejectedFile(unsafe)
    # Belt and braces: the check above, then a parser that refuses DTDs itself.
    DefusedET.fromstring(text, forbid_dtd=True)


def display_name(name: str, content_type: str) -> str:
    """The uploader's file name made safe to show: no path, no control or bidi
    characters, a sane length, and the extension of what the file really is."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(ch for ch in base if unicodedata.category(ch) not in UNSAFE_NAME_CATEGORIES)
    base = " ".join(base.split()).strip(" .")
    extension = EXTENSIONS.get(content_type, "bin")
    stem, dot, ext = base.rpartition(".")
    if not dot or ext.lower() != extension:
        stem = base
    stem = stem[: MAX_NAME_LENGTH - len(extension) - 1].rstrip(" .")
    return f"{stem or _('document')}.{extension}"
