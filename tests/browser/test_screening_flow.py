"""On a 390 px phone: a candidate answers a job's screening questions, is
told kindly about a missed must-have and sends anyway, then takes the logic
test and the personality questionnaire from the emailed links; a recruiter
opens the blind board. Every page passes axe-core and fits the screen."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest

from conftest import make_job
from rekryt.applications.models import Application
from rekryt.jobs.models import stages_for
from rekryt.messaging.models import Message
from rekryt.screening import invitations, logic, personality
from rekryt.screening.actions import set_blind_review
from rekryt.screening.blind import pseudonym_code
from rekryt.screening.models import AssessmentKind, JobTest, Result, Rule
from rekryt.screening.tests.helpers import ask, choice_key, make_question
from tests.browser.a11y import Audit, open_context

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


def screened_job(rita: Any) -> Any:
    job = make_job(recruiter=rita, title="Truckförare Jönköping", language="sv")
    licence = make_question(
        "yes_no", "Har du truckkort A och B?", "Do you hold forklift licences A and B?"
    )
    languages = make_question(
        "multiple",
        "Vilka språk kan du arbeta på?",
        "Which languages can you work in?",
        [("Svenska", "Swedish"), ("Engelska", "English"), ("Polska", "Polish")],
    )
    years = make_question(
        "number", "Hur många års erfarenhet har du?", "How many years of experience?"
    )
    start = make_question("date", "När kan du börja?", "When can you start?")
    ask(job, licence, rule=Rule.MUST, accepted=["yes"])
    polish = choice_key(languages, "Polish")
    ask(job, languages, rule=Rule.MERIT, required=False, points={polish: 2})
    ask(job, years, rule=Rule.MERIT, minimum=Decimal(2), points_when_met=3)
    ask(job, start, required=False)
    JobTest.objects.create(job=job, kind=AssessmentKind.LOGIC)
    JobTest.objects.create(job=job, kind=AssessmentKind.PERSONALITY)
    return job


@pytest.mark.parametrize("language", ["sv", "en"])
def test_questions_tests_and_the_blind_board_on_a_phone(
    browser: Any, live_server: Any, org: Any, rita: Any, language: str
) -> None:
    job = screened_job(rita)
    base = live_server.url
    audit = Audit(language)
    context = open_context(browser, live_server, language, **PHONE)
    page = context.new_page()

    audit.visit(page, f"{base}/jobs/{job.slug}/apply/", "apply form with screening questions")
    page.fill("#id_first_name", "Zofia")
    page.fill("#id_last_name", "Kowalczyk")
    page.fill("#id_email", "zofia@example.org")
    page.fill("#id_about", "Sex år som truckförare i Jönköping.")
    radios = page.locator(".screening-questions input[type=radio][value=no]")
    radios.first.check()
    page.locator(".screening-questions input[type=checkbox]").last.check()
    page.locator(".screening-questions input[inputmode=decimal]").fill("6")
    page.check("#id_consent")
    page.locator("form.apply-form button[type=submit]").click()
    page.wait_for_selector("#screening-notice")
    notice = page.locator("#screening-notice").inner_text()
    assert ("truckkort" in notice) or ("forklift" in notice), notice
    assert not Application.objects.exists()
    assert page.locator(".screening-questions input[value=no]").first.is_checked()
    audit.check(page, "apply form, a must-have missed")
    page.locator("form.apply-form button[type=submit]").click()
    page.wait_for_url("**/applied/**")
    application = Application.objects.get()
    assert application.screening.requirements_met is False
    assert application.screening.score == 2 + 3

    for kind in (AssessmentKind.LOGIC, AssessmentKind.PERSONALITY):
        email = Message.objects.get(
            kind=invitations.INVITED, application=application, idempotency_key__endswith=kind
        )
        path = re.search(r"/tests/t/[^/\s]+/", email.body_text).group(0)
        audit.visit(page, f"{base}{path}", f"{kind} link landing")
        page.locator(".portal-continue button[type=submit]").click()
        page.wait_for_url(re.compile(r".*/portal/tests/\d+/$"))
        audit.check(page, f"{kind} introduction")
        page.locator("button[name=start]").click()
        page.wait_for_load_state()
        if kind == AssessmentKind.LOGIC:
            result = Result.objects.get(kind=kind)
            for item in logic.items(result.seed):
                if item.index == 0:
                    audit.check(page, "logic test, first item")
                page.locator(f"input[name=choice][value='{item.answer}']").check()
                page.locator(".sitting form button.send").click()
                page.wait_for_load_state()
        else:
            page.locator(".sitting form button.send").click()
            page.wait_for_selector(".error-summary")
            audit.check(page, "questionnaire page with an error")
            for _number in range(personality.PAGES):
                for statement in page.locator("fieldset.statement").all():
                    statement.locator("input[value='4']").check()
                page.locator(".sitting form button.send").click()
                page.wait_for_load_state()
        audit.check(page, f"{kind} done")
        assert Result.objects.get(kind=kind).is_complete
    audit.visit(page, f"{base}/portal/tests/", "portal, your tests")
    assert Result.objects.get(kind=AssessmentKind.LOGIC).score == logic.COUNT

    set_blind_review(job, list(stages_for(job))[2])
    staff = open_context(browser, live_server, language, **PHONE).new_page()
    staff.goto(f"{base}/staff/login/")
    staff.fill("#id_username", "rita")
    staff.fill("#id_password", "pw-rita")
    staff.locator("form.login button[type=submit]").click()
    staff.wait_for_url("**/staff/")
    audit.visit(staff, f"{base}/staff/jobs/{job.pk}/board/?sort=score", "blind board")
    board = staff.content()
    assert "Zofia" not in board and "Kowalczyk" not in board
    assert pseudonym_code(application.pk) in board
    audit.visit(staff, f"{base}/staff/applications/{application.pk}/", "blind application page")
    assert "Kowalczyk" not in staff.content()
    audit.assert_clean()
