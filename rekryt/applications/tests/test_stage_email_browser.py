"""A waiting stage email as a recruiter sees it on the board in a real
browser: the line on the card after a drag or a keyboard move, its preview,
and Undo through htmx. Needs Debian's Chromium (skipped without it)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import make_application
from rekryt.applications.tests import test_board_browser as boards
from rekryt.jobs.models import StageKind, stages_for
from rekryt.messaging.models import Message, MessageStatus

CHROMIUM = boards.CHROMIUM
open_board = boards.open_board
board_page = boards.board_page  # the fixture: a browser signed in as rita

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not found"),
    pytest.mark.usefixtures("seeded"),
]


def interview_of(job):
    return next(s for s in stages_for(job) if s.kind == StageKind.INTERVIEW)


def in_column(page, stage, application):
    return page.locator(f'.board-cards[data-stage="{stage.pk}"] #card-{application.pk}')


@pytest.mark.django_db(transaction=True)
def test_a_dragged_card_shows_its_email_and_undo_puts_it_back(board_page, live_server, job):
    page = board_page
    applied, interview = job.first_stage(), interview_of(job)
    application = make_application(job, first_name="Ulla")
    open_board(page, live_server, job)

    page.locator(f"#card-{application.pk} .board-card-meta").drag_to(
        page.locator(f'.board-cards[data-stage="{interview.pk}"]')
    )

    line = page.locator(f"#pending-{application.pk}")
    expect(line).to_contain_text("Invitation to interview goes out at")
    expect(line.get_by_role("link", name="Preview")).to_be_visible()
    line.get_by_role("button", name="Undo").click()
    expect(in_column(page, applied, application)).to_have_count(1)
    expect(page.locator("#board-status")).to_contain_text("Ulla Testsson is back in Applied")
    expect(page.locator(f"#pending-{application.pk}")).to_have_count(0)
    invitation = Message.objects.get(application=application, kind="interview_invitation")
    assert invitation.status == MessageStatus.CANCELLED
    application.refresh_from_db()
    assert application.stage == applied
    assert page.errors == []


@pytest.mark.django_db(transaction=True)
def test_a_keyboard_move_shows_the_email_and_its_preview(board_page, live_server, job):
    page = board_page
    interview = interview_of(job)
    application = make_application(job, first_name="Tora")
    open_board(page, live_server, job)

    page.locator(f"#move-{application.pk}").select_option(str(interview.pk))
    page.locator(f"#card-{application.pk} .move-form button").click()

    expect(in_column(page, interview, application)).to_have_count(1)
    expect(page.locator("#board-status")).to_contain_text("until then you can undo the move")
    line = page.locator(f"#pending-{application.pk}")
    expect(line).to_contain_text("goes out at")
    line.get_by_role("link", name="Preview").click()
    invitation = Message.objects.get(application=application, kind="interview_invitation")
    expect(page.get_by_role("heading", level=1)).to_have_text("The email the candidate will get")
    expect(page.locator(".mail-headers")).to_contain_text(invitation.subject)
    expect(page.locator("iframe.mail-html")).to_be_visible()
    assert page.errors == []
