"""The main staff pages pass axe-core (WCAG 2.1 A and AA and best practices)
in Swedish and English at 390 and 1280 px, and none scrolls sideways at
320–1280 px (the board's columns scroll inside their own focusable area).
The data is the demo company, loaded through the real actions, with
survey answers for the candidate-experience dashboard."""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from rekryt.accounts.models import User
from rekryt.applications.models import Application, Outcome, Resubmission
from rekryt.demo.seed import seed_demo
from rekryt.jobs.models import Job, JobStatus
from rekryt.lib.months import add_months
from rekryt.messaging.models import EmailTemplate, Message
from rekryt.privacy.models import AccessRequest
from rekryt.screening.blind import blind_ids
from rekryt.screening.models import JobQuestion
from rekryt.surveys.models import SurveyQuestion
from rekryt.surveys.tests.helpers import make_answer
from rekryt.talentpool.models import Member
from tests.browser.a11y import Audit, open_context

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]

PASSWORD = "demo-secret"


def survey_answers(jobs: list[Job]) -> None:
    """A year of answers over every step, with comments, for the dashboard."""
    now = timezone.now()
    steps = ["applied", "interview", "rejected", "hired"]
    for n in range(48):
        month = timezone.localdate(add_months(now, -(n % 12))).replace(day=1)
        job = jobs[n % len(jobs)]
        make_answer(
            (n * 7) % 11,
            step=steps[n % 4],
            job=job,
            department=job.department,
            month=month,
            comment="Snabbt och tydligt besked." if n % 5 == 0 else "",
        )


def busiest_job() -> Job:
    counts: dict[int, int] = {}
    for job_id in Application.objects.filter(outcome=Outcome.ACTIVE).values_list(
        "job_id", flat=True
    ):
        counts[job_id] = counts.get(job_id, 0) + 1
    return Job.objects.get(pk=max(counts, key=lambda pk: counts[pk]))


