"""Text extraction from real PDF, DOCX and ODT files, and the refusal of
hostile ones. Most tests go through the child process, as the worker does."""

from __future__ import annotations

import io
import zipfile

import pytest

from rekryt.candidates import extract
from rekryt.lib.pdfgen import Block, build_pdf, text_pdf

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT_TYPE = "application/vnd.oasis.opendocument.text"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

XXE_DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>Hello &xxe;</w:t></w:r></w:p>'
    "</w:body></w:document>"
)


def zip_bytes(entries: dict[str, bytes | str], stored: tuple[str, ...] = ()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            method = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=method)
    return buffer.getvalue()


def docx_bytes(body: str = "", document_xml: str | bytes | None = None) -> bytes:
    """A minimal but valid Word document whose body is `body` (WordprocessingML)."""
    if document_xml is None:
        document_xml = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
        )
    return zip_bytes(
        {
            "[Content_Types].xml": (
                '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
                'openxmlformats.org/package/2006/content-types"><Default Extension="xml" '
                f'ContentType="{DOCX_TYPE}.main+xml"/></Types>'
            ),
            "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships/>',
            "word/document.xml": document_xml,
        }
    )


def docx_paragraphs(*paragraphs: str) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return docx_bytes(body)


def odt_bytes(body: str, prolog: str = "") -> bytes:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )
    return zip_bytes(
        {
            "mimetype": ODT_TYPE,
            "META-INF/manifest.xml": '<?xml version="1.0" encoding="UTF-8"?><manifest/>',
            "content.xml": content,
        },
        stored=("mimetype",),
    )


def test_it_extracts_text_from_a_pdf() -> None:
    pdf = build_pdf([Block("Åsa Öberg", "h1"), Block("Truckkort A+B, WMS och plock.")])
    text = extract.extract_limited(pdf, "pdf")
    assert "Åsa Öberg" in text
    assert "Truckkort A+B, WMS och plock." in text


def test_it_reads_at_most_the_page_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract, "MAX_PAGES", 2)
    pages = [Block(f"page{n} " + "filler line\n" * 80) for n in range(1, 4)]
    text = extract.extract_text(build_pdf(pages), "pdf")
    assert "page1" in text
    assert "page3" not in text


def test_it_extracts_paragraphs_tabs_and_breaks_from_docx() -> None:
    body = (
        "<w:p><w:r><w:t>Erik</w:t></w:r><w:r><w:t xml:space='preserve'> Lind</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Name</w:t><w:tab/><w:t>Title</w:t><w:br/><w:t>Second line</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Kotlin in a table</w:t></w:r></w:p></w:tc></w:tr>"
        "</w:tbl>"
    )
    text = extract.extract_limited(docx_bytes(body), "docx")
    assert text.splitlines() == ["Erik Lind", "Name Title", "Second line", "Kotlin in a table"]


def test_it_extracts_headings_spans_and_spaces_from_odt() -> None:
    body = (
        '<text:h text:outline-level="1">Jonas <text:span>Berg</text:span></text:h>'
        "<text:p>Lager<text:s text:c='3'/>och<text:tab/>logistik<text:line-break/>Göteborg</text:p>"
    )
    text = extract.extract_limited(odt_bytes(body), "odt")
    assert text.splitlines() == ["Jonas Berg", "Lager och logistik", "Göteborg"]


def test_it_refuses_a_docx_with_an_external_entity() -> None:
    with pytest.raises(extract.RefusedDocument, match="DTD or entities"):
        extract.extract_limited(docx_bytes(document_xml=XXE_DOCUMENT), "docx")


def test_it_refuses_a_declaration_hidden_in_another_encoding() -> None:
    utf16 = XXE_DOCUMENT.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    with pytest.raises(extract.RefusedDocument):
        extract.extract_limited(docx_bytes(document_xml=utf16), "docx")


def test_it_refuses_a_billion_laughs_odt() -> None:
    laughs = '<!DOCTYPE x [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    bomb = odt_bytes("<text:p>&b;</text:p>", prolog=laughs)
    with pytest.raises(extract.RefusedDocument):
        extract.extract_limited(bomb, "odt")


def test_it_refuses_a_zip_bomb() -> None:
    bomb = zip_bytes({"word/document.xml": b"<a>" + b" " * (8 * 1024 * 1024) + b"</a>"})
    with pytest.raises(extract.RefusedDocument, match="zip bomb"):
        extract.extract_limited(bomb, "docx")


def test_it_refuses_an_archive_that_unpacks_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract, "MAX_TOTAL_UNCOMPRESSED", 1000)
    with pytest.raises(extract.RefusedDocument, match="too large"):
        extract.extract_text(docx_paragraphs("x" * 2000), "docx")


def test_it_refuses_too_many_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract, "MAX_ENTRIES", 2)
    with pytest.raises(extract.RefusedDocument, match="too many files"):
        extract.extract_text(docx_paragraphs("Hej"), "docx")


@pytest.mark.parametrize("name", ["../evil.xml", "/etc/cron.d/x", "word/../../x", "C:\\x"])
def test_it_refuses_unsafe_paths_in_archives(name: str) -> None:
    archive = zip_bytes({"word/document.xml": "<a/>", name: "x"})
    with pytest.raises(extract.RefusedDocument, match="unsafe path"):
        extract.extract_text(archive, "docx")


def test_it_refuses_a_pdf_renamed_as_docx() -> None:
    with pytest.raises(extract.RefusedDocument, match="not a valid document archive"):
        extract.extract_limited(text_pdf("Hello"), "docx")


def test_it_refuses_unsupported_types_without_starting_a_process() -> None:
    with pytest.raises(extract.RefusedDocument, match="unsupported"):
        extract.extract_limited(b"MZ\x90\x00", "bin")


def test_it_reports_a_corrupted_pdf_as_an_error_worth_retrying() -> None:
    broken = text_pdf("Hello")[:200]
    with pytest.raises(extract.ExtractionError) as caught:
        extract.extract_limited(broken, "pdf")
    assert not isinstance(caught.value, extract.RefusedDocument)


def test_it_stops_an_extraction_that_takes_too_long() -> None:
    with pytest.raises(extract.ExtractionError, match="timed out"):
        extract.extract_limited(text_pdf("Hello"), "pdf", timeout=0.001)


def test_it_survives_the_child_hitting_its_memory_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract, "MEMORY_LIMIT_BYTES", 20 * 1024 * 1024)
    with pytest.raises(extract.ExtractionError):
        extract.extract_limited(text_pdf("Hello"), "pdf")


def test_it_strips_nul_and_control_characters() -> None:
    text = extract.extract_limited(docx_paragraphs("Ann\u200ba\u202e", "  Svensson  "), "docx")
    assert text == "Anna\nSvensson"
    assert extract.clean_text("a\x00b\r\nc\x0c\x1bd\n\n\n\ne") == "ab\nc\nd\n\ne"


def test_it_caps_the_text_length(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract, "MAX_CHARS", 50)
    text = extract.extract_text(docx_paragraphs(*["word " * 10] * 20), "docx")
    assert 40 < len(text) <= 50
