"""Consent: given on the apply form, in the portal or by staff; withdrawn as
easily; renewed through the email the retention run sends once; ended by an
expiry record when its time is up."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.template import engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from conftest import make_application
from rekryt.audit.models import Action, AuditEntry
from rekryt.messaging.models import Message
from rekryt.ops.duties import run_until_idle
from rekryt.portal.tests.conftest import sign_in
from rekryt.privacy.consent import record_consent
from rekryt.privacy.holds import place_hold
from rekryt.privacy.models import Consent, ConsentMethod, LegalHold

pytestmark = pytest.mark.django_db

SENTENCE = "Exempelbolaget AB may keep my details and contact me about future roles."
GIVEN = datetime(2025, 1, 31, 10, 0, tzinfo=UTC)


def give(candidate, purpose="future_contact", method=ConsentMethod.PORTAL):
    return record_consent(
        candidate, purpose=purpose, given=True, text=SENTENCE, method=method, language="en"
    )


def test_a_consent_lasts_the_configured_calendar_months(application):
    with time_machine.travel(GIVEN, tick=False):
        consent = give(application.candidate)
    assert consent.expires_at == datetime(2026, 1, 31, 10, 0, tzinfo=UTC)


def test_the_portal_lists_each_purpose_and_gives_and_withdraws_with_one_button(client, application):
    sign_in(client, application)
    page = client.get("/portal/privacy/").content.decode()
    assert "Contact about future roles" in page and "Talent pool" in page
    assert SENTENCE in page
    assert "You have not answered." in page
    assert not Consent.objects.exists()  # looking changes nothing

    response = client.post("/portal/privacy/consent/future_contact/", {"action": "give"})
    assert response.status_code == 302
    consent = Consent.objects.get()
    assert (consent.given, consent.method, consent.text) == (True, "portal", SENTENCE)
    assert consent.ip == "127.0.0.1"
    page = client.get("/portal/privacy/").content.decode()
    assert "You have said yes, until" in page
    assert "Candidate portal" in page  # how it was given
    assert "Withdraw my consent" in page

    client.post("/portal/privacy/consent/future_contact/", {"action": "withdraw"})
    assert not Consent.objects.in_force().exists()
    assert Consent.objects.count() == 2  # the history stays as evidence
    assert "You have said no." in client.get("/portal/privacy/").content.decode()


def test_the_portal_refuses_unknown_purposes_and_visitors_without_a_session(client, application):
    assert client.get("/portal/privacy/").status_code == 302
    assert (
        client.post("/portal/privacy/consent/future_contact/", {"action": "give"}).status_code
        == 302
    )
    sign_in(client, application)
    assert client.post("/portal/privacy/consent/marketing/", {"action": "give"}).status_code == 404
    assert (
        client.post("/portal/privacy/consent/future_contact/", {"action": "x"}).status_code == 404
    )
    assert client.get("/portal/privacy/consent/future_contact/").status_code == 405
    assert not Consent.objects.exists()


def test_the_portal_home_links_to_the_privacy_page(client, application):
    sign_in(client, application)
    assert "/portal/privacy/" in client.get("/portal/").content.decode()


def test_staff_record_a_consent_given_by_phone(client, rita, application):
    client.force_login(rita)
    response = client.post(
        f"/staff/privacy/candidates/{application.candidate_id}/consent/",
        {
            "purpose": "talent_pool",
            "given": "yes",
            "language": "sv",
            "next": "/staff/privacy/holds/",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/staff/privacy/holds/"
    consent = Consent.objects.get()
    assert (consent.method, consent.recorded_by, consent.language) == ("staff", rita, "sv")
    assert consent.given and consent.purpose == "talent_pool"
    entry = AuditEntry.objects.get(action=Action.EDIT, detail="consent_recorded")
    assert entry.target_id == str(application.candidate_id)
    assert entry.params == {"purpose": "talent_pool", "given": True}


def test_hiring_managers_and_interviewers_cannot_record_consent(client, hanna, ivan, application):
    for user in (hanna, ivan):
        client.force_login(user)
        url = f"/staff/privacy/candidates/{application.candidate_id}/consent/"
        data = {"purpose": "talent_pool", "given": "yes", "language": "sv"}
        assert client.post(url, data).status_code == 404
    assert not Consent.objects.exists()


def test_the_candidate_panel_shows_history_and_holds_in_constant_queries(rita, job):
    factory = RequestFactory()
    template = engines["django"].get_template("privacy/policy/candidate_panel.html")

    def render(candidate):
        request = factory.get(f"/staff/privacy/candidates/{candidate.pk}/")
        request.user = rita
        with CaptureQueriesContext(connection) as queries:
            html = template.render({"candidate": candidate, "user": rita}, request)
        return html, len(queries)

    small = make_application(job).candidate
    give(small)
    place_hold(reason="Claim one", actor=rita, candidate=small)
    big = make_application(job).candidate
    for method in (ConsentMethod.PORTAL, ConsentMethod.STAFF, ConsentMethod.EMAIL_LINK):
        give(big, method=method)
        give(big, purpose="talent_pool", method=method)
    for n in range(3):
        hold = place_hold(reason=f"Claim {n}", actor=rita, candidate=big)
        LegalHold.objects.filter(pk=hold.pk).update(released_by=rita)
    render(small)  # warm caches (the organisation row)
    html_small, n_small = render(small)
    html_big, n_big = render(big)
    assert n_small == n_big
    assert "Claim one" in html_small and "Release" in html_small
    assert html_big.count("<tr>") == 7  # header + six records
    assert SENTENCE in html_big


# The renewal email and expiry, through the worker ----------------------------


@pytest.fixture
def consented(application):
    with time_machine.travel(GIVEN, tick=False):
        return give(application.candidate)


def renewal_messages():
    return Message.objects.filter(kind="consent_renewal")


def test_the_renewal_email_goes_once_30_days_before_the_end(consented, client):
    ends = consented.expires_at
    with time_machine.travel(ends - timedelta(days=31), tick=False):
        run_until_idle()
    assert not renewal_messages().exists()
    with time_machine.travel(ends - timedelta(days=29), tick=False):
        run_until_idle()
    with time_machine.travel(ends - timedelta(days=28), tick=False):
        run_until_idle()
    message = renewal_messages().get()
    assert message.to_email == consented.candidate.email
    assert "31 January 2026" in message.body_text
    consented.refresh_from_db()
    assert consented.renewal_sent_at is not None

    url = re.search(r"https?://[^/\s]+(/privacy/consent/[^\s]+/)", message.body_text).group(1)
    with time_machine.travel(ends - timedelta(days=20), tick=False):
        page = client.get(url)
        assert page.status_code == 200 and SENTENCE in page.content.decode()
        assert Consent.objects.count() == 1  # a GET (a mail scanner) changes nothing
        client.post(url, {"answer": "renew"})
    renewed = Consent.objects.latest_per_purpose().get()
    assert renewed.given and renewed.method == "email_link"
    assert renewed.expires_at > ends


def test_the_renewal_link_can_withdraw_and_refuses_altered_tokens(consented, client):
    from rekryt.privacy.retention import renewal_token

    url = f"/privacy/consent/{renewal_token(consented)}/"
    assert client.post(url, {"answer": "maybe"}).status_code == 400
    client.post(url, {"answer": "withdraw"})
    assert not Consent.objects.in_force().exists()
    assert client.get(url[:-3] + "xx/").status_code == 404


def test_an_expiry_record_is_added_when_the_consent_ends(consented):
    with time_machine.travel(consented.expires_at + timedelta(hours=1), tick=False):
        run_until_idle()
    latest = Consent.objects.latest_per_purpose().get()
    assert (latest.given, latest.method) == (False, "expiry")
    assert latest.created_at == consented.expires_at
    # The candidate still has an active application: nothing is erased.
    assert consented.candidate.applications.exists()
    with time_machine.travel(consented.expires_at + timedelta(days=2), tick=False):
        run_until_idle()
    assert Consent.objects.count() == 2


def test_a_hold_stops_renewal_and_expiry(consented, rita):
    place_hold(reason="Dispute", actor=rita, candidate=consented.candidate)
    with time_machine.travel(consented.expires_at + timedelta(days=1), tick=False):
        run_until_idle()
    assert not renewal_messages().exists()
    assert Consent.objects.count() == 1
