"""A title of one long Swedish compound word fits a phone: headings break
inside the word rather than push the page sideways (a 21-letter job title
did, by 4 px, in one Chromium build)."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from conftest import make_application, make_job
from tests.browser.a11y import Audit, open_context

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]
TITLE = "Kundtjänstmedarbetarutbildningssamordnare"


def test_a_long_one_word_title_never_scrolls_the_page_sideways(
    browser: Any, live_server: Any, rita: Any, org: Any
) -> None:
    job = make_job(recruiter=rita, title=TITLE, language="sv")
    make_application(job, first_name="Långnamnsdottir", last_name=TITLE)
    audit = Audit("en")
    context = open_context(browser, live_server, "en")
    client = Client()
    client.force_login(rita)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    base = live_server.url
    audit.visit(page, f"{base}{job.get_absolute_url()}", "job page")
    audit.visit(page, f"{base}/staff/jobs/{job.pk}/board/", "board")
    audit.visit(page, f"{base}/staff/jobs/{job.pk}/edit/", "job editor")
    audit.visit(page, f"{base}/staff/", "dashboard")
    context.close()
    audit.assert_clean()
