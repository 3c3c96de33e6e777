"""Text extraction from uploaded CVs and letters (PDF, DOCX, ODT).

Uploads are hostile until proven otherwise. `extract_limited` parses in a
fresh child process (this module run with `python -m`) with a memory cap and
a wall-clock timeout, so a PDF that makes the parser loop or a zip bomb that
slips past the checks cannot hang or exhaust the worker. Archives are checked
before anything is decompressed, and XML with a DOCTYPE or entity
declarations is refused before it is parsed (that is how XXE and "billion
laughs" files work).

This module imports no Django code: the child process starts quickly and
touches no database connection."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml.ElementTree import DefusedXMLParser

ROOT = Path(__file__).resolve().parents[2]  # where `rekryt` can be imported from
TIMEOUT_SECONDS = 30.0
MEMORY_LIMIT_BYTES = 512 * 1024 * 1024
MAX_PAGES = 50
MAX_CHARS = 200_000

# Archive limits: the same as the upload checks in rekryt.lib.sniff, checked
# again here because a stored file may predate them or come from elsewhere.
MAX_ENTRIES = 1000
MAX_TOTAL_UNCOMPRESSED = 100 * 1024 * 1024
MAX_ENTRY_UNCOMPRESSED = 20 * 1024 * 1024  # the main XML part we read
MAX_RATIO = 100  # per entry and overall, judged above RATIO_FLOOR only
RATIO_FLOOR = 1024 * 1024

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


class ExtractionError(Exception):
    """The text could not be extracted this time (a broken file, a timeout)."""


class RefusedDocument(ExtractionError):
    """The file is unsafe or unsupported: trying again cannot help."""


# --- Cleaning ---------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\xa0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """NUL and other control characters (and bidi overrides) removed, runs of
    spaces and blank lines collapsed, capped at MAX_CHARS."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = _CONTROL.sub("", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()[:MAX_CHARS]


# --- PDF ---------------------------------------------------------------------


def pdf_text(data: bytes) -> str:
    import pypdf
    from pypdf.errors import PdfReadError

    if b"%PDF-" not in data[:1024]:
        raise RefusedDocument("not a PDF file")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise RefusedDocument("the PDF is password protected")
        parts: list[str] = []
        size = 0
        for page in reader.pages[:MAX_PAGES]:
            text = page.extract_text() or ""
            parts.append(text)
            size += len(text)
            if size >= MAX_CHARS:
                break
    except PdfReadError as exc:
        raise ExtractionError(f"unreadable PDF: {str(exc)[:100]}") from exc
    return "\n\n".join(parts)


# --- Archives ----------------------------------------------------------------


def check_archive(archive: zipfile.ZipFile) -> None:
    """Refuse zip bombs and path tricks before decompressing anything."""
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise RefusedDocument("too many files in the archive")
    total = compressed = 0
    for info in entries:
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in re.split(r"[/\\]", name) or ":" in name:
            raise RefusedDocument("unsafe path in the archive")
        if info.flag_bits & 0x1:
            raise RefusedDocument("the archive is password protected")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise RefusedDocument("the archive is compressed suspiciously well (zip bomb?)")
        total += info.file_size
        compressed += info.compress_size
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise RefusedDocument("the archive unpacks too large")
    if total > RATIO_FLOOR and total > MAX_RATIO * max(compressed, 1):
        raise RefusedDocument("the archive is compressed suspiciously well (zip bomb?)")


def read_member(data: bytes, name: str) -> bytes:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise RefusedDocument("not a valid document archive") from exc
    with archive:
        check_archive(archive)
        try:
            info = archive.getinfo(name)
        except KeyError:
            raise RefusedDocument(f"the archive has no {name}") from None
        if info.file_size > MAX_ENTRY_UNCOMPRESSED:
            raise RefusedDocument("the document is too large")
        try:
            with archive.open(info) as member:
                # The declared size was checked; never read past it anyway.
                return member.read(MAX_ENTRY_UNCOMPRESSED + 1)
        except (zipfile.BadZipFile, NotImplementedError, EOFError, ValueError) as exc:
            raise ExtractionError(f"damaged archive: {type(exc).__name__}") from exc


# --- XML ---------------------------------------------------------------------


