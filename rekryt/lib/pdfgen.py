"""A tiny PDF writer with no dependencies, for demo CVs and test files.

It writes real, text-extractable PDF 1.4: A4 pages, the standard Helvetica
fonts (no embedding needed) in WinAnsi encoding so Swedish letters survive,
simple word wrapping and automatic page breaks. Characters outside
Windows-1252 become "?"."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56
# Helvetica's average glyph is about half an em wide; 0.5 keeps most lines
# inside the margin without a width table.
AVERAGE_WIDTH = 0.5
STYLES = {"h1": ("F2", 20), "h2": ("F2", 13), "p": ("F1", 10.5)}


@dataclass(frozen=True)
class Block:
    text: str
    style: str = "p"  # "h1", "h2" or "p"


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def wrap(text: str, size: float) -> list[str]:
    limit = max(10, int((PAGE_WIDTH - 2 * MARGIN) / (size * AVERAGE_WIDTH)))
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if len(candidate) > limit and line:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def _pages(blocks: Iterable[Block]) -> list[bytes]:
    """Lay the blocks out into one content stream per page."""
    pages: list[bytes] = []
    ops: list[bytes] = []
    y: float = PAGE_HEIGHT - MARGIN
    for block in blocks:
        font, size = STYLES.get(block.style, STYLES["p"])
        leading = size * 1.35
        gap = size * 0.8 if block.style != "p" else size * 0.4
        for line in wrap(block.text, size):
            if y - leading < MARGIN:
                pages.append(b"\n".join(ops))
                ops, y = [], PAGE_HEIGHT - MARGIN
            y -= leading
            ops.append(
                b"BT /%s %.1f Tf %d %.1f Td (%s) Tj ET"
                % (font.encode(), size, MARGIN, y, _escape(line))
            )
        y -= gap
    pages.append(b"\n".join(ops))
    return pages


def build_pdf(blocks: Iterable[Block], title: str = "") -> bytes:
    """Return the bytes of a PDF showing `blocks` top to bottom."""
    contents = _pages(blocks)
    n = len(contents)
    # Objects: 1 catalog, 2 pages, 3-4 fonts, 5 info, then (page, content) pairs.
    kids = b" ".join(b"%d 0 R" % (6 + 2 * i) for i in range(n))
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Title (%s) /Producer (Rekryt) >>" % _escape(title),
    ]
    for i, stream in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>"
            % (PAGE_WIDTH, PAGE_HEIGHT, 7 + 2 * i)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def text_pdf(text: str, title: str = "") -> bytes:
    """A PDF of plain text: one paragraph per line."""
    return build_pdf([Block(line) for line in text.splitlines()], title=title)
