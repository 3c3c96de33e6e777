"""The shared test documents are real documents, not look-alikes."""

import io
import zipfile
from xml.etree import ElementTree

from pypdf import PdfReader

from rekryt.lib.tests.files import ODT_TYPE, make_docx, make_encrypted_pdf, make_odt, make_pdf


def test_it_builds_a_pdf_whose_text_pypdf_extracts():
    reader = PdfReader(io.BytesIO(make_pdf("Anna Åkesson\nPython (backend) developer")))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Anna Åkesson" in text
    assert "Python (backend) developer" in text


def test_it_builds_a_pdf_with_a_correct_xref_table():
    data = make_pdf("x")
    startxref = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert data[startxref:].startswith(b"xref\n0 6\n")
    # Each entry points at the start of its object.
    entries = data[startxref:].split(b"\n")[3:8]
    for number, entry in enumerate(entries, start=1):
        offset = int(entry[:10])
        assert data[offset:].startswith(b"%d 0 obj" % number)


def test_it_builds_an_encrypted_pdf():
    assert PdfReader(io.BytesIO(make_encrypted_pdf())).is_encrypted


def test_it_builds_a_docx_with_the_parts_word_needs():
    with zipfile.ZipFile(io.BytesIO(make_docx("Hej\nDå"))) as archive:
        assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml"} <= set(
            archive.namelist()
        )
        root = ElementTree.fromstring(archive.read("word/document.xml"))  # noqa: S314 (our own XML)
    texts = [
        t.text for t in root.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")
    ]
    assert texts == ["Hej", "Då"]


def test_it_builds_an_odt_with_its_mimetype_first_and_stored():
    with zipfile.ZipFile(io.BytesIO(make_odt("Hej"))) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == ODT_TYPE.encode()
        assert b"<text:p>Hej</text:p>" in archive.read("content.xml")
