"""A table that is wider than a phone scrolls inside its .table-wrap, and a
keyboard must be able to scroll it too (axe `scrollable-region-focusable`):
every wrapper on the staff pages is a Tab stop with a name."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from rekryt.messaging.models import Message
from rekryt.privacy.consent import record_consent
from rekryt.privacy.holds import place_hold
from rekryt.privacy.models import ConsentMethod, ConsentPurpose, RequestChannel, RequestKind
from rekryt.privacy.requests import register
from rekryt.surveys.models import SurveyQuestion
from rekryt.surveys.tests.helpers import make_answer


class Wrappers(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.wrappers: list[dict[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if "id" in found:
            self.ids.add(found["id"])
        if "table-wrap" in found.get("class", "").split():
            self.wrappers.append(found)


def problems(html: str) -> list[str]:
    page = Wrappers()
    page.feed(html)
    if not page.wrappers:
        return ["no table on the page"]
    found = []
    for wrapper in page.wrappers:
        labelled = wrapper.get("aria-labelledby", "")
        if wrapper.get("tabindex") != "0":
            found.append(f"not focusable: {wrapper}")
        if not wrapper.get("role"):
            found.append(f"no role: {wrapper}")
        if not wrapper.get("aria-label", "").strip() and labelled not in page.ids:
            found.append(f"no name: {wrapper}")
    return found


@pytest.fixture
def busy(alice, rita, job, application):
    """A little of everything the staff tables list."""
    for step in ("applied", "interview", "rejected"):
        make_answer(8, step=step, job=job, department=job.department, comment="Bra")
    Message.objects.update(to_mailbox=True, sent_at=timezone.now())
    place_hold(reason="A dispute", actor=alice, candidate=application.candidate)
    record_consent(
        application.candidate,
        purpose=ConsentPurpose.FUTURE_CONTACT,
        given=True,
        text="Yes",
        method=ConsentMethod.APPLY_FORM,
        language="en",
    )
    register(
        candidate=application.candidate,
        kind=RequestKind.ACCESS,
        channel=RequestChannel.EMAIL,
        received_at=timezone.now(),
        requester="Kandidat",
        details="",
        actor=alice,
    )
    return job


PAGES = [
    "dashboard",
    "cnps_dashboard",
    "survey_questions",
    "waiting_figures",
    "audit_log",
    "mailbox",
    "template_list",
    "stage_templates",
    "settings_reasons",
    "staff_people",
    "privacy_holds",
    "privacy_retention",
    "rights_request_list",
    "candidate_list",
]


@pytest.mark.parametrize("name", PAGES)
def test_every_table_wrapper_is_a_named_tab_stop(client, alice, busy, name):
    SurveyQuestion.objects.create(text_sv="Fråga", text_en="Question")
    client.force_login(alice)
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert problems(response.content.decode()) == []


def test_and_on_the_pages_of_one_job_or_candidate(client, alice, busy, application):
    client.force_login(alice)
    for url in [
        reverse("job_stages", args=[busy.pk]),
        reverse("candidate_detail", args=[application.candidate_id]),
        reverse("rights_candidate", args=[application.candidate_id]),
    ]:
        assert problems(client.get(url).content.decode()) == [], url
