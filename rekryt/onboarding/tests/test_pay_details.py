"""Bank and tax details: optional, encrypted at rest (the raw column never
holds the plaintext), shown only to admins and recruiters, erased when
handed over to payroll and by the worker when they never are."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test import override_settings

from rekryt.applications.models import Event, EventKind
from rekryt.audit.models import AuditEntry
from rekryt.onboarding.actions import hand_over_pay_details, invite, save_pay_details
from rekryt.onboarding.duties import ErasePayDetails
from rekryt.onboarding.models import Onboarding
from rekryt.onboarding.sealing import open_sealed
from rekryt.onboarding.tests.helpers import hire
from rekryt.portal.tests.conftest import sign_in

pytestmark = pytest.mark.django_db

PAY = {
    "bank": "Handelsbanken",
    "clearing": "6123",
    "account": "123 456 789",
    "personal_number": "19900101-1234",
    "tax_municipality": "Solna",
}


@pytest.fixture
def invited(job, rita):
    onboarding = hire(job, rita, start=date(2027, 3, 1))
    invite(onboarding, rita)
    return onboarding


def raw_columns(onboarding):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT bank_sealed, tax_sealed FROM onboarding_onboarding WHERE id = %s",
            [onboarding.pk],
        )
        return " ".join(cursor.fetchone())


def test_details_are_encrypted_at_rest(client, invited):
    sign_in(client, invited.application)
    response = client.post(f"/portal/onboarding/{invited.pk}/pay/", PAY)
    assert response.status_code == 302
    raw = raw_columns(invited)
    for secret in ("123456789", "6123", "199001011234", "Handelsbanken", "Solna"):
        assert secret not in raw
    invited.refresh_from_db()
    assert open_sealed(invited.bank_sealed) == {
        "bank": "Handelsbanken",
        "clearing": "6123",
        "account": "123456789",
    }
    event = Event.objects.get(kind=EventKind.PAY_DETAILS_SAVED)
    assert "123456789" not in str(event.data)


def test_bad_numbers_are_refused_with_what_was_typed_kept(client, invited):
    sign_in(client, invited.application)
    bad = client.post(
        f"/portal/onboarding/{invited.pk}/pay/", {**PAY, "clearing": "12", "bank": "Nordea"}
    )
    assert bad.status_code == 400
    html = bad.content.decode()
    assert "4 or 5 digits" in html and 'value="Nordea"' in html
    invited.refresh_from_db()
    assert not invited.has_pay_details


@override_settings(ONBOARDING_KEYS=["2hLq3Hn0q8GmVZ7aU9qYbmB0Q0C0o0e3d9YxYc8vYxE="])
def test_a_configured_key_encrypts_and_a_lost_key_reads_as_unreadable(invited):
    save_pay_details(invited, {"account": "1234"}, {})
    invited.refresh_from_db()
    assert open_sealed(invited.bank_sealed) == {"account": "1234"}
    with override_settings(ONBOARDING_KEYS=[]):
        assert open_sealed(invited.bank_sealed) is None


def test_handing_over_erases_them(invited, rita, client):
    save_pay_details(invited, {"clearing": "6123", "account": "123456789"}, {})
    client.force_login(rita)
    page = client.get(f"/staff/onboarding/{invited.pk}/handover/").content.decode()
    assert "123456789" in page
    seen = AuditEntry.objects.filter(detail="onboarding_pay_viewed", actor=rita)
    assert seen.count() == 1 and "123456789" not in str(seen.values())
    response = client.post(f"/staff/onboarding/{invited.pk}/pay-handed-over/")
    assert response.status_code == 302
    invited.refresh_from_db()
    assert not invited.has_pay_details and invited.pay_handed_over_at is not None
    assert "123456789" not in raw_columns(invited)
    assert not hand_over_pay_details(invited, rita)  # nothing left


def test_the_hiring_manager_never_sees_them(invited, hanna, client):
    save_pay_details(invited, {"clearing": "6123", "account": "123456789"}, {})
    client.force_login(hanna)
    page = client.get(f"/staff/onboarding/{invited.pk}/handover/").content.decode()
    assert "123456789" not in page
    data = client.get(f"/staff/onboarding/{invited.pk}/handover.json").json()
    assert "pay" not in data and data["pay_details_given"] is True
    assert client.post(f"/staff/onboarding/{invited.pk}/pay-handed-over/").status_code == 404


def test_the_worker_erases_details_never_handed_over(invited, time_machine):
    time_machine.move_to(datetime(2027, 2, 1, 12, tzinfo=UTC))
    save_pay_details(invited, {"account": "123456789"}, {"tax_municipality": "Solna"})
    invited.refresh_from_db()
    assert invited.pay_erase_at.date() == date(2027, 3, 31)  # start + 30 days
    duty = ErasePayDetails()
    assert not duty.handle_one()  # not yet due
    time_machine.move_to(invited.pay_erase_at + timedelta(minutes=1))
    assert duty.oldest_due() is not None
    assert duty.handle_one()
    invited = Onboarding.objects.get(pk=invited.pk)
    assert not invited.has_pay_details and invited.pay_erase_at is None
    assert Event.objects.filter(kind=EventKind.PAY_DETAILS_ERASED).exists()
    assert not duty.handle_one()
