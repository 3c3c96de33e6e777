"""Consent on both sides of each threshold: it lasts whole calendar months on
the local calendar (31 January + 1 month, leap years, just after local
midnight), the renewal email goes exactly consent_renewal_days before the
end, the expiry record is added at the end, and the renewal link answers
for 120 days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from rekryt.accounts.models import Organisation
from rekryt.messaging.models import Message
from rekryt.ops.duties import run_until_idle
from rekryt.portal.tests.conftest import sign_in
from rekryt.privacy.consent import record_consent
from rekryt.privacy.models import Consent, ConsentMethod
from rekryt.privacy.retention import RENEWAL_MAX_AGE, renewal_token

pytestmark = pytest.mark.django_db

STOCKHOLM = ZoneInfo("Europe/Stockholm")
SENTENCE = "Exempelbolaget AB may keep my details and contact me about future roles."


def local(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=STOCKHOLM)


def consent_months(months: int) -> None:
    org = Organisation.get()
    org.consent_months = months
    org.save()


def give_in_portal(client, application, moment: datetime) -> Consent:
    with time_machine.travel(moment, tick=False):
        sign_in(client, application)
        client.post("/portal/privacy/consent/future_contact/", {"action": "give"})
    return Consent.objects.get()


@pytest.mark.parametrize(
    ("given", "months", "ends"),
    [
        ((2026, 1, 31, 10, 0), 1, (2026, 2, 28, 10, 0)),
        ((2028, 1, 31, 10, 0), 1, (2028, 2, 29, 10, 0)),
        ((2028, 2, 29, 10, 0), 12, (2029, 2, 28, 10, 0)),
        # 00:30 on 1 March is still 28 February in UTC; a year on is 1 March 2028.
        ((2027, 3, 1, 0, 30), 12, (2028, 3, 1, 0, 30)),
    ],
)
def test_a_consent_given_in_the_portal_lasts_whole_local_calendar_months(
    client, application, given, months, ends
):
    consent_months(months)
    consent = give_in_portal(client, application, local(*given))
    assert consent.expires_at.astimezone(STOCKHOLM) == local(*ends)


@pytest.fixture
def one_month(client, application):
    """A consent given at 10:00 on 31 January 2026 for one month."""
    consent_months(1)
    return give_in_portal(client, application, local(2026, 1, 31, 10, 0))


def portal_answer(client, application) -> str:
    sign_in(client, application)  # a portal session lasts a day
    page = client.get("/portal/privacy/").content.decode()
    return page.split("<strong>")[1].split("</strong>")[0]


def test_the_consent_is_in_force_until_its_last_minute(client, application, one_month):
    with time_machine.travel(local(2026, 2, 28, 9, 59), tick=False):
        run_until_idle()
        assert portal_answer(client, application) == "You have said yes, until 28 February 2026."
    assert not Consent.objects.filter(method=ConsentMethod.EXPIRY).exists()
    assert Consent.objects.in_force(local(2026, 2, 28, 9, 59)).count() == 1


def test_the_consent_ends_at_its_moment_with_an_expiry_record(client, application, one_month):
    with time_machine.travel(local(2026, 2, 28, 10, 0), tick=False):
        run_until_idle()
        assert portal_answer(client, application) == "Your consent has ended."
    expiry = Consent.objects.get(method=ConsentMethod.EXPIRY)
    assert (expiry.given, expiry.created_at) == (False, one_month.expires_at)
    assert not Consent.objects.in_force(local(2026, 2, 28, 10, 0)).exists()


@pytest.fixture
def yearly(application):
    """A year's consent ending at 10:00 on 31 January 2027; renewal asked 30 days before."""
    with time_machine.travel(local(2026, 1, 31, 10, 0), tick=False):
        return record_consent(
            application.candidate,
            purpose="future_contact",
            given=True,
            text=SENTENCE,
            method=ConsentMethod.PORTAL,
            language="en",
        )


def renewals() -> int:
    return Message.objects.filter(kind="consent_renewal").count()


def test_no_renewal_email_a_minute_before_the_renewal_days_start(yearly):
    lead = timedelta(days=Organisation.get().consent_renewal_days)
    with time_machine.travel(yearly.expires_at - lead - timedelta(minutes=1), tick=False):
        run_until_idle()
    assert renewals() == 0


def test_the_renewal_email_goes_when_the_renewal_days_start(yearly):
    lead = timedelta(days=Organisation.get().consent_renewal_days)
    with time_machine.travel(yearly.expires_at - lead, tick=False):
        run_until_idle()
    assert renewals() == 1


def test_the_renewal_link_answers_for_120_days_and_then_not(client, yearly):
    sent = local(2026, 12, 1, 12, 0).astimezone(UTC)  # UTC: the 120 days span a clock change
    with time_machine.travel(sent, tick=False):
        url = f"/privacy/consent/{renewal_token(yearly)}/"
    with time_machine.travel(sent + RENEWAL_MAX_AGE - timedelta(minutes=1), tick=False):
        page = client.get(url)
    assert page.status_code == 200 and SENTENCE in page.content.decode()
    with time_machine.travel(sent + RENEWAL_MAX_AGE + timedelta(minutes=1), tick=False):
        late = client.get(url)
        assert client.post(url, {"answer": "renew"}).status_code == 404
    assert late.status_code == 404
    assert Consent.objects.count() == 1  # nothing renewed through a dead link
