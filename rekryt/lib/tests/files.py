"""Real, minimal documents built in memory for tests.

Every builder returns bytes that the real tools accept: `make_pdf` is a
hand-written PDF 1.4 with one page, a Helvetica text stream and a correct
cross-reference table (pypdf extracts the text); `make_docx` and `make_odt`
are the smallest archives Word/LibreOffice open. `make_zip` builds arbitrary
(hostile) archives, and `upload` wraps bytes as a browser upload.

    from rekryt.lib.tests.files import make_pdf, upload
    form_file = upload("CV.pdf", make_pdf("Anna Andersson\\nPython developer"))
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from django.core.files.uploadedfile import SimpleUploadedFile

PDF_TYPE = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT_TYPE = "application/vnd.oasis.opendocument.text"


def _pdf_string(line: str) -> bytes:
    """A PDF literal string in WinAnsi (cp1252) with (, ) and \\ escaped."""
    raw = line.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(text: str = "Curriculum vitae") -> bytes:
    """A one-page PDF showing `text` (one line per newline)."""
    lines = text.split("\n")
    stream = (
        b"BT /F1 12 Tf 14 TL 72 770 Td "
        + b" ".join(_pdf_string(line) + b" Tj T*" for line in lines)
        + b" ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref_at = out.tell()
    out.write(b"xref\n0 %d\n" % (len(objects) + 1))
    out.write(b"0000000000 65535 f \n")
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref_at)
    return out.getvalue()


def make_encrypted_pdf(text: str = "Secret CV", password: str = "secret") -> bytes:  # noqa: S107
    """`make_pdf` protected with a user password (RC4, needs no crypto library)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf(text))).pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password=password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_zip(entries: dict[str, bytes | str], stored: tuple[str, ...] = ()) -> bytes:
    """A ZIP archive with `entries` in order, deflated except the names in `stored`.

    Names are written as given, so tests can build hostile archives
    (`../evil`, absolute paths, backslashes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            method = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = method
            archive.writestr(info, data)
    return out.getvalue()


DOCX_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def docx_document_xml(text: str) -> str:
    """word/document.xml with one paragraph per line of `text`."""
    paragraphs = "".join(
        f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>" for line in text.split("\n")
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{paragraphs}</w:body></w:document>"
    )


def make_docx(text: str = "Curriculum vitae", document_xml: str | bytes | None = None) -> bytes:
    """A minimal Word document; pass `document_xml` to replace its main part."""
    return make_zip(
        {
            "[Content_Types].xml": DOCX_CONTENT_TYPES,
            "_rels/.rels": DOCX_RELS,
            "word/document.xml": document_xml
            if document_xml is not None
            else docx_document_xml(text),
        }
    )


ODT_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2">'
    f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{ODT_TYPE}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def odt_content_xml(text: str) -> str:
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in text.split("\n"))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<office:document-content "
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text>{paragraphs}</office:text></office:body>"
        "</office:document-content>"
    )


def make_odt(text: str = "Curriculum vitae", content_xml: str | bytes | None = None) -> bytes:
    """A minimal OpenDocument text; the `mimetype` entry comes first, stored."""
    return make_zip(
        {
            "mimetype": ODT_TYPE,
            "META-INF/manifest.xml": ODT_MANIFEST,
            "content.xml": content_xml if content_xml is not None else odt_content_xml(text),
        },
        stored=("mimetype",),
    )


def upload(
    name: str, content: bytes, content_type: str = "application/octet-stream"
) -> SimpleUploadedFile:
    """Bytes as the form would receive them; the declared type is never trusted."""
    return SimpleUploadedFile(name, content, content_type=content_type)
