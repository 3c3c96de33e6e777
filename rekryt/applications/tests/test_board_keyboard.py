"""The board's keyboard markup without a browser: a skip link per stage with
its count, stage lists that take the focus, a named scroll area, and the
texts the arrow keys announce, in both languages. The browser side is in
tests/browser/test_board_keyboard.py."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from conftest import make_application
from rekryt.applications.actions import move_to_stage
from rekryt.jobs.models import stages_for


@pytest.fixture(autouse=True)
def english(client, settings):
    settings.LANGUAGE_CODE = "en"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def jump_links(html: str) -> dict[str, str]:
    """Skip-link target → the count it shows."""
    nav = html[html.index('<nav id="board-jump"') :]
    nav = nav[: nav.index("</nav>")]
    return dict(re.findall(r'href="#(cards-\d+)">.*?data-count-of="\d+">(\d+)</span>', nav, re.S))


def test_every_stage_has_a_skip_link_with_its_count(client, rita, job):
    stages = list(stages_for(job))
    for _ in range(3):
        make_application(job)
    move_to_stage(make_application(job), stages[3], rita)
    client.force_login(rita)
    html = client.get(reverse("board", args=[job.pk])).content.decode()
    links = jump_links(html)
    assert list(links) == [f"cards-{s.pk}" for s in stages]
    assert links[f"cards-{stages[0].pk}"] == "3"
    assert links[f"cards-{stages[3].pk}"] == "1"
    for stage in stages:  # each target takes the focus, so Tab goes on from there
        assert re.search(rf'<ol class="board-cards" id="cards-{stage.pk}" tabindex="0"', html)


def test_the_scroll_area_is_a_named_focusable_region(client, rita, job):
    client.force_login(rita)
    html = client.get(reverse("board", args=[job.pk])).content.decode()
    board = re.search(r'<div id="board"[^>]*>', html).group(0)
    assert 'role="region"' in board
    assert 'tabindex="0"' in board
    assert 'aria-label="Stages and their cards"' in board


def test_a_move_through_htmx_sends_the_new_counts_to_the_skip_links(client, rita, job):
    stages = list(stages_for(job))
    application = make_application(job)
    client.force_login(rita)
    response = client.post(
        reverse("application_move", args=[application.pk]),
        {"stage": stages[2].pk},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert '<nav id="board-jump" class="board-jump"' in html
    assert 'hx-swap-oob="true"' in html[html.index('<nav id="board-jump"') :][:300]
    links = jump_links(html)
    assert links[f"cards-{stages[0].pk}"] == "0"
    assert links[f"cards-{stages[2].pk}"] == "1"


@pytest.mark.parametrize(
    ("language", "position", "empty"),
    [
        ("en", "%(stage)s: card %(n)s of %(total)s", "%(stage)s: no active applications"),
        ("sv", "%(stage)s: kort %(n)s av %(total)s", "%(stage)s: inga aktiva ansökningar"),
    ],
)
def test_the_announcements_are_in_the_page_language(
    client, settings, rita, job, language, position, empty
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.force_login(rita)
    html = client.get(reverse("board", args=[job.pk])).content.decode()
    assert f'data-position-text="{position}"' in html
    assert f'data-empty-text="{empty}"' in html
