"""A candidate chooses an interview time in the portal on a phone, without
JavaScript too, and adds it to their calendar; the device-check page shows a
live camera and a moving microphone level (Chromium's fake devices). Every
page passes axe-core and fits the screen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.db import connections
from django.utils import timezone

from conftest import make_application, make_job
from rekryt.interviews import scheduling
from rekryt.interviews.models import Interview, Status
from rekryt.interviews.tests.helpers import plan, slot
from rekryt.portal.tests.conftest import link_for
from tests.browser.a11y import Audit, open_context
from tests.browser.conftest import CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


@pytest.fixture
def media_browser() -> Iterator[Any]:
    """Chromium with a fake camera and microphone that it may use unasked."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream",
                "--autoplay-policy=no-user-gesture-required",
            ],
        )
        yield browser
        browser.close()
        connections.close_all()


def offered(rita: Any, ivan: Any, language: str) -> tuple[Interview, list[Any]]:
    job = make_job(recruiter=rita, title="Lagerchef Borås", language=language)
    job.team.add(ivan)
    step = plan(job)
    times = [slot(step, timezone.now() + timedelta(days=d, hours=1), [ivan]) for d in (2, 3)]
    application = make_application(job, language=language)
    return scheduling.offer(application, step, rita), times


@pytest.mark.parametrize("javascript", [True, False])
def test_a_candidate_chooses_a_time_on_a_phone(
    browser: Any, live_server: Any, org: Any, rita: Any, ivan: Any, javascript: bool
) -> None:
    interview, times = offered(rita, ivan, "sv")
    # axe runs in the page: without JavaScript only the flow is checked.
    audit = Audit("sv") if javascript else None
    context = open_context(
        browser,
        live_server,
        "sv",
        java_script_enabled=javascript,
        timezone_id="Europe/London",
        accept_downloads=True,
        **PHONE,
    )
    page = context.new_page()
    base = live_server.url
    page.goto(base + link_for(interview.application))
    page.locator(".portal-continue button[type=submit]").click()
    page.wait_for_url("**/portal/")
    check(audit, page, "portal home with an interview to choose")
    page.locator(f'a[href="/portal/interviews/{interview.pk}/"]').click()
    page.wait_for_url(f"**/portal/interviews/{interview.pk}/**")
    if javascript:
        # The page suggested the browser's own zone once.
        page.wait_for_url("**tz=Europe%2FLondon**")
        assert page.locator("#tz").input_value() == "Europe/London"
    check(audit, page, "portal interview, choose a time")
    page.locator(f'input[name=slot][value="{times[1].pk}"]').check()
    page.locator(".pick-form button[type=submit]").click()
    page.wait_for_selector("text=Lägg till i din kalender")
    check(audit, page, "portal interview, booked")
    interview.refresh_from_db()
    assert interview.status == Status.BOOKED and interview.slot_id == times[1].pk
    with page.expect_download() as download:
        page.locator(f'a[href="/portal/interviews/{interview.pk}/interview.ics"]').click()
    assert download.value.suggested_filename == "interview.ics"
    context.close()
    if audit is not None:
        audit.assert_clean()


def check(audit: Audit | None, page: Any, name: str) -> None:
    if audit is not None:
        audit.check(page, name)


def test_the_device_check_shows_the_camera_and_a_moving_level(
    media_browser: Any, live_server: Any, org: Any
) -> None:
    audit = Audit("en")
    context = open_context(media_browser, live_server, "en", **PHONE)
    context.grant_permissions(["camera", "microphone"])
    page = context.new_page()
    audit.visit(page, f"{live_server.url}/interview/device-check/", "device check")
    page.locator("#start-check").click()
    page.wait_for_function(
        "() => { const v = document.getElementById('preview');"
        " return v.readyState >= 2 && v.videoWidth > 0; }"
    )
    page.wait_for_function("() => document.getElementById('mic-level').value > 0")
    first = page.locator("#mic-level").evaluate("m => m.value")
    page.wait_for_function(f"() => document.getElementById('mic-level').value != {first}")
    assert "work" in page.locator("#camera-status").inner_text()
    page.locator("#check-connection").click()
    page.wait_for_function("() => document.querySelector('.device-check').dataset.connection")
    assert "Mbit/s" in page.locator("#connection-status").inner_text()
    audit.check(page, "device check, running")
    context.close()
    audit.assert_clean()


def test_a_one_way_video_answer_is_recorded_and_sent(
    media_browser: Any, live_server: Any, org: Any, rita: Any
) -> None:
    from rekryt.interviews.models import VideoAnswer, VideoQuestion

    job = make_job(recruiter=rita, title="Kundtjänst Umeå", language="en")
    question = VideoQuestion.objects.create(
        job=job, text_sv="Varför vi?", text_en="Why us?", think_seconds=1, answer_seconds=2
    )
    application = make_application(job, language="en")
    audit = Audit("en")
    context = open_context(media_browser, live_server, "en", **PHONE)
    context.grant_permissions(["camera", "microphone"])
    page = context.new_page()
    page.goto(live_server.url + link_for(application))
    page.locator(".portal-continue button[type=submit]").click()
    page.wait_for_url("**/portal/")
    page.locator(f'a[href="/portal/video/{application.pk}/"]').click()
    page.wait_for_url(f"**/portal/video/{application.pk}/")
    audit.check(page, "video questions")
    box = page.locator(".video-question").first
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    box.locator("button.begin").click()
    try:
        page.wait_for_selector(".video-question[data-recorded='1']", timeout=20_000)
    except Exception:
        raise AssertionError((box.locator(".status").inner_text(), errors)) from None
    assert box.locator("button.send").is_visible()
    # Watched back from the page itself (the page's policy allows blob: media).
    page.wait_for_function(
        "() => document.querySelector('.video-question video').readyState >= 1", timeout=10_000
    )
    assert not [e for e in errors if "Content Security Policy" in e], errors
    audit.check(page, "video question, recorded")
    box.locator("button.send").click()
    page.wait_for_selector(".video-question[data-done='1']", timeout=20_000)
    answer = VideoAnswer.objects.get(question=question, application=application)
    assert answer.completed_at is not None and answer.content_type == "video/webm"
    assert answer.size > 1000 and answer.tries_used == 1
    context.close()
    audit.assert_clean()
