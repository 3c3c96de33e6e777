"""check_document decides by content and refuses every hostile shape we know."""

import hashlib
import io
import struct

import pytest

from rekryt.candidates.models import Document
from rekryt.lib import sniff
from rekryt.lib.sniff import RejectedFile, check_document, display_name
from rekryt.lib.tests.files import (
    DOCX_CONTENT_TYPES,
    docx_document_xml,
    make_docx,
    make_encrypted_pdf,
    make_odt,
    make_pdf,
    make_zip,
    upload,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100
HTML = b"<!doctype html><script>alert(1)</script>"
XXE = (
    '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)


def rejected(data: bytes, name: str = "cv.pdf") -> str:
    with pytest.raises(RejectedFile) as info:
        check_document(upload(name, data))
    return info.value.message


def extension_of(content_type: str) -> str:
    return Document(content_type=content_type).extension


def test_it_accepts_a_pdf_by_content():
    checked = check_document(upload("cv.pdf", make_pdf("Anna")))
    assert checked.content_type == sniff.PDF
    assert extension_of(checked.content_type) == "pdf"


def test_it_accepts_a_docx_by_content():
    checked = check_document(upload("cv.docx", make_docx("Anna")))
    assert extension_of(checked.content_type) == "docx"


def test_it_accepts_an_odt_by_content():
    checked = check_document(upload("cv.odt", make_odt("Anna")))
    assert extension_of(checked.content_type) == "odt"


def test_it_ignores_the_name_and_browser_type_when_the_content_is_good():
    file = upload("cv.pdf", make_docx("Anna"), content_type="application/pdf")
    checked = check_document(file)
    assert checked.content_type == sniff.DOCX
    assert checked.original_name == "cv.pdf.docx"


def test_it_computes_size_and_sha256():
    data = make_pdf("Anna")
    checked = check_document(upload("cv.pdf", data))
    assert checked.size == len(data)
    assert checked.sha256 == hashlib.sha256(data).hexdigest()


def test_it_leaves_the_file_rewound_for_storing():
    file = upload("cv.pdf", make_pdf("Anna"))
    check_document(file)
    assert file.tell() == 0


@pytest.mark.parametrize(
    "content", [PNG, EXE, HTML, b"plain text CV"], ids=["png", "exe", "html", "text"]
)
def test_it_refuses_a_pdf_name_with_other_content(content):
    assert "not a PDF, Word" in rejected(content, "cv.pdf")


def test_it_refuses_an_empty_file():
    assert "empty" in rejected(b"")


def test_it_refuses_a_file_over_the_size_cap(settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    assert "larger than 1 MB" in rejected(make_pdf("x") + b" " * (1024 * 1024))


def test_it_refuses_a_pdf_with_garbage_after_the_header():
    assert "cannot be read" in rejected(b"%PDF-1.7\n" + bytes(range(256)) * 40)


def test_it_refuses_a_truncated_pdf():
    assert "cannot be read" in rejected(make_pdf("Anna")[:200])


def test_it_refuses_a_pdf_without_pages():
    data = make_pdf("x").replace(b"/Kids [3 0 R] /Count 1", b"/Kids [] /Count 0     ")
    assert "cannot be read" in rejected(data)


def test_it_refuses_an_encrypted_pdf_with_a_clear_message():
    assert "password protected" in rejected(make_encrypted_pdf())


def test_it_refuses_a_docx_zip_bomb_by_compression_ratio():
    bomb = make_docx(document_xml=b"<a>" + b" " * (8 * 1024 * 1024) + b"</a>")
    assert "unsafe" in rejected(bomb, "cv.docx")


def test_it_refuses_an_archive_declaring_a_huge_uncompressed_size():
    data = bytearray(make_docx("Anna"))
    # Rewrite the central directory's uncompressed size of every entry to 4 GB.
    at = data.find(b"PK\x01\x02")
    while at != -1:
        data[at + 24 : at + 28] = struct.pack("<I", 0xFFFFFFFF)
        at = data.find(b"PK\x01\x02", at + 4)
    assert "unsafe" in rejected(bytes(data), "cv.docx")


def test_it_refuses_an_archive_over_the_total_size(monkeypatch):
    monkeypatch.setattr(sniff, "MAX_TOTAL_UNCOMPRESSED", 500)
    assert "unsafe" in rejected(make_docx("Anna " * 200), "cv.docx")


def test_it_refuses_an_archive_with_too_many_entries():
    entries = {f"word/media/{n}.txt": b"x" for n in range(1001)}
    data = make_zip(
        {
            "[Content_Types].xml": DOCX_CONTENT_TYPES,
            "word/document.xml": docx_document_xml("x"),
            **entries,
        }
    )
    assert "unsafe" in rejected(data, "cv.docx")


@pytest.mark.parametrize(
    "path", ["../evil", "word/../../evil", "/etc/cron.d/evil", "word\\..\\evil", "C:/evil"]
)
def test_it_refuses_an_archive_with_an_unsafe_path(path):
    data = make_zip(
        {
            "[Content_Types].xml": DOCX_CONTENT_TYPES,
            "word/document.xml": docx_document_xml("x"),
            path: b"owned",
        }
    )
    assert "unsafe" in rejected(data, "cv.docx")


def test_it_refuses_a_docx_with_an_external_entity():
    assert "unsafe" in rejected(make_docx(document_xml=XXE), "cv.docx")


def test_it_refuses_an_odt_with_an_entity_expansion_bomb():
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        "<office:document-content>&lol2;</office:document-content>"
    )
    assert "unsafe" in rejected(make_odt(content_xml=laughs), "cv.odt")


def test_it_refuses_an_external_entity_hidden_in_utf16():
    assert "cannot be read" in rejected(make_docx(document_xml=XXE.encode("utf-16")), "cv.docx")


def test_it_refuses_a_docx_whose_xml_is_not_well_formed():
    assert "cannot be read" in rejected(make_docx(document_xml="<w:document><oops>"), "cv.docx")


def test_it_refuses_an_odt_with_another_mimetype():
    data = make_zip(
        {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<a/>"},
        stored=("mimetype",),
    )
    assert "not a PDF, Word" in rejected(data, "cv.odt")


def test_it_refuses_a_zip_that_is_no_document():
    assert "not a PDF, Word" in rejected(make_zip({"readme.txt": "hello"}), "cv.docx")


def test_it_refuses_a_broken_zip():
    assert "cannot be read" in rejected(b"PK\x03\x04" + b"\x00" * 200, "cv.docx")


def test_it_refuses_a_zip_with_a_bad_crc():
    data = bytearray(
        make_zip(
            {
                "[Content_Types].xml": DOCX_CONTENT_TYPES,
                "word/document.xml": docx_document_xml("x"),
            },
            stored=("word/document.xml",),
        )
    )
    at = data.find(b"<w:body>")
    data[at + 1 : at + 2] = b"W"  # stored bytes changed: CRC no longer matches
    assert "cannot be read" in rejected(bytes(data), "cv.docx")


def test_it_refuses_an_encrypted_zip_entry():
    data = bytearray(make_docx("x"))
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at != -1:
            data[at + flags_at] |= 0x1
            at = data.find(signature, at + 4)
    assert "password protected" in rejected(bytes(data), "cv.docx")


def test_display_name_strips_paths_and_keeps_the_base_name():
    assert display_name("C:\\Users\\anna\\CV.pdf", sniff.PDF) == "CV.pdf"
    assert display_name("../../etc/CV.pdf", sniff.PDF) == "CV.pdf"


def test_display_name_removes_control_and_bidi_characters():
    assert display_name("cv\u202efdp.exe", sniff.PDF) == "cvfdp.exe.pdf"
    assert display_name("my\x00cv\r\n.pdf", sniff.PDF) == "mycv.pdf"


def test_display_name_limits_the_length_and_keeps_the_real_extension():
    name = display_name("a" * 500 + ".docx", sniff.DOCX)
    assert len(name) == sniff.MAX_NAME_LENGTH
    assert name.endswith(".docx")


def test_display_name_falls_back_when_nothing_is_left():
    assert display_name("\u202e\u202e", sniff.ODT) == "document.odt"


def test_a_document_stored_by_name_only_is_checked_from_its_bytes():
    handle = io.BytesIO(make_odt("x"))
    handle.name = "anything"
    handle.size = len(handle.getvalue())
    assert check_document(handle).content_type == sniff.ODT
