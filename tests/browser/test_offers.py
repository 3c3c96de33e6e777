"""A candidate reads an offer in the portal on a phone, is told kindly when
the name typed is not theirs, signs with their name and downloads the signed
offer; with JavaScript and without. Every page passes axe-core and fits
the screen. The staff's offer pages pass axe too."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.urls import reverse

from conftest import make_application, make_job
from rekryt.applications.models import Outcome
from rekryt.offers import actions
from rekryt.offers.models import Offer, Status
from rekryt.offers.tests.helpers import draft, sent
from rekryt.portal.tests.conftest import link_for
from tests.browser.a11y import Audit, open_context

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


def check(audit: Audit | None, page: Any, name: str) -> None:
    if audit is not None:
        audit.check(page, name)


@pytest.mark.parametrize("javascript", [True, False])
def test_a_candidate_accepts_an_offer_on_a_phone(
    browser: Any, live_server: Any, org: Any, rita: Any, javascript: bool
) -> None:
    job = make_job(recruiter=rita, title="Lagerchef Borås", language="sv")
    application = make_application(job, first_name="Åsa", last_name="Lindström", language="sv")
    offer = sent(application, rita, title="Lagerchef", benefits="Friskvårdsbidrag 5 000 kr.")
    audit = Audit("sv") if javascript else None
    context = open_context(
        browser, live_server, "sv", java_script_enabled=javascript, accept_downloads=True, **PHONE
    )
    page = context.new_page()
    base = live_server.url
    page.goto(base + link_for(application))
    page.locator(".portal-continue button[type=submit]").click()
    page.wait_for_url("**/portal/")
    check(audit, page, "portal home with an offer")
    page.locator(f'a[href="/portal/offers/{offer.pk}/"]').click()
    page.wait_for_url(f"**/portal/offers/{offer.pk}/")
    check(audit, page, "portal offer")
    with page.expect_download() as download:
        page.locator(f'a[href="/portal/offers/{offer.pk}/offer.pdf"]').click()
    shown = download.value.path().read_bytes()
    assert hashlib.sha256(shown).hexdigest() == offer.pdf_sha256
    # Someone else's name: refused kindly, nothing signed, the page keeps what was typed.
    page.fill("#id_full_name", "Anna Svensson")
    page.check("#id_confirm")
    page.locator(".accept-form button[type=submit]").click()
    page.wait_for_selector(".error-summary")
    assert page.locator("#id_full_name").input_value() == "Anna Svensson"
    check(audit, page, "portal offer, name not matching")
    page.fill("#id_full_name", "åsa lindström")
    if not page.locator("#id_confirm").is_checked():
        page.check("#id_confirm")
    page.locator(".accept-form button[type=submit]").click()
    page.wait_for_selector("text=Du har tackat ja till erbjudandet")
    check(audit, page, "portal offer, accepted")
    offer.refresh_from_db()
    assert offer.status == Status.ACCEPTED and offer.signed_name == "åsa lindström"
    assert offer.pdf_sha256 == hashlib.sha256(shown).hexdigest()
    application.refresh_from_db()
    assert application.outcome == Outcome.HIRED
    with page.expect_download() as signed:
        page.locator(f'a[href="/portal/offers/{offer.pk}/signed.pdf"]').click()
    assert signed.value.path().read_bytes().startswith(b"%PDF")
    # The signature started the onboarding with the offer's start date; once
    # the recruiter opens the preboarding, the portal leads the new hire there.
    from rekryt.onboarding.actions import invite
    from rekryt.onboarding.models import Onboarding

    onboarding = Onboarding.objects.get(application=application)
    assert onboarding.start_date == offer.start_date
    invite(onboarding, rita)
    page.goto(base + "/portal/")
    page.locator(f'a[href="/portal/onboarding/{onboarding.pk}/"]').first.click()
    page.wait_for_url(f"**/portal/onboarding/{onboarding.pk}/")
    page.wait_for_selector("text=Välkommen, Åsa!")
    check(audit, page, "preboarding after signing")
    context.close()
    if audit is not None:
        audit.assert_clean()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_other_offer_pages_pass_axe(
    browser: Any, live_server: Any, org: Any, rita: Any, hanna: Any, language: str
) -> None:
    job = make_job(recruiter=rita, title="Lagerchef Borås", language=language)
    job.team.add(hanna)
    declining = make_application(job, language=language)
    offer = sent(declining, rita)
    superseded = sent(make_application(job, language=language), rita)
    actions.change_offer(superseded, rita, {"salary": 43000})
    waiting = draft(make_application(job, language=language), rita, needs_approval=True)
    actions.ask_approval(waiting, rita)
    audit = Audit(language)
    base = live_server.url

    context = open_context(browser, live_server, language, **PHONE)
    page = context.new_page()
    page.goto(base + link_for(declining))
    page.locator(".portal-continue button[type=submit]").click()
    page.wait_for_url("**/portal/")
    audit.visit(page, f"{base}/portal/offers/{offer.pk}/decline/", "decline an offer")
    page.fill("#id_reason", "Jag har tackat ja till ett annat jobb.")
    page.locator("form.portal-form button[type=submit]").click()
    page.wait_for_url(f"**/portal/offers/{offer.pk}/")
    audit.check(page, "offer declined")
    page.goto(base + link_for(superseded.application))
    page.locator(".portal-continue button[type=submit]").click()
    page.wait_for_url("**/portal/")
    audit.visit(page, f"{base}/portal/offers/{superseded.pk}/", "superseded offer")
    context.close()

    context = open_context(browser, live_server, language)
    page = context.new_page()
    page.goto(f"{base}/staff/login/")
    page.fill("#id_username", "hanna")
    page.fill("#id_password", "pw-hanna")
    page.locator("form.login button[type=submit]").click()
    page.wait_for_url("**/staff/")

    def visit(name: str, url_name: str, *args: Any) -> None:
        audit.visit(page, f"{base}{reverse(url_name, args=args)}", name)

    visit("offers to approve", "offer_approvals")
    visit("offer awaiting approval", "offer_detail", waiting.pk)
    visit("declined offer", "offer_detail", offer.pk)
    newest = Offer.objects.get(application=superseded.application, version=2)
    visit("offer with versions", "offer_detail", newest.pk)
    visit("change an offer", "offer_edit", newest.pk)
    visit("application with an offer", "application_detail", declining.pk)
    visit("new offer", "offer_new", make_application(job, language=language).pk)
    context.close()
    audit.assert_clean()
