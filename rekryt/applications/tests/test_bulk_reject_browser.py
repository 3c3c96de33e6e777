"""Bulk reject in a real browser: tick cards, choose a reason, preview,
confirm. Needs Debian's Chromium (skipped without it)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import make_application
from rekryt.applications.models import Application, Outcome, RejectionReason
from rekryt.applications.tests.test_board_browser import (  # noqa: F401 (fixture)
    CHROMIUM,
    board_page,
    open_board,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not found"),
    pytest.mark.usefixtures("seeded"),
]


@pytest.mark.django_db(transaction=True)
def test_ticking_cards_and_confirming_rejects_them(board_page, live_server, job):  # noqa: F811
    page = board_page
    chosen = [make_application(job, first_name=f"Bulk{n}") for n in range(2)]
    kept = make_application(job, first_name="Kept")
    reason = RejectionReason.objects.get(name_en="Lacks the experience we asked for")
    open_board(page, live_server, job)
    for application in chosen:
        page.check(f"#select-{application.pk}")
    expect(page.locator("[data-selected-count]")).to_have_text("Reject selected (2)…")
    page.click("[data-selected-count]")
    expect(page.locator("h1")).to_have_text("Reject 2 applications")
    page.select_option("#id_reason", str(reason.pk))
    page.click("button[name=preview]")
    expect(page.locator("#preview-heading")).to_be_visible()
    page.click("button[name=confirm]")
    expect(page.locator("h1")).to_have_text("Done")
    states = dict(Application.objects.values_list("pk", "outcome"))
    assert [states[a.pk] for a in chosen] == [Outcome.REJECTED, Outcome.REJECTED]
    assert states[kept.pk] == Outcome.ACTIVE
    assert page.errors == []
