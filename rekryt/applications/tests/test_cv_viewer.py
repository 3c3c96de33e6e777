"""The CV on the application page, read without downloading it: PDF pages
rendered on the server as images (cached after the first view), DOCX and
ODT as their text; page images only for those who may download the file."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse

from conftest import make_application
from rekryt.applications.actions import Upload
from rekryt.applications.cv_viewer import _cache_dir
from rekryt.candidates.models import Document, DocumentKind
from rekryt.lib import pdfpages
from rekryt.lib.pdfgen import Block, build_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client: Any) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def pdf_upload(pages: int = 2, data: bytes = b"") -> Upload:
    # About 40 lines fill a page.
    data = data or build_pdf([Block(f"Rad {n}: Anna Lindqvist") for n in range(40 * pages - 20)])
    assert data.startswith(b"%PDF-1.4 broken") or pdfpages.page_count(data) == pages
    return Upload(
        kind=DocumentKind.CV,
        file=ContentFile(data, name="cv.pdf"),
        original_name="cv.pdf",
        content_type="application/pdf",
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def test_the_pages_show_inline_as_images(client: Any, rita: Any, job: Any) -> None:
    application = make_application(job, uploads=[pdf_upload(pages=2)])
    cv = Document.objects.get(application=application)
    client.force_login(rita)
    html = client.get(reverse("application_detail", args=[application.pk])).content.decode()
    assert "2 pages, shown as images" in html
    for n in (1, 2):
        assert reverse("document_page", args=[cv.pk, n]) in html
    response = client.get(reverse("document_page", args=[cv.pk, 1]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG\r\n\x1a\n")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client.get(reverse("document_page", args=[cv.pk, 3])).status_code == 404


def test_a_page_is_rendered_once_then_read_from_the_cache(
    client: Any, rita: Any, job: Any, monkeypatch: Any
) -> None:
    application = make_application(job, uploads=[pdf_upload(pages=1)])
    cv = Document.objects.get(application=application)
    client.force_login(rita)
    first = client.get(reverse("document_page", args=[cv.pk, 1])).content
    assert (_cache_dir(cv) / "0.png").exists()

    def refuse(*args: Any, **kwargs: Any) -> bytes:
        raise AssertionError("rendered again")

    monkeypatch.setattr(pdfpages, "render_page", refuse)
    assert client.get(reverse("document_page", args=[cv.pk, 1])).content == first


def test_outsiders_get_no_page(client: Any, otto: Any, ivan: Any, job: Any) -> None:
    application = make_application(job, uploads=[pdf_upload(pages=1)])
    cv = Document.objects.get(application=application)
    for user in (otto, ivan):
        client.force_login(user)
        assert client.get(reverse("document_page", args=[cv.pk, 1])).status_code == 404


def test_hiring_managers_on_the_team_read_it(client: Any, hanna: Any, job: Any) -> None:
    application = make_application(job, uploads=[pdf_upload(pages=1)])
    cv = Document.objects.get(application=application)
    client.force_login(hanna)
    assert client.get(reverse("document_page", args=[cv.pk, 1])).status_code == 200


def test_a_docx_shows_as_its_text_in_paragraphs(client: Any, rita: Any, job: Any) -> None:
    application = make_application(job, uploads=[pdf_upload(pages=1)])
    cv = Document.objects.get(application=application)
    Document.objects.filter(pk=cv.pk).update(
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        text="Anna Lindqvist\n\nErfarenhet\nBackend-utvecklare <script>alert(1)</script>",
        text_status="done",
    )
    client.force_login(rita)
    html = client.get(reverse("application_detail", args=[application.pk])).content.decode()
    assert "<p>Anna Lindqvist</p>" in html
    assert "Erfarenhet<br>Backend-utvecklare &lt;script&gt;" in html
    # Not a PDF: no page images for it.
    assert client.get(reverse("document_page", args=[cv.pk, 1])).status_code == 404


def test_an_unreadable_pdf_says_so_and_offers_the_download(
    client: Any, rita: Any, job: Any
) -> None:
    application = make_application(job, uploads=[pdf_upload(data=b"%PDF-1.4 broken")])
    client.force_login(rita)
    html = client.get(reverse("application_detail", args=[application.pk])).content.decode()
    assert "cannot be shown here" in html
