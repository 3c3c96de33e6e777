"""The retention settings' limits on both sides: the lowest and highest
allowed values are saved, one step beyond is refused with a message beside
the field and nothing saved, and malformed numbers never cause a 500."""

from __future__ import annotations

import pytest

from rekryt.accounts.models import Organisation

pytestmark = pytest.mark.django_db

URL = "/staff/privacy/retention/"
VALID = {
    "legal_name": "Exempel AB",
    "org_number": "556000-0000",
    "postal_address": "Box 1",
    "privacy_contact": "privacy@example.com",
    "dpo_email": "",
    "privacy_recipients": "",
    "retention_months": "24",
    "consent_months": "12",
    "consent_renewal_days": "30",
    "retention_grace_days": "7",
    "audit_retention_months": "36",
}
LIMITS = {
    "retention_months": (1, 120),
    "consent_months": (1, 60),
    "consent_renewal_days": (1, 365),
    "retention_grace_days": (0, 90),
    "audit_retention_months": (1, 240),
}


@pytest.fixture
def admin(client, alice):
    client.force_login(alice)
    return client


def post(client, **changes):
    data = {**VALID, **changes}
    # Keep the rule "renew before the consent ends" out of the way.
    if "consent_renewal_days" in changes and "consent_months" not in changes:
        data["consent_months"] = "60"
    if "consent_months" in changes and "consent_renewal_days" not in changes:
        data["consent_renewal_days"] = "1"
    return client.post(URL, data)


@pytest.mark.parametrize("field", LIMITS)
def test_the_lowest_and_highest_values_are_saved(admin, field):
    low, high = LIMITS[field]
    for value in (low, high):
        response = post(admin, **{field: str(value)})
        assert response.status_code == 302, response.content.decode()[:500]
        assert getattr(Organisation.get(), field) == value


@pytest.mark.parametrize("field", LIMITS)
def test_one_step_beyond_is_refused_and_nothing_is_saved(admin, field):
    low, high = LIMITS[field]
    before = getattr(Organisation.get(), field)
    for value, message in (
        (low - 1, f"greater than or equal to {low}"),
        (high + 1, f"less than or equal to {high}"),
    ):
        response = post(admin, **{field: str(value)})
        page = response.content.decode()
        assert response.status_code == 400
        assert message in page
        assert f'value="{value}"' in page  # what was typed is kept
        assert getattr(Organisation.get(), field) == before


@pytest.mark.parametrize("value", ["abc", "1.5", "99999999999999999999", " ", "-0x10"])
def test_a_malformed_number_gets_a_message_not_an_error(admin, value):
    response = post(admin, retention_months=value)
    assert response.status_code == 400
    assert Organisation.get().retention_months == 24


def test_renewal_must_be_asked_before_a_one_month_consent_ends(admin):
    refused = post(admin, consent_months="1", consent_renewal_days="28")
    assert refused.status_code == 400
    assert "use fewer days than the consent lasts" in refused.content.decode()
    assert Organisation.get().consent_renewal_days == 30

    assert post(admin, consent_months="1", consent_renewal_days="27").status_code == 302
    org = Organisation.get()
    assert (org.consent_months, org.consent_renewal_days) == (1, 27)
