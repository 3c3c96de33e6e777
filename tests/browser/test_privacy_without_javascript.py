"""A candidate uses their privacy rights in a browser with JavaScript off:
agrees to future contact, withdraws it, and downloads a copy of their data
through the emailed one-time link."""

from __future__ import annotations

import json
import re
import zipfile
from typing import Any

import pytest

from conftest import make_application, make_job
from rekryt.messaging.models import Message, TemplateKind
from rekryt.portal.tokens import mint
from rekryt.privacy.models import AccessRequest, Consent, RequestStatus

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]


def test_consent_and_a_copy_of_ones_data_without_javascript(
    browser: Any, live_server: Any, org: Any, rita: Any
) -> None:
    job = make_job(recruiter=rita, title="Truckförare Luleå")
    application = make_application(job, first_name="Sanna", email="sanna@example.org")
    candidate = application.candidate
    context = browser.new_context(locale="en-GB", java_script_enabled=False, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)

    page.goto(f"{live_server.url}/portal/t/{mint(candidate)}/")
    page.get_by_role("button", name="Continue to your applications").click()
    page.get_by_role("link", name="Your consent to future contact").click()
    page.get_by_role("button", name=re.compile("^Yes, I agree.*future roles")).click()
    assert Consent.objects.in_force().filter(candidate=candidate).count() == 1
    page.get_by_role("button", name=re.compile("^Withdraw my consent.*future roles")).click()
    assert not Consent.objects.in_force().filter(candidate=candidate).exists()
    assert Consent.objects.filter(candidate=candidate).count() == 2  # the history stays

    page.goto(f"{live_server.url}/portal/")
    page.get_by_role("link", name="Your data").click()
    page.get_by_role("button", name="Email me a download link").click()
    email = Message.objects.get(kind=TemplateKind.DATA_EXPORT, candidate=candidate)
    link = re.search(r"https?://\S+/portal/data/[A-Za-z0-9_-]+/", email.body_text)
    assert link, email.body_text
    path = link.group(0).split("/portal/", 1)[1]

    # The mail is opened in another browser: the link alone is enough.
    elsewhere = browser.new_context(java_script_enabled=False, accept_downloads=True)
    mail_page = elsewhere.new_page()
    mail_page.goto(f"{live_server.url}/portal/{path}")
    assert AccessRequest.objects.get().downloaded_at is None  # opening changes nothing
    with mail_page.expect_download() as download_info:
        mail_page.get_by_role("button", name="Download my data").click()
    archive = zipfile.ZipFile(download_info.value.path())
    data = json.loads(archive.read("data.json"))
    assert "sanna@example.org" in json.dumps(data)
    assert AccessRequest.objects.get().status == RequestStatus.ANSWERED
    elsewhere.close()
    context.close()
