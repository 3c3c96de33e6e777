"""A passkey is added and used to log in, in Chromium with a virtual
authenticator: allauth's WebAuthn JavaScript, served from our static files,
works under the Content-Security-Policy."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rekryt.accounts.models import User

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not found"),
]


@pytest.fixture
def page(settings: Any) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    # Passkeys need a secure origin; http://localhost is one for browsers,
    # and allauth accepts it only with this switch (DEBUG turns it on).
    settings.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run"],
        )
        context = browser.new_context(locale="en-GB")
        page = context.new_page()
        page.set_default_timeout(15_000)
        cdp = context.new_cdp_session(page)
        cdp.send("WebAuthn.enable")
        cdp.send(
            "WebAuthn.addVirtualAuthenticator",
            {
                "options": {
                    "protocol": "ctap2",
                    "transport": "internal",
                    "hasResidentKey": True,
                    "hasUserVerification": True,
                    "isUserVerified": True,
                    "automaticPresenceSimulation": True,
                }
            },
        )
        yield page
        context.close()
        browser.close()


def test_a_passkey_is_added_and_logs_in_without_a_password(
    page: Any, live_server: Any, rita: User
) -> None:
    from allauth.mfa.models import Authenticator

    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    base = live_server.url.replace("127.0.0.1", "localhost")
    page.goto(f"{base}/staff/login/")
    page.fill("#id_username", "rita")
    page.fill("#id_password", "pw-rita")
    page.get_by_role("button", name="Log in", exact=True).click()
    page.wait_for_url("**/staff/")

    page.goto(f"{base}/staff/account/2fa/webauthn/add/")
    page.fill("input[name=password]", "pw-rita")  # allauth asks again first
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/webauthn/add/**")
    page.fill("input[name=name]", "Laptop")
    page.check("input[name=passwordless]")
    page.click("#mfa_webauthn_add")
    page.wait_for_url(lambda url: "/webauthn/add/" not in url)
    assert Authenticator.objects.filter(user=rita, type="webauthn").exists()

    page.goto(f"{base}/staff/")
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/staff/login/")
    page.click("#passkey_login")
    page.wait_for_url("**/staff/")
    assert "Rita" in page.content()
    assert not violations, violations
