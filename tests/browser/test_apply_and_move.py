"""A person applies on the career site, a recruiter finds the card and moves it."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import make_job
from rekryt.applications.models import Application, EventKind
from rekryt.lib.tests.files import make_pdf

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]


def test_a_candidate_applies_and_a_recruiter_moves_the_card(
    page: Any, live_server: Any, org: Any, rita: Any, tmp_path: Any
) -> None:
    job = make_job(recruiter=rita, title="Lagerchef Umeå", language="sv")
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(make_pdf("Astrid Lind lagerledare truckkort"))

    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Lagerchef Umeå").click()
    page.goto(f"{live_server.url}/jobs/{job.slug}/apply/?source=browser-test")
    page.fill("#id_first_name", "Astrid")
    page.fill("#id_last_name", "Lind")
    page.fill("#id_email", "astrid@example.org")
    page.set_input_files("#id_cv", str(cv))
    page.check("#id_consent")
    page.locator("form.apply-form button[type=submit]").click()
    page.wait_for_url("**/applied/**")
    assert "Astrid" in page.content()

    application = Application.objects.get(candidate__email="astrid@example.org")
    assert application.source == "browser-test"

    page.goto(f"{live_server.url}/staff/login/")
    page.fill("#id_username", "rita")
    page.fill("#id_password", "pw-rita")
    page.locator("form.login button[type=submit]").click()
    page.wait_for_url("**/staff/")
    page.goto(f"{live_server.url}/staff/jobs/{job.pk}/board/")
    card = page.locator(f"[data-application='{application.pk}']")
    assert card.is_visible()
    assert "Astrid Lind" in card.inner_text()

    screening = job.stages.order_by("order")[1]
    target = page.locator(f".board-cards[data-stage='{screening.pk}']")
    # Drag by the card's text, not its link or its form controls.
    card.locator(".board-card-meta").drag_to(target)
    page.wait_for_function(
        "([stage, pk]) => document.querySelector("
        "`[data-stage='${stage}'] [data-application='${pk}']`)",
        arg=[screening.pk, application.pk],
    )
    _wait_for(lambda: Application.objects.get(pk=application.pk).stage_id == screening.pk)
    # The page has handled the answer too (it sets the card's "move to"
    # control to the new stage): choosing before that would be overwritten.
    page.wait_for_function(
        "pk => !document.querySelector(`[data-application='${pk}']`).hasAttribute('aria-busy')",
        arg=application.pk,
    )

    # The keyboard "move to" control works too.
    interview = job.stages.order_by("order")[2]
    card = page.locator(f"[data-application='{application.pk}']")
    card.locator("select").select_option(str(interview.pk))
    card.locator("button[type=submit]").click()
    _wait_for(lambda: Application.objects.get(pk=application.pk).stage_id == interview.pk)
    moves = application.events.filter(kind=EventKind.STAGE_MOVED).count()
    assert moves == 2


def _wait_for(condition: Any, timeout: float = 30.0) -> None:
    import time

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("condition not met in time")
