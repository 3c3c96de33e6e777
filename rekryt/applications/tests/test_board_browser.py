"""The board in a real browser: drag and drop, the keyboard "Move to" form
through htmx, and "show more". Needs Debian's Chromium (skipped without it)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client
from playwright.sync_api import expect, sync_playwright

from conftest import make_application
from rekryt.applications.actions import set_outcome
from rekryt.applications.board import COLUMN_SIZE
from rekryt.applications.models import Application, Event, Outcome
from rekryt.jobs.models import stages_for

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Playwright's sync API runs an event loop in this thread; the ORM calls made
# between page actions are ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not found"),
    pytest.mark.usefixtures("seeded"),
]


@pytest.fixture
def board_page(live_server, rita, job) -> Iterator[Any]:
    """A browser logged in as rita, in English.

    Playwright starts after the test database is set up and stops before it is
    torn down: while its event loop runs in this thread, Django hands out
    another connection object, and the serialized-rollback restore of the
    migrations' data would be skipped for the next test."""
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
        context = browser.new_context(locale="en-GB", viewport={"width": 1400, "height": 900})
        context.add_cookies([{**c, "domain": host, "path": "/"} for c in cookies])
        page = context.new_page()
        page.set_default_timeout(10_000)
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.errors = errors
        yield page
        browser.close()
        # The test's own queries ran on that other connection object: close
        # it, or PostgreSQL cannot drop the test database at the end.
        connections.close_all()


def open_board(page, live_server, job):
    # goto waits for "load": the deferred scripts have run by then.
    page.goto(f"{live_server.url}/staff/jobs/{job.pk}/board/")


def count(page, stage):
    return page.locator(f'[data-count-for="{stage.pk}"]').inner_text()


@pytest.mark.django_db(transaction=True)
def test_dragging_a_card_moves_the_application(board_page, live_server, job):
    page = board_page
    first, second = list(stages_for(job))[:2]
    application = make_application(job, first_name="Dragan")
    open_board(page, live_server, job)
    card = page.locator(f"#card-{application.pk} .board-card-meta")
    target = page.locator(f'.board-cards[data-stage="{second.pk}"]')
    card.drag_to(target)
    expect(page.locator(f'[data-count-for="{second.pk}"]')).to_have_text("1")
    assert count(page, first) == "0"
    assert page.locator(f'.board-cards[data-stage="{second.pk}"] #card-{application.pk}').count()
    assert "Dragan" in page.locator("#board-status").inner_text()
    application.refresh_from_db()
    assert application.stage == second
    assert Event.objects.filter(application=application, kind="stage_moved").count() == 1
    assert page.errors == []


@pytest.mark.django_db(transaction=True)
def test_a_refused_drop_puts_the_card_back_and_says_why(board_page, live_server, rita, job):
    page = board_page
    first, second = list(stages_for(job))[:2]
    application = make_application(job)
    open_board(page, live_server, job)
    # Someone else ends the application while this board is open.
    set_outcome(Application.objects.get(pk=application.pk), Outcome.HIRED, rita)
    page.locator(f"#card-{application.pk} .board-card-meta").drag_to(
        page.locator(f'.board-cards[data-stage="{second.pk}"]')
    )
    page.wait_for_selector("#board-status .error")
    assert "Reopen" in page.locator("#board-status").inner_text()
    assert page.locator(f'.board-cards[data-stage="{first.pk}"] #card-{application.pk}').count()
    assert count(page, first) == "1"
    assert page.errors == []


@pytest.mark.django_db(transaction=True)
def test_the_move_to_form_works_from_the_keyboard(board_page, live_server, job):
    page = board_page
    second = list(stages_for(job))[1]
    application = make_application(job, first_name="Tangent")
    open_board(page, live_server, job)
    page.locator(f"#move-{application.pk}").select_option(str(second.pk))
    page.locator(f"#move-{application.pk}").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(f'[data-count-for="{second.pk}"]')).to_have_text("1")
    assert page.locator(f'.board-cards[data-stage="{second.pk}"] #card-{application.pk}').count()
    assert "Tangent" in page.locator("#board-status").inner_text()
    expect(page.locator(f"#card-{application.pk} .board-card-name")).to_be_focused()
    application.refresh_from_db()
    assert application.stage == second
    assert page.errors == []


@pytest.mark.django_db(transaction=True)
def test_show_more_loads_the_next_cards_in_place(board_page, live_server, job):
    page = board_page
    for _ in range(COLUMN_SIZE + 3):
        make_application(job)
    open_board(page, live_server, job)
    cards = page.locator(f'.board-cards[data-stage="{job.first_stage().pk}"] .board-card')
    assert cards.count() == COLUMN_SIZE
    page.locator(".board-more a").click()
    expect(cards).to_have_count(COLUMN_SIZE + 3)
    assert page.locator(".board-more").count() == 0
    assert page.url.endswith("/board/")
    assert page.errors == []
