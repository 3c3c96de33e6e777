"""The mailbox's sandboxed HTML frame and the template editor's live preview
in a real browser. Needs Debian's Chromium (skipped without it)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from rekryt.messaging.models import EmailTemplate
from rekryt.messaging.tests.helpers import queue_message, work

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Playwright's sync API runs an event loop in this thread; the ORM calls made
# between page actions are ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not found"),
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]


@pytest.fixture
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture
def admin_page(chromium, live_server, alice, org) -> Iterator[Any]:
    """A browser logged in as alice (admin), in English, collecting CSP errors."""
    client = Client()
    client.force_login(alice)
    context = chromium.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    host = live_server.url.split("//")[1].split(":")[0]
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "domain": host,
                "path": "/",
            },
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "domain": host, "path": "/"},
        ]
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    yield page
    # The live server shares the test's database connection: let it finish
    # serving before the database is reset for the next test.
    page.wait_for_load_state("networkidle")
    context.close()


def test_it_shows_the_html_part_styled_inside_the_sandboxed_frame(
    admin_page, live_server, settings
):
    settings.EMAIL_URL = ""
    message = queue_message()
    work()

    admin_page.goto(live_server.url + reverse("mailbox_message", args=[message.pk]))

    frame = admin_page.frame_locator("iframe.mail-html")
    body_cell = frame.locator("td", has_text="Hej Åsa1!").last
    body_cell.wait_for()
    # Inline styles apply (style-src 'unsafe-inline' inside the frame only).
    assert body_cell.evaluate("td => getComputedStyle(td).lineHeight") == "24px"
    assert not [e for e in admin_page.console_errors if "frame" in e.lower()]


def test_it_updates_the_preview_while_the_admin_types(admin_page, live_server):
    template = EmailTemplate.objects.get(kind="application_received", language="en")
    admin_page.goto(live_server.url + reverse("template_edit", args=[template.pk]))

    admin_page.fill("#id_subject", "Welcome, {candidate_first_name}")

    preview = admin_page.locator("#preview")
    preview.get_by_text("Welcome, Sam").wait_for()
    admin_page.fill("#id_subject", "Hello {nobody}")
    preview.get_by_text("Unknown placeholder {nobody}.").wait_for()
    template.refresh_from_db()
    assert template.subject == "Thank you for applying for {job_title}"