def log_in(page: Any, base: str, audit: Audit) -> None:
    audit.visit(page, f"{base}/staff/login/", "login")
    page.locator("form.login button[type=submit]").click()
    page.wait_for_selector(".form-errors")
    audit.check(page, "login with an error")
    page.fill("#id_username", "astrid")
    page.fill("#id_password", PASSWORD)
    page.locator("form.login button[type=submit]").click()
    page.wait_for_url("**/staff/")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_main_staff_pages_pass_axe_and_fit_the_screen(
    browser: Any, live_server: Any, language: str
) -> None:
    seed_demo(40, PASSWORD)
    base = live_server.url
    published = list(Job.objects.filter(status=JobStatus.PUBLISHED).order_by("pk"))
    survey_answers(published)
    SurveyQuestion.objects.create(text_sv="Fick du veta lönen?", text_en="Were you told the pay?")
    job = busiest_job()
    application = (
        Application.objects.filter(job=job, outcome=Outcome.ACTIVE)
        .exclude(stage__order=0)
        .order_by("pk")
        .first()
    ) or Application.objects.filter(job=job, outcome=Outcome.ACTIVE).first()
    assert application
    stage = job.stages.order_by("order").first()
    astrid = User.objects.get(username="astrid")
    request = AccessRequest.objects.order_by("pk").first()
    message = Message.objects.filter(candidate=application.candidate).order_by("pk").first()
    Message.objects.update(to_mailbox=True)
    assert request and message and stage

    audit = Audit(language)
    context = open_context(browser, live_server, language)
    page = context.new_page()
    log_in(page, base, audit)

    def visit(name: str, url_name: str, *args: Any, query: str = "") -> None:
        audit.visit(page, f"{base}{reverse(url_name, args=args)}{query}", name)

    visit("dashboard", "dashboard")
    visit("new job", "job_create")
    page.locator("main form button[type=submit].primary").first.click()
    audit.check(page, "new job with errors")
    visit("job editor", "job_edit", job.pk)
    visit("stages", "job_stages", job.pk)
    visit("board", "board", job.pk)
    # The one place that scrolls sideways on purpose is a named Tab stop.
    page.set_viewport_size({"width": 390, "height": 900})
    scroller = page.evaluate(
        "() => { const b = document.getElementById('board');"
        " return {wide: b.scrollWidth > b.clientWidth, tab: b.tabIndex,"
        " name: b.getAttribute('aria-label') || ''}; }"
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    assert scroller["wide"] and scroller["tab"] == 0 and scroller["name"].strip(), scroller
    visit("board with ended applications", "board", job.pk, query="?ended=1")
    visit("board column page", "board_column", job.pk, stage.pk)
    visit("application", "application_detail", application.pk)
    # The demo's two identity cases: a form sent again, and details that differ.
    resent = Resubmission.objects.filter(status="pending").first()
    differing = [
        a for a in Application.objects.select_related("candidate") if a.differing_details()
    ]
    assert resent and differing
    visit("application sent again", "application_detail", resent.application_id)
    visit("application sent with other details", "application_detail", differing[0].pk)
    visit("candidate with other details", "candidate_detail", differing[0].candidate_id)
    visit("reject", "application_reject", application.pk)
    # Screening: the busiest job that asks questions (two demo jobs are blind).
    screened = (
        Job.objects.filter(pk__in=JobQuestion.objects.values("job_id"))
        .annotate(n=Count("applications"))
        .order_by("-n", "pk")
        .first()
    )
    assert screened is not None
    visit("screening questions", "job_screening", screened.pk)
    visit("board, met, by score", "board", screened.pk, query="?requirements=met&sort=score")
    visit("screened list", "screening_applications", screened.pk, query="?requirements=not_met")
    # Interviews: the demo's warehouse job has a plan, held and booked interviews.
    from rekryt.interviews.models import Interview, Scorecard

    held = Scorecard.objects.filter(submitted_at__isnull=False).select_related("interview")
    card = held.order_by("pk").first()
    booked = Interview.objects.filter(status="booked").order_by("-starts_at").first()
    assert card and booked
    planned = card.interview.application.job_id
    visit("interview plan", "interview_plan", planned)
    visit("interview plan step", "interview_step", planned, card.interview.step_id)
    visit("compare candidates", "interview_compare", planned)
    visit("interview kit", "interview_kit", booked.pk)
    visit("scorecard", "scorecard_detail", card.pk)
    visit("application with interviews", "application_detail", card.interview.application_id)
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    audit.check(page, "application with the interview forms open")
    visit("your interviews", "my_interviews")
    # References: the demo has answered ones, one with signals worth a look.
    from rekryt.references.models import ReferenceRequest

    answered = ReferenceRequest.objects.filter(status="answered").select_related("referee")
    referenced = answered.order_by("pk").first()
    assert referenced
    with_refs = referenced.referee.application
    visit("application with references", "application_detail", with_refs.pk)
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    audit.check(page, "application with the add-referee form open")
    visit("references report", "references_report", with_refs.pk)
    visit("reference rules", "reference_rules", with_refs.job_id)
    from rekryt.onboarding.models import Onboarding

    visit("upcoming starts", "onboarding_upcoming")
    preboarding = Onboarding.objects.filter(status="invited").order_by("start_date").first()
    assert preboarding is not None, "the demo has hires in preboarding"
    visit("onboarding", "onboarding_detail", preboarding.pk)
    visit("onboarding hand-over", "onboarding_handover", preboarding.pk)
    visit("hired application", "application_detail", preboarding.application_id)
    # Offers: the demo has one awaiting approval, one sent and one accepted.
    from rekryt.offers.models import Offer, OfferTemplate

    for offer in Offer.objects.order_by("pk"):
        visit(f"offer, {offer.status}", "offer_detail", offer.pk)
    visit("offers to approve", "offer_approvals")
    visit("offer templates", "offer_templates")
    visit("offer template", "offer_template_edit", OfferTemplate.objects.order_by("pk")[0].pk)
    visit("new offer", "offer_new", application.pk)
    visit("question bank", "question_bank")
    visit("new question", "question_new")
    blind = Application.objects.filter(pk__in=blind_ids()).order_by("pk").first()
    assert blind
    visit("blind application", "application_detail", blind.pk)
    visit("blind document text", "blind_document", blind.documents.first().pk)
    visit("close job", "job_close_confirm", job.pk)
    visit("candidates", "candidate_list")
    visit("candidates, searched", "candidate_list", query="?q=lager")
    visit("candidates, boolean search", "candidate_list", query="?q=lager+OR+truckkort")
    visit("talent pools", "talentpool_pools")
    member = Member.objects.order_by("pk").first()
    assert member
    visit("talent pool member", "talentpool_member", member.pk)
    visit("suggestions for a job", "talentpool_suggestions", job.pk)
    visit("message to a pool", "talentpool_nurture", member.pool_id)
    visit("candidate", "candidate_detail", application.candidate_id)
    visit("waiting", "waiting")
    # Campaigns: the demo's warehouse campaign, its forms and Platsbanken page.
    from rekryt.campaigns.models import Campaign

    campaign = Campaign.objects.order_by("pk").first()
    assert campaign
    visit("campaigns", "campaign_list")
    visit("campaign", "campaign_detail", campaign.pk)
    visit("edit campaign", "campaign_edit", campaign.pk)
    visit("new campaign", "campaign_new")
    page.locator("main form button[type=submit].primary").first.click()
    audit.check(page, "new campaign with errors")
    visit("channel", "channel_edit", campaign.channels.order_by("pk").first().pk)  # type: ignore[union-attr]
    visit("platsbanken", "job_platsbanken", campaign.jobs.first().pk)  # type: ignore[union-attr]
    visit("waiting figures", "waiting_figures")
    visit("candidate experience", "cnps_dashboard")
    visit("candidate experience, one job", "cnps_dashboard", query=f"?job={published[0].pk}")
    visit("survey questions", "survey_questions")
    visit("privacy requests", "rights_request_list")
    visit("new privacy request", "rights_request_new")
    visit("privacy request", "rights_request_detail", request.pk)
    visit("legal holds", "privacy_holds")
    visit("retention", "privacy_retention")
    visit("candidate privacy", "rights_candidate", application.candidate_id)
    visit("erase a candidate", "rights_candidate_erase", application.candidate_id)
    visit("settings", "settings_home")
    visit("organisation settings", "settings_organisation")
    visit("security settings", "settings_security")
    visit("people", "staff_people")
    visit("invite", "staff_invite")
    visit("person", "staff_person", astrid.pk)
    visit("rejection reasons", "settings_reasons")
    visit("stage templates", "stage_templates")
    visit("email templates", "template_list")
    visit("email template", "template_edit", EmailTemplate.objects.order_by("pk").first().pk)
    visit("audit log", "audit_log")
    visit("mailbox", "mailbox")
    visit("mailbox message", "mailbox_message", message.pk)
    visit("outbox", "outbox")
    visit("imports", "import_upload")
    visit("two-factor", "mfa_index")
    context.close()
    audit.assert_clean()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_integration_pages_pass_axe_and_fit_the_screen(
    browser: Any, live_server: Any, language: str
) -> None:
    """API tokens (the list, a form with errors, a new token shown once),
    webhooks (the list, a form with errors, the demo HR system's endpoint
    with its delivery log) and the exports, with the demo's data."""
    from rekryt.api.models import Endpoint

    seed_demo(40, PASSWORD)
    base = live_server.url
    audit = Audit(language)
    context = open_context(browser, live_server, language)
    page = context.new_page()
    log_in(page, base, audit)

    def visit(name: str, url_name: str, *args: Any) -> None:
        audit.visit(page, f"{base}{reverse(url_name, args=args)}", name)

    visit("API tokens", "api_tokens")
    page.locator("main form.card button[type=submit]").click()
    audit.check(page, "API tokens, a new token with errors")
    page.fill("#id_name", "Lönesystemet")
    page.locator("main form.card input[name=scopes][value='handovers:read']").check()
    page.locator("main form.card button[type=submit]").click()
    page.wait_for_selector("#new-token")
    audit.check(page, "API tokens, the new token shown once")
    visit("webhooks", "webhook_endpoints")
    page.locator("main form.card button[type=submit]").click()
    audit.check(page, "webhooks, a new endpoint with errors")
    endpoint = Endpoint.objects.get()
    assert endpoint.deliveries.exists()
    visit("webhook endpoint with its log", "webhook_endpoint", endpoint.pk)
    visit("exports", "export_index")
    context.close()
    audit.assert_clean()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_analytics_pages_pass_axe_and_fit_the_screen(
    browser: Any, live_server: Any, language: str
) -> None:
    """The funnel, sources and experience pages (charts beside their tables),
    one with a malformed filter named on the page, and both reports, with
    the demo's rolled-up history."""
    seed_demo(40, PASSWORD)
    base = live_server.url
    audit = Audit(language)
    context = open_context(browser, live_server, language)
    page = context.new_page()
    log_in(page, base, audit)

    def visit(name: str, url: str) -> None:
        audit.visit(page, f"{base}{url}", name)

    visit("analytics funnel", reverse("analytics_funnel") + "?since=2020-01")
    assert page.locator("main svg").count() >= 1
    visit("analytics sources", reverse("analytics_sources") + "?since=2020-01")
    visit("analytics experience", reverse("analytics_experience") + "?since=2020-01")
    visit("analytics, a malformed filter", reverse("analytics_funnel") + "?since=13-2020&job=x")
    visit("weekly report", reverse("analytics_report"))
    visit("monthly report", reverse("analytics_monthly"))
    context.close()
    audit.assert_clean()
