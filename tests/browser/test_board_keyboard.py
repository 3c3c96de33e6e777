"""The board from the keyboard: the first card of the fourth stage is a few
key presses away, with JavaScript (skip links, then the arrow keys over a
roving tabindex, announced) and without (skip links to focusable lists).
Dragging and the "Move to" control still work."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from conftest import make_application
from rekryt.applications.actions import move_to_stage
from rekryt.applications.board import CARD_ORDER
from rekryt.applications.models import Application, Event, EventKind
from rekryt.jobs.models import Job, Stage, stages_for

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]

# Cards per stage: a busy first stage, then fewer in each later one.
CARDS = [14, 6, 3, 2]
MOST_PRESSES = 10  # by Tab alone it was about 120


def fill_board(job: Job, actor: Any) -> list[Stage]:
    stages = list(stages_for(job))
    assert len(stages) >= 4
    for column, n in enumerate(CARDS):
        for i in range(n):
            application = make_application(job, first_name=f"S{column + 1}K{i + 1}")
            if column:
                move_to_stage(application, stages[column], actor)
    return stages


def staff_context(browser: Any, live_server: Any, user: Any, **options: Any) -> Any:
    client = Client()
    client.force_login(user)
    context = browser.new_context(
        locale="en-GB", viewport={"width": 1280, "height": 900}, **options
    )
    context.add_cookies(
        [
            {"name": n, "value": v, "url": live_server.url}
            for n, v in [
                (settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value),
                (settings.LANGUAGE_COOKIE_NAME, "en"),
            ]
        ]
    )
    context.set_default_timeout(15_000)
    return context


class Keyboard:
    """Presses keys and counts them."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.presses = 0

    def press(self, key: str, times: int = 1) -> None:
        for _ in range(times):
            self.page.keyboard.press(key)
            self.presses += 1

    def tab_to(self, selector: str, limit: int) -> None:
        target = self.page.locator(selector)
        if not target.count():
            raise AssertionError(f"{selector} is not on the page")
        while self.presses < limit:
            self.press("Tab")
            if target.evaluate("(el) => el === document.activeElement"):
                return
        raise AssertionError(f"{selector} not reached in {limit} key presses")


def focused_card(page: Any) -> str | None:
    return page.evaluate(
        "() => { const c = document.activeElement.closest('.board-card'); return c ? c.id : null; }"
    )


def first_card(job: Job, stage: Stage) -> Application:
    # The newest in the stage comes first on the board.
    return Application.objects.filter(job=job, stage=stage).order_by(*CARD_ORDER).first()


def test_with_javascript_the_fourth_stage_is_a_few_keys_away(
    browser: Any, live_server: Any, rita: Any, job: Job
) -> None:
    stages = fill_board(job, rita)
    fourth, third = stages[3], stages[2]
    context = staff_context(browser, live_server, rita)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{live_server.url}/staff/jobs/{job.pk}/board/")
    keys = Keyboard(page)

    keys.press("Tab")  # the skip link
    keys.press("Enter")
    keys.tab_to(f"#board-jump a[href='#cards-{fourth.pk}']", MOST_PRESSES)
    keys.press("Enter")
    expect(page.locator(f"#cards-{fourth.pk}")).to_be_focused()
    keys.press("ArrowDown")
    target = first_card(job, fourth)
    assert focused_card(page) == f"card-{target.pk}"
    assert keys.presses <= MOST_PRESSES, keys.presses
    expect(page.locator("#board-status")).to_have_text(f"{fourth.name}: card 1 of 2")

    # Left and right keep the position; up and down walk the stage.
    keys.press("ArrowDown")
    expect(page.locator("#board-status")).to_have_text(f"{fourth.name}: card 2 of 2")
    keys.press("ArrowLeft")
    expect(page.locator("#board-status")).to_have_text(f"{third.name}: card 2 of 3")
    keys.press("End")
    expect(page.locator("#board-status")).to_have_text(f"{third.name}: card 3 of 3")
    keys.press("Home")
    assert focused_card(page) == f"card-{first_card(job, third).pk}"

    # A roving tabindex: one card's controls and the lists are in the Tab
    # order, not the four controls of every card.
    tabbable = page.evaluate(
        "() => [...document.querySelectorAll('#board a[href], #board button, #board select,"
        " #board input:not([type=hidden]), #board [tabindex]')]"
        ".filter((el) => el.tabIndex >= 0).map((el) => el.tagName + '#' + el.id)"
    )
    # The card's own: its checkbox, name, move control and button, and the
    # preview and undo of a stage email still waiting to go out.
    controls, after = page.evaluate(
        "() => { const all = [...document.activeElement.closest('.board-card')"
        ".querySelectorAll('a[href], button, input:not([type=hidden]), select')];"
        " return [all.length, all.length - all.indexOf(document.activeElement) - 1]; }"
    )
    assert len(tabbable) <= len(stages) + 1 + controls, tabbable
    # Tab walks the card's own controls, then on to the next stage.
    keys.press("Tab", after + 1)
    expect(page.locator(f"#cards-{fourth.pk}")).to_be_focused()

    # The "Move to" control, by keyboard: the card keeps the focus after htmx
    # redraws the board, and the arrow keys still work.
    moved = first_card(job, third)
    page.locator(f"#move-{moved.pk}").focus()
    page.locator(f"#move-{moved.pk}").select_option(str(fourth.pk))
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(f"#cards-{fourth.pk} #card-{moved.pk} .board-card-name")).to_be_focused()
    _wait_for(lambda: Application.objects.get(pk=moved.pk).stage_id == fourth.pk)
    expect(page.locator(f"#board-jump [data-count-of='{fourth.pk}']")).to_have_text("3")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#board-status")).to_have_text(f"{fourth.name}: card 2 of 3")

    # Dragging still works.
    dragged = first_card(job, stages[0])
    page.locator(f"#card-{dragged.pk} .board-card-meta").drag_to(
        page.locator(f"#cards-{stages[1].pk}")
    )
    _wait_for(lambda: Application.objects.get(pk=dragged.pk).stage_id == stages[1].pk)
    expect(page.locator(f"#board-jump [data-count-of='{stages[1].pk}']")).to_have_text("7")
    assert Event.objects.filter(application=dragged, kind=EventKind.STAGE_MOVED).count() == 1
    assert errors == []
    context.close()


def test_without_javascript_skip_links_reach_the_fourth_stage(
    browser: Any, live_server: Any, rita: Any, job: Job
) -> None:
    stages = fill_board(job, rita)
    fourth = stages[3]
    context = staff_context(browser, live_server, rita, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/staff/jobs/{job.pk}/board/")
    keys = Keyboard(page)

    keys.press("Tab")
    keys.press("Enter")
    keys.tab_to(f"#board-jump a[href='#cards-{fourth.pk}']", MOST_PRESSES)
    keys.press("Enter")
    expect(page.locator(f"#cards-{fourth.pk}")).to_be_focused()
    keys.press("Tab")
    target = first_card(job, fourth)
    assert focused_card(page) == f"card-{target.pk}"
    assert keys.presses <= MOST_PRESSES, keys.presses

    # The plain "Move to" form.
    page.locator(f"#move-{target.pk}").select_option(str(stages[1].pk))
    page.locator(f"#move-{target.pk}").focus()
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert Application.objects.get(pk=target.pk).stage_id == stages[1].pk
    assert page.locator(f"#cards-{stages[1].pk} #card-{target.pk}").count() == 1
    context.close()


def _wait_for(condition: Any, timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("condition not met in time")
