"""A new hire opens the preboarding portal from the invitation email on a
phone, with and without JavaScript: reads the welcome and the first week,
confirms the handbook, answers the questions about them, sends a file and
their bank details. Every page passes axe-core and fits the screen."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import make_job
from rekryt.lib.tests.files import make_pdf
from rekryt.messaging.models import Message
from rekryt.onboarding.actions import invite, save_plan
from rekryt.onboarding.models import Confirmation, Onboarding, Upload
from rekryt.onboarding.sealing import open_sealed
from rekryt.onboarding.tests.helpers import hire, policy
from tests.browser.a11y import Audit, open_context

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


def invited(rita: Any, hanna: Any, language: str) -> Onboarding:
    job = make_job(recruiter=rita, title="Lagerchef Kiruna", language=language)
    job.team.add(hanna)
    onboarding = hire(job, rita, start=timezone.localdate() + timedelta(days=14))
    save_plan(
        onboarding,
        {
            "welcome_sv": "Varmt välkommen till oss!",
            "welcome_en": "A warm welcome to us!",
            "first_week_sv": "Måndag: frukost med teamet.",
            "first_week_en": "Monday: breakfast with the team.",
            "address": "Malmvägen 4, Kiruna",
            "met_by": hanna,
            "people": [hanna],
        },
        rita,
    )
    invite(onboarding, rita)
    return onboarding


@pytest.mark.parametrize("javascript", [True, False])
def test_a_new_hire_uses_the_preboarding_portal_on_a_phone(
    browser: Any, live_server: Any, org: Any, rita: Any, hanna: Any, tmp_path: Any, javascript: bool
) -> None:
    onboarding = invited(rita, hanna, "sv")
    handbook = policy()
    email = Message.objects.get(kind="onboarding_invite")
    link = re.search(r"/portal/t/[A-Za-z0-9_-]{43}/", email.body_text)
    assert link, email.body_text
    audit = Audit("sv") if javascript else None
    context = open_context(browser, live_server, "sv", java_script_enabled=javascript, **PHONE)
    page = context.new_page()
    base = live_server.url
    page.goto(base + link.group(0))
    page.locator(".portal-continue button[type=submit]").click()
    page.wait_for_url("**/portal/")
    check(audit, page, "portal home of a new hire")
    page.locator(f'a[href="/portal/onboarding/{onboarding.pk}/"]').click()
    page.wait_for_url(f"**/portal/onboarding/{onboarding.pk}/")
    assert "Varmt välkommen till oss!" in page.content()
    assert "Malmvägen 4, Kiruna" in page.content()
    assert hanna.display_name in page.locator("#people").inner_text()
    check(audit, page, "preboarding")

    page.locator("#documents summary").first.click()
    page.locator("#documents form button[type=submit]").click()
    page.wait_for_url(f"**/portal/onboarding/{onboarding.pk}/#documents")
    assert Confirmation.objects.filter(onboarding=onboarding, material=handbook).exists()

    page.fill("#id_dietary", "Vegetarian")
    page.select_option("#id_computer", "mac")
    page.locator("#about-you form button[type=submit]").click()
    page.wait_for_url("**#about-you")
    onboarding.refresh_from_db()
    assert onboarding.dietary == "Vegetarian" and onboarding.computer == "mac"

    contract = tmp_path / "avtal.pdf"
    contract.write_bytes(make_pdf("Anställningsavtal, undertecknat"))
    page.select_option("#id_kind", "contract")
    page.set_input_files("#id_file", str(contract))
    page.locator("#files form button[type=submit]").click()
    page.wait_for_url("**#files")
    assert Upload.objects.filter(onboarding=onboarding, kind="contract").exists()

    page.fill("#id_clearing", "83")
    page.fill("#id_account", "9234567890")
    page.locator("#pay form button[type=submit]").click()
    page.wait_for_selector(".error-summary")
    check(audit, page, "preboarding, pay details with an error")
    assert page.locator("#id_account").input_value() == "9234567890"
    page.fill("#id_clearing", "8327")
    page.locator("#pay form button[type=submit]").click()
    page.wait_for_url("**#pay")
    onboarding.refresh_from_db()
    assert open_sealed(onboarding.bank_sealed) == {"clearing": "8327", "account": "9234567890"}
    check(audit, page, "preboarding, everything sent")
    context.close()
    if audit is not None:
        audit.assert_clean()


def check(audit: Audit | None, page: Any, name: str) -> None:
    if audit is not None:
        audit.check(page, name)
