"""Every page a candidate sees passes axe-core (WCAG 2.1 A and AA and best
practices) in Swedish and English at 390 and 1280 px, and none scrolls
sideways at 320–1280 px. The data is the demo company, loaded through the
real actions; the pages are reached the way a candidate reaches them."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.db.models import Max
from django.utils import timezone

from rekryt.applications.actions import Submission
from rekryt.applications.models import Application, Outcome
from rekryt.applications.rejections import future_contact_token
from rekryt.applications.submissions import submit_application
from rekryt.demo.seed import seed_demo
from rekryt.jobs.models import Job, JobStatus
from rekryt.lib.tests.files import make_pdf
from rekryt.lib.tokens import new_token
from rekryt.messaging.models import Message, TemplateKind
from rekryt.portal.tokens import mint
from rekryt.privacy.consent import record_consent
from rekryt.privacy.models import ConsentMethod, ConsentPurpose
from rekryt.privacy.retention import renewal_token
from rekryt.surveys.models import Survey, SurveyStatus
from tests.browser.a11y import Audit, open_context

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]


def active_application() -> Application:
    """An applicant still in the running, several stages in, with emails."""
    return (
        Application.objects.filter(outcome=Outcome.ACTIVE, job__status=JobStatus.PUBLISHED)
        .exclude(stage__order=0)
        .order_by("pk")
        .first()
    ) or Application.objects.filter(outcome=Outcome.ACTIVE).order_by("pk").first()


def a_survey(application: Application, language: str) -> str:
    raw, hashed = new_token()
    now = timezone.now()
    # A source event no survey of the demo has (it is unique).
    taken = Survey.objects.aggregate(Max("source_event"))["source_event__max"] or 0
    Survey.objects.create(
        application=application,
        candidate=application.candidate,
        job=application.job,
        department=application.job.department,
        step="applied",
        source_event=taken + 1,
        status=SurveyStatus.SENT,
        due_at=now,
        sent_at=now,
        expires_at=now + timedelta(days=30),
        token_hash=hashed,
        language=language,
    )
    return raw


def preboarding_pages(page: Any, audit: Audit, base: str) -> None:
    """A demo hire's preboarding portal, fresh and with each form's errors."""
    from rekryt.onboarding.models import Onboarding

    hire = Onboarding.objects.filter(status="invited").order_by("start_date").first()
    assert hire is not None, "the demo has hires in preboarding"
    audit.visit(page, f"{base}/portal/t/{mint(hire.application.candidate)}/", "new hire link")
    page.locator(".portal-continue button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/portal/$"))
    audit.check(page, "portal home of a new hire")
    audit.visit(page, f"{base}/portal/onboarding/{hire.pk}/", "preboarding")
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    audit.check(page, "preboarding with every document open")
    page.fill("#id_clearing", "12")
    page.locator("#pay form button[type=submit]").click()
    page.wait_for_selector(".error-summary")
    audit.check(page, "preboarding, pay details with an error")
    page.locator("#files form button[type=submit]").click()
    page.wait_for_selector(".error-summary")
    audit.check(page, "preboarding, no file chosen")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_candidate_page_passes_axe_and_fits_the_screen(
    browser: Any, live_server: Any, settings: Any, tmp_path: Any, language: str
) -> None:
    seed_demo(40, "demo-secret")
    base = live_server.url
    # A job without screening questions: the form is filled with the basic
    # fields only (tests/browser/test_screening_flow.py answers questions).
    published = Job.objects.filter(status=JobStatus.PUBLISHED, screening_questions__isnull=True)
    job = published.order_by("pk").first()
    closed = Job.objects.filter(status=JobStatus.CLOSED).first()
    assert job and closed
    application = active_application()
    candidate = application.candidate
    rejected = Application.objects.filter(outcome=Outcome.REJECTED).order_by("pk").first()
    assert rejected
    consent = record_consent(
        candidate,
        purpose=ConsentPurpose.FUTURE_CONTACT,
        given=True,
        text="Norrsken Logistik AB may keep my details and contact me about future roles.",
        method=ConsentMethod.APPLY_FORM,
        language=language,
    )
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(make_pdf("Sara Nilsson lagerarbetare truckkort"))

    audit = Audit(language)
    context = open_context(browser, live_server, language)
    page = context.new_page()
    visit = audit.visit

    # The career site.
    visit(page, f"{base}/", "career list")
    visit(page, f"{base}/?department={job.department}&workplace=onsite", "career list, filtered")
    visit(page, f"{base}/?department=Nothing&page=99", "career list, nothing found")
    visit(page, f"{base}{job.get_absolute_url()}", "job page")
    visit(page, f"{base}{closed.get_absolute_url()}", "closed job page")
    visit(page, f"{base}/jobs/{closed.slug}/apply/", "apply to a closed job", status=410)
    visit(page, f"{base}/privacy/", "privacy notice")
    visit(page, f"{base}/embed/jobs/", "embeddable job list")
    visit(page, f"{base}/interview/device-check/", "interview device check")

    # The talent community: the form, re-shown with errors, then joined.
    visit(page, f"{base}/talent/", "talent pool form")
    page.fill("#id_first_name", "Nora")
    page.fill("#id_email", "not an address")
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector(".error")
    audit.check(page, "talent pool form with errors")
    page.fill("#id_last_name", "Lind")
    page.fill("#id_email", "nora.lind@example.org")
    page.check("#id_intent_0")
    page.check("#id_consent")
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector("h1")
    audit.check(page, "talent pool joined")

    # The form: fresh, then re-shown with errors and a kept file, then sent.
    visit(page, f"{base}/jobs/{job.slug}/apply/", "apply form")
    page.fill("#id_first_name", "Sara")
    page.fill("#id_email", "not an address")
    page.set_input_files("#id_cv", str(cv))
    page.locator("form.apply-form button[type=submit]").click()
    page.wait_for_selector("#error-summary")
    assert page.locator(".attached").count() == 1, "the accepted CV is kept"
    audit.check(page, "apply form with errors and a kept file")
    page.fill("#id_last_name", "Nilsson")
    page.fill("#id_email", "sara.nilsson@example.org")
    page.check("#id_consent")
    page.locator("form.apply-form button[type=submit]").click()
    page.wait_for_url("**/applied/**")
    audit.check(page, "applied confirmation")
    visit(page, page.url, "applied, from the link")
    settings.APPLY_RATE_LIMIT = 0
    page.goto(f"{base}/jobs/{job.slug}/apply/")
    page.locator("form.apply-form button[type=submit]").click()
    page.wait_for_selector(".rate-limited")
    audit.check(page, "rate limited")

    # Links in emails: future roles, consent renewal, a survey.
    visit(page, f"{base}/future-roles/{future_contact_token(rejected)}/", "future contact")
    visit(page, f"{base}/future-roles/altered/", "future contact, bad link", status=404)
    visit(page, f"{base}/privacy/consent/{renewal_token(consent)}/", "consent renewal")
    visit(page, f"{base}/privacy/consent/altered/", "consent renewal, bad link", status=404)
    survey = a_survey(application, language)
    visit(page, f"{base}/survey/{survey}/", "survey")
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector(".error-summary")
    audit.check(page, "survey sent without a score")
    visit(page, f"{base}/survey/{survey}/?score=3", "survey with a score chosen")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/survey/thanks/")
    audit.check(page, "survey thanks")
    visit(page, f"{base}/survey/{survey}/unsubscribe/", "stop surveys")
    page.locator("main form button[type=submit]").click()
    audit.check(page, "surveys stopped")
    visit(page, f"{base}/survey/{'x' * 43}/", "survey, bad link", status=404)

    # The form sent again for the same job, and to another with other
    # details: the portal asks what to do with each.
    submit_application(
        application.job,
        Submission(first_name="Sara", last_name="Again", email=candidate.email, about="Again"),
    )
    elsewhere = Job.objects.published().exclude(applications__candidate=candidate).first()
    assert elsewhere
    submit_application(
        elsewhere,
        Submission(first_name="Sara", last_name="Other", email=candidate.email, phone="0701"),
    )

    # The portal, through the emailed link.
    visit(page, f"{base}/portal/t/{'x' * 43}/", "portal, bad link", status=404)
    visit(page, f"{base}/portal/new-link/", "portal, ask for a new link")
    page.fill("#id_email", "not an address")
    page.locator(".portal form button[type=submit]").click()
    audit.check(page, "portal, new link with an error")
    page.fill("#id_email", candidate.email)
    page.locator(".portal form button[type=submit]").click()
    page.wait_for_url("**/new-link/sent/")
    audit.check(page, "portal, new link sent")
    visit(page, f"{base}/portal/t/{mint(candidate)}/", "portal link landing")
    page.locator(".portal-continue button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/portal/$"))
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    audit.check(page, "portal home with every conversation open")
    visit(page, f"{base}/portal/details/", "portal, contact details")
    page.fill("#id_first_name", "")
    page.locator(".portal form button[type=submit]").click()
    audit.check(page, "portal, contact details with an error")
    pk = application.pk
    visit(page, f"{base}/portal/applications/{pk}/write/", "portal, write")
    page.locator(".portal form button[type=submit]").click()
    audit.check(page, "portal, write with an error")
    visit(page, f"{base}/portal/applications/{pk}/cv/", "portal, new CV")
    visit(page, f"{base}/portal/applications/{pk}/withdraw/", "portal, withdraw")
    visit(page, f"{base}/portal/privacy/", "portal, consent")
    visit(page, f"{base}/portal/data/", "portal, your data")
    visit(page, f"{base}/portal/data/erase/", "portal, ask to delete")
    page.goto(f"{base}/portal/data/")
    page.locator("main form button.primary").click()
    page.wait_for_url("**/link/sent/")
    audit.check(page, "portal, download link sent")
    email = Message.objects.get(kind=TemplateKind.DATA_EXPORT, candidate=candidate)
    link = re.search(r"/portal/data/[A-Za-z0-9_-]+/", email.body_text)
    assert link, email.body_text
    visit(page, f"{base}{link.group(0)}", "data download confirmation")
    visit(page, f"{base}/portal/data/{'x' * 43}/", "data download, bad link", status=404)
    preboarding_pages(page, audit, base)
    page.goto(f"{base}/portal/")
    page.locator(".portal-nav form button").click()
    page.wait_for_url("**/signed-out/")
    audit.check(page, "portal, signed out")

    # The demo's offers: one waiting for an answer, one accepted and signed.
    from rekryt.offers.models import Offer
    from rekryt.offers.models import Status as OfferStatus

    for status in (OfferStatus.SENT, OfferStatus.ACCEPTED):
        offer = Offer.objects.select_related("application__candidate").get(status=status)
        page.goto(f"{base}/portal/t/{mint(offer.application.candidate)}/")
        page.locator(".portal-continue button[type=submit]").click()
        page.wait_for_url(re.compile(r".*/portal/$"))
        audit.check(page, f"portal home with an offer {status}")
        visit(page, f"{base}/portal/offers/{offer.pk}/", f"portal, offer {status}")
    context.close()
    audit.assert_clean()
