"""A changed offer is a new version; the version the candidate has can no
longer be accepted, even by a page opened before the change."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from rekryt.applications.models import Outcome
from rekryt.messaging.models import Message, MessageStatus
from rekryt.offers import actions, emails
from rekryt.offers.models import Offer, Status
from rekryt.offers.tests.helpers import draft, sent, signature
from rekryt.portal.tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_changing_a_sent_offer_makes_a_new_version_and_supersedes_the_old(
    application: Any, rita: Any
) -> None:
    old = sent(application, rita)
    new = actions.change_offer(old, rita, {"salary": 45000})
    old.refresh_from_db()
    assert (old.status, new.status) == (Status.SUPERSEDED, Status.DRAFT)
    assert (new.version, new.salary, new.title) == (2, 45000, old.title)
    with pytest.raises(actions.OfferRefused, match="superseded"):
        actions.accept_offer(old, signature(old))


def test_a_page_opened_before_the_change_cannot_accept_the_old_version(
    client: Any, application: Any, rita: Any
) -> None:
    """The race: the candidate opens version 1, the recruiter changes and
    sends version 2, then the candidate submits the form of version 1."""
    old = sent(application, rita)
    sign_in(client, application)
    page = client.get(f"/portal/offers/{old.pk}/")
    assert old.pdf_sha256 in page.content.decode()
    new = actions.change_offer(old, rita, {"start_date": old.start_date + timedelta(days=14)})
    assert actions.send_offer(new, rita)
    response = client.post(
        f"/portal/offers/{old.pk}/",
        {"full_name": application.full_name, "confirm": "on", "sha256": old.pdf_sha256},
        follow=True,
    )
    text = response.content.decode()
    assert "can no longer be accepted" in text and "Nothing has been signed" in text
    assert f'href="/portal/offers/{new.pk}/"' in text
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.status == Status.SUPERSEDED and not old.signed_name
    application.refresh_from_db()
    assert application.outcome == Outcome.ACTIVE
    # The new version's page takes only the new version's hash.
    assert new.pdf_sha256 != old.pdf_sha256
    with pytest.raises(actions.OfferRefused, match="changed"):
        actions.accept_offer(new, signature(new, sha=old.pdf_sha256))
    assert actions.accept_offer(new, signature(new)).status == Status.ACCEPTED


def test_changing_cancels_the_old_versions_waiting_email(application: Any, rita: Any) -> None:
    old = sent(application, rita)
    actions.change_offer(old, rita, {"salary": 43000})
    message = Message.objects.get(idempotency_key=emails.sent_key(old))
    assert message.status == MessageStatus.CANCELLED


def test_a_draft_changes_in_place_and_loses_its_approval(
    application: Any, rita: Any, hanna: Any
) -> None:
    offer = draft(application, rita, needs_approval=True)
    assert actions.ask_approval(offer, rita)
    assert actions.decide_approval(offer, hanna, approve=True)
    changed = actions.change_offer(offer, rita, {"salary": 50000})
    assert changed.pk == offer.pk and changed.version == 1
    assert changed.status == Status.DRAFT and changed.approved_by is None
    assert not changed.may_send


def test_the_staff_edit_page_makes_a_new_version_of_a_sent_offer(
    client: Any, application: Any, rita: Any
) -> None:
    offer = sent(application, rita)
    client.force_login(rita)
    data = {
        "title": offer.title,
        "salary": "46000",
        "salary_period": "month",
        "start_date": offer.start_date.isoformat(),
        "intro": "",
        "terms": offer.terms,
        "benefits": offer.benefits,
        "collective_agreement": offer.collective_agreement,
        "expires_on": offer.expires_on.isoformat(),
    }
    response = client.post(f"/staff/offers/{offer.pk}/edit/", data)
    new = Offer.objects.get(application=application, version=2)
    assert response.status_code == 302 and response["Location"] == f"/staff/offers/{new.pk}/"
    assert new.salary == 46000


def test_bad_input_keeps_what_was_typed(client: Any, application: Any, rita: Any) -> None:
    client.force_login(rita)
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    data = {
        "title": "Lagerchef",
        "salary": "0",
        "salary_period": "month",
        "start_date": yesterday,
        "terms": "Mina villkor",
        "expires_on": "not a date",
    }
    response = client.post(f"/staff/applications/{application.pk}/offers/new/", data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Mina villkor" in text and "Enter the salary" in text
    assert not Offer.objects.exists()
