"""A referee answers on a phone: opens the link from the email, rates and
writes, saves and comes back, is stopped once for a question left out
(nothing typed is lost), sends, and sees the thanks; the same link then
shows no answers. The pages work without JavaScript, pass axe-core and fit
the screen, in Swedish and English, with the portal page where the
candidate names referees."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import make_application, make_job
from rekryt.interviews.tests.helpers import scorecard
from rekryt.portal.tests.conftest import link_for
from rekryt.references import actions
from rekryt.references.models import ReferenceRequest, StageRule, Status
from rekryt.references.tests.helpers import raw_token, referee
from tests.browser.a11y import Audit, open_context

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


def asked(rita: Any, language: str) -> tuple[Any, ReferenceRequest, str]:
    job = make_job(recruiter=rita, title="Truckförare Jönköping", language=language)
    scorecard(job)
    application = make_application(job, language=language, first_name="Sara")
    StageRule.objects.create(stage=application.stage, referees_required=2)
    referee(application, 1, name="Annika Lund", language=language)
    [request] = actions.request_references(application, rita)
    return application, request, raw_token(request)


@pytest.mark.parametrize("javascript", [True, False])
def test_a_referee_answers_on_a_phone(
    browser: Any, live_server: Any, rita: Any, javascript: bool
) -> None:
    _application, request, token = asked(rita, "sv")
    audit = Audit("sv")
    context = open_context(browser, live_server, "sv", java_script_enabled=javascript, **PHONE)
    page = context.new_page()
    url = f"{live_server.url}/reference/{token}/"
    if javascript:
        audit.visit(page, url, "referee questionnaire")
    else:
        page.goto(url)
    assert "Referens för Sara" in page.locator("h1").inner_text()
    page.locator("summary", has_text="Så hanterar vi dina svar").click()
    assert page.get_by_text("Du behöver inte svara.").is_visible()

    items = list(request.items.all())
    likert = [i for i in items if i.kind == "likert"]
    texts = [i for i in items if i.kind == "text"]
    for item in likert:
        page.locator(f"label[for=id_item_{item.pk}_3]").click()  # the 4
    page.fill(f"#id_item_{texts[0].pk}", "Vi arbetade ihop i tre år på terminalen.")
    page.get_by_role("button", name="Spara och fortsätt senare").click()
    page.wait_for_url("**?saved=1")
    assert page.get_by_role("status").is_visible()

    page.goto(url)  # coming back later through the same link
    assert page.locator(f"#id_item_{texts[0].pk}").input_value().startswith("Vi arbetade")
    page.get_by_role("button", name="Skicka mina svar").click()
    assert page.locator("#error-summary").is_visible()
    if javascript:
        audit.check(page, "referee questionnaire with errors")
    assert page.locator(f"#id_item_{texts[0].pk}").input_value().startswith("Vi arbetade")
    for item in texts[1:]:
        page.fill(f"#id_item_{item.pk}", "Noggrann, lugn och hjälpsam mot nya kollegor.")
    page.get_by_role("button", name="Skicka mina svar").click()
    assert "Tack, dina svar är skickade" in page.locator("h1").inner_text()
    if javascript:
        audit.check(page, "referee thanks")

    request.refresh_from_db()
    assert request.status == Status.ANSWERED
    assert {i.rating for i in request.items.filter(kind="likert")} == {4}
    page.goto(url)
    assert "Noggrann" not in page.content()
    context.close()
    if javascript:
        audit.assert_clean()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_referee_and_portal_pages_pass_axe(
    browser: Any, live_server: Any, rita: Any, language: str
) -> None:
    application, _request, token = asked(rita, language)
    audit = Audit(language)
    context = open_context(browser, live_server, language, **PHONE)
    page = context.new_page()
    base = live_server.url
    audit.visit(page, f"{base}/reference/{token}/decline/", "referee decline")
    audit.visit(page, f"{base}/reference/{'x' * 43}/", "referee, bad link", status=404)
    page.goto(f"{base}{link_for(application)}")
    page.locator(".portal-continue button[type=submit]").click()
    page.wait_for_url("**/portal/")
    audit.check(page, "portal home with the referees panel")
    audit.visit(page, f"{base}/portal/references/{application.pk}/", "portal, your referees")
    page.locator(".portal-form button[type=submit]").click()
    audit.check(page, "portal, your referees with errors")
    page.goto(f"{base}/reference/{token}/decline/")
    page.locator("main form button[type=submit]").click()
    audit.check(page, "referee declined")
    context.close()
    audit.assert_clean()
