"""PDF pages as PNG images, rendered on the server with PDFium (pypdfium2),
so a recruiter reads a CV in the page without downloading it and the
browser never opens the PDF itself: no script, form or link in the file
reaches the reader. Forms are not drawn and PDFium's JavaScript is never
initialised (no form environment is created).

The PNG is written here (zlib and struct) rather than through an imaging
library: an RGB bitmap needs nothing more."""

from __future__ import annotations

import struct
import zlib

import pypdfium2 as pdfium

MAX_PAGES = 30
# Pixels across a rendered page: sharp on a laptop, light on a phone.
WIDTH = 1000


class UnreadablePdf(Exception):
    pass


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UnreadablePdf(str(exc)) from exc


def page_count(data: bytes) -> int:
    pdf = _open(data)
    try:
        return min(len(pdf), MAX_PAGES)
    finally:
        pdf.close()


def render_page(data: bytes, index: int, width: int = WIDTH) -> bytes:
    """Page `index` (0-based) as a PNG `width` pixels wide."""
    pdf = _open(data)
    try:
        if not 0 <= index < min(len(pdf), MAX_PAGES):
            raise UnreadablePdf("no such page")
        page = pdf[index]
        page_width, _height = page.get_size()
        scale = width / page_width if page_width else 1.0
        bitmap = page.render(scale=min(scale, 4.0), rev_byteorder=True, may_draw_forms=False)
        return png(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride)
    finally:
        pdf.close()


def png(rgb: bytes, width: int, height: int, stride: int) -> bytes:
    """An 8-bit RGB PNG from rows of `stride` bytes."""
    rows = b"".join(b"\x00" + rgb[row * stride : row * stride + width * 3] for row in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 6))
        + chunk(b"IEND", b"")
    )
