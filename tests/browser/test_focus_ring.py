"""The focus ring is seen everywhere: at least 3:1 against what lies around
it (WCAG 2.1 1.4.11), on candidate and staff pages, on white, on the page
grey, on the board's columns, around brand-coloured buttons and in the
header, also when an organisation picks a very dark brand colour."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import make_application
from rekryt.surveys.tests.helpers import make_answer
from tests.browser.a11y import contrast, ring_problem
from tests.browser.test_board_keyboard import staff_context


def test_the_contrast_ratio_is_the_wcag_one() -> None:
    assert contrast("#ffffff", "#000000") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    # The old ring: clearly under 3:1 on white, so the check can fail.
    assert contrast("#ffbf47", "#ffffff") == pytest.approx(1.6, abs=0.05)
    assert contrast("rgb(11, 12, 12)", "rgba(246, 247, 249, 1)") > 15


CANDIDATE_RINGS = [
    # (page, element focused, element drawing the ring)
    ("/", ".career-header .brand", None),  # the header
    ("/", ".language-switch button", None),
    ("/", "#id_department", None),  # on the filters' grey
    ("/", ".filters button[type=submit]", None),  # a brand-coloured button
    ("/", ".job-card h2 a", None),
    ("apply", "#id_first_name", None),
    ("apply", "#id_cv", None),
    ("apply", "#id_consent", None),
    ("apply", ".send", None),
    ("survey", "input[name=score][value='7']", ".score"),  # a radio in a label
]

STAFF_RINGS = [
    ("board", ".staff-header nav a", None),  # on a phone: after the menu opens
    ("board", ".staff-header .menu-button", None),  # on a phone only
    ("board", ".staff-user .link", None),
    ("board", "#board-jump a", None),
    ("board", ".board-cards", None),  # a stage list on the column grey
    ("board", ".board-card-name", None),
    ("board", ".board-card-select", None),
    ("board", ".board-card .move-form button", None),
    ("dashboard", ".table-wrap", None),
    ("dashboard", ".button.primary", None),
]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize("brand", ["#1f5f8b", "#0b0c0c"])
def test_the_focus_ring_has_three_to_one_everywhere(
    browser: Any, live_server: Any, org: Any, rita: Any, job: Any, brand: str
) -> None:
    org.brand_colour = brand
    org.save()
    application = make_application(job)
    survey = _survey(application)
    urls = {
        "/": "/",
        "apply": f"/jobs/{job.slug}/apply/",
        "survey": f"/survey/{survey}/",
        "board": f"/staff/jobs/{job.pk}/board/",
        "dashboard": "/staff/",
    }
    problems: list[str] = []
    context = staff_context(browser, live_server, rita)
    page = context.new_page()
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for name, selector, drawn in CANDIDATE_RINGS + STAFF_RINGS:
            url = live_server.url + urls[name]
            if page.url != url:
                page.goto(url)
                page.keyboard.press("Tab")  # keyboard use: :focus-visible applies
            if selector == ".staff-header .menu-button" and width > 768:
                continue  # the menu is folded on phones only
            if selector == ".staff-header nav a" and width <= 768:
                # Opened from the keyboard, so focus stays :focus-visible.
                page.locator(".staff-header .menu-button").focus()
                page.keyboard.press("Enter")
            problem = ring_problem(page, selector, drawn)
            if problem:
                problems.append(f"{name} at {width} px, brand {brand}: {problem}")
    context.close()
    assert not problems, "\n".join(problems)


def _survey(application: Any) -> str:
    from rekryt.lib.tokens import new_token
    from rekryt.surveys.models import Survey

    raw, hashed = new_token()
    survey = make_answer(0, step="applied", sent_only=True)
    Survey.objects.filter(pk=survey.pk).update(
        token_hash=hashed, application=application, candidate=application.candidate
    )
    return raw
