"""In a real browser: the CV is read inline on the application page (its
page images load), and J / K walk to the next and previous candidate of the
board's list; typing in a field never jumps, and the shortcuts can be
turned off. Needs Debian's Chromium (skipped without it)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connections
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect, sync_playwright

from conftest import make_application
from rekryt.applications.actions import Upload
from rekryt.candidates.models import DocumentKind
from rekryt.lib.pdfgen import Block, build_pdf

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not found"),
    pytest.mark.usefixtures("seeded"),
    pytest.mark.django_db(transaction=True),
]


def cv(name: str) -> Upload:
    data = build_pdf([Block(name, "h1")] + [Block(f"Erfarenhet {n}") for n in range(50)])
    return Upload(
        kind=DocumentKind.CV,
        file=ContentFile(data, name="cv.pdf"),
        original_name=f"{name}.pdf",
        content_type="application/pdf",
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )


@pytest.fixture
def browser_page(live_server: Any, rita: Any) -> Iterator[Any]:
    client = Client()
    client.force_login(rita)
    host = live_server.url.split("//")[1].split(":")[0]
    cookies = [
        {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies["sessionid"].value},
        {"name": settings.LANGUAGE_COOKIE_NAME, "value": "en"},
    ]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run"],
        )
        context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
        context.add_cookies([{**c, "domain": host, "path": "/"} for c in cookies])
        page = context.new_page()
        page.set_default_timeout(10_000)
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.errors = errors  # type: ignore[attr-defined]
        yield page
        browser.close()
        connections.close_all()


def test_the_cv_reads_inline_and_j_and_k_walk_the_board(
    browser_page: Any, live_server: Any, job: Any
) -> None:
    page = browser_page
    people = []
    for n, name in enumerate(["Anna Lind", "Bo Ek", "Cia Berg"]):
        first, last = name.split()
        with time_machine.travel(timezone.now() - timedelta(days=3 - n)):
            people.append(
                make_application(job, first_name=first, last_name=last, uploads=[cv(name)])
            )
    anna, bo, cia = people

    # From the board sorted "longest in the stage first": Anna, Bo, Cia.
    page.goto(f"{live_server.url}/staff/jobs/{job.pk}/board/?sort=days")
    page.locator(f"#card-{anna.pk} .board-card-name").click()
    page.wait_for_url(f"**/staff/applications/{anna.pk}/?sort=days")
    image = page.locator("#cv .cv-pages img").first
    expect(image).to_be_visible()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    assert page.evaluate("img => img.naturalWidth", image.element_handle()) == 1000
    expect(page.locator("#shortcut-help")).to_be_visible()

    page.keyboard.press("j")
    page.wait_for_url(f"**/staff/applications/{bo.pk}/?sort=days")
    page.keyboard.press("j")
    page.wait_for_url(f"**/staff/applications/{cia.pk}/?sort=days")
    page.keyboard.press("k")
    page.wait_for_url(f"**/staff/applications/{bo.pk}/?sort=days")

    # Typing a J in the note field types it; nothing jumps.
    page.locator("#id_body").fill("")
    page.locator("#id_body").press("j")
    assert page.locator("#id_body").input_value() == "j"
    assert f"/applications/{bo.pk}/" in page.url

    # Turned off, J is just a key, and it stays off on the next page.
    page.locator("#id_body").blur()
    page.locator("[data-shortcuts-toggle]").click()
    expect(page.locator("[data-shortcuts-toggle]")).to_have_text("Turn keyboard shortcuts on")
    page.keyboard.press("j")
    page.wait_for_timeout(300)
    assert f"/applications/{bo.pk}/" in page.url
    page.locator('a[rel="next"]').click()
    page.wait_for_url(f"**/staff/applications/{cia.pk}/?sort=days")
    page.keyboard.press("k")
    page.wait_for_timeout(300)
    assert f"/applications/{cia.pk}/" in page.url
    assert page.errors == []