def safe_xml_text(raw: bytes) -> str:
    """Decode XML as UTF-8 (what Word and LibreOffice write) and refuse any
    DTD or entity declaration. The decoded text is what gets parsed, so no
    other declared encoding can hide a declaration from this check."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RefusedDocument("the document XML is not UTF-8") from None
    upper = text.upper()
    if "<!DOCTYPE" in upper or "<!ENTITY" in upper:
        raise RefusedDocument("the document XML declares a DTD or entities")
    return text


class _Full(Exception):
    pass


class _Collector:
    """Streaming parser target: keeps text in paragraphs, no tree in memory,
    no recursion however deep the nesting."""

    def __init__(self, paragraph: set[str], text: set[str], on_start: Callable[..., str]):
        self.paragraph, self.text, self.on_start = paragraph, text, on_start
        self.parts: list[str] = []
        self.size = 0
        self.depth = 0  # inside an element whose character data is text

    def _add(self, value: str) -> None:
        if value:
            self.parts.append(value)
            self.size += len(value)
            if self.size > MAX_CHARS:
                raise _Full

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag in self.text:
            self.depth += 1
        self._add(self.on_start(tag, attrs))

    def end(self, tag: str) -> None:
        if tag in self.text:
            self.depth -= 1
        if tag in self.paragraph:
            self._add("\n")

    def data(self, value: str) -> None:
        if self.depth > 0:
            self._add(value)

    def close(self) -> str:
        return "".join(self.parts)


def _parse(text: str, collector: _Collector) -> str:
    # safe_xml_text refused DTDs and entities already; the parser refuses them too.
    parser = DefusedXMLParser(target=collector, forbid_dtd=True)
    try:
        parser.feed(text)
        parser.close()
    except _Full:
        pass
    except ParseError as exc:
        raise ExtractionError("damaged document XML") from exc
    return "".join(collector.parts)


def _docx_start(tag: str, attrs: dict[str, str]) -> str:
    if tag == W + "tab":
        return "\t"
    if tag in (W + "br", W + "cr"):
        return "\n"
    return ""


def docx_text(data: bytes) -> str:
    xml = safe_xml_text(read_member(data, "word/document.xml"))
    collector = _Collector({W + "p"}, {W + "t"}, _docx_start)
    return _parse(xml, collector)


def _odt_start(tag: str, attrs: dict[str, str]) -> str:
    if tag == TEXT + "s":
        try:
            count = int(attrs.get(TEXT + "c", "1"))
        except ValueError:
            count = 1
        return " " * min(max(count, 1), 100)
    if tag == TEXT + "tab":
        return "\t"
    if tag == TEXT + "line-break":
        return "\n"
    return ""


def odt_text(data: bytes) -> str:
    xml = safe_xml_text(read_member(data, "content.xml"))
    blocks = {TEXT + "p", TEXT + "h"}
    # Spans and links sit inside paragraphs, so the paragraph depth covers them.
    collector = _Collector(blocks, blocks, _odt_start)
    return _parse(xml, collector)


# --- Entry points ------------------------------------------------------------

EXTRACTORS: dict[str, Callable[[bytes], str]] = {
    "pdf": pdf_text,
    "docx": docx_text,
    "odt": odt_text,
}


def extract_text(data: bytes, kind: str) -> str:
    """Extract and clean the text of a file in this process (no limits)."""
    extractor = EXTRACTORS.get(kind)
    if extractor is None:
        raise RefusedDocument("unsupported file type")
    return clean_text(extractor(data))


def extract_limited(data: bytes, kind: str, timeout: float | None = None) -> str:
    """Extract text in a child process with a timeout and a memory cap.

    Raises RefusedDocument for unsafe or unsupported files and ExtractionError
    for everything else that went wrong (the worker may try again)."""
    if kind not in EXTRACTORS:
        raise RefusedDocument("unsupported file type")
    timeout = TIMEOUT_SECONDS if timeout is None else timeout
    # A fresh interpreter rather than a fork: it shares no database connection
    # or thread with the worker, and gets none of its secrets in the environment.
    command = [
        sys.executable,
        "-E",
        "-s",
        "-m",
        __name__,
        kind,
        str(MEMORY_LIMIT_BYTES),
        str(int(timeout) + 5),
    ]
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}
    try:
        done = subprocess.run(  # noqa: S603 (fixed argv, no shell)
            command, input=data, capture_output=True, timeout=timeout, cwd=ROOT, env=env
        )
    except subprocess.TimeoutExpired:
        raise ExtractionError(f"timed out after {timeout:g} s") from None
    try:
        result = json.loads(done.stdout)
        status, detail = result["status"], result["detail"]
    except (ValueError, KeyError, TypeError):
        # Killed by the memory or CPU limit, or crashed before answering.
        last = (done.stderr.decode(errors="replace").strip().splitlines() or [""])[-1]
        detail = f"the extractor stopped (exit code {done.returncode}) {last[:120]}"
        raise ExtractionError(detail.strip()) from None
    if status == "ok":
        return str(detail)
    if status == "refused":
        raise RefusedDocument(detail)
    raise ExtractionError(detail)


def _run_child(kind: str, memory: int, cpu_seconds: int) -> dict[str, str]:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
    logging.disable(logging.CRITICAL)  # pypdf warns loudly about odd files
    data = sys.stdin.buffer.read()
    try:
        return {"status": "ok", "detail": extract_text(data, kind)}
    except RefusedDocument as exc:
        return {"status": "refused", "detail": str(exc)}
    except MemoryError:
        return {"status": "error", "detail": "ran out of memory"}
    except RecursionError:
        return {"status": "error", "detail": "the document is nested too deeply"}
    except ExtractionError as exc:
        return {"status": "error", "detail": str(exc)}
    except Exception as exc:
        return {"status": "error", "detail": f"unreadable file ({type(exc).__name__})"}


if __name__ == "__main__":
    answer = _run_child(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
    sys.stdout.buffer.write(json.dumps(answer).encode())
