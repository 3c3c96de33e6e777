"""Offers hold salaries: those who may decide on the application see them
(admins, recruiters, the job's hiring managers); interviewers and staff off
the job never do. The full role × URL matrix is in rekryt/ops/tests."""

from __future__ import annotations

from typing import Any

import pytest

from rekryt.offers.tests.helpers import sent

pytestmark = pytest.mark.django_db


def test_the_application_page_shows_the_offer_to_deciders_only(
    client: Any, application: Any, rita: Any, hanna: Any, ivan: Any, alice: Any
) -> None:
    application.job.team.add(ivan)
    offer = sent(application, rita, salary=48765)
    url = f"/staff/applications/{application.pk}/"
    for user in (alice, rita, hanna):
        client.force_login(user)
        assert f"/staff/offers/{offer.pk}/" in client.get(url).content.decode()
    client.force_login(ivan)
    page = client.get(url)
    assert page.status_code == 200
    assert "/staff/offers/" not in page.content.decode()
    assert client.get(f"/staff/offers/{offer.pk}/").status_code == 404
    assert client.get(f"/staff/offers/{offer.pk}/offer.pdf").status_code == 404


def test_staff_off_the_job_get_404(client: Any, application: Any, rita: Any, otto: Any) -> None:
    offer = sent(application, rita)
    client.force_login(otto)
    for path in ("", "edit/", "offer.pdf"):
        assert client.get(f"/staff/offers/{offer.pk}/{path}").status_code == 404
    assert client.get(f"/staff/applications/{application.pk}/offers/new/").status_code == 404
    assert client.post(f"/staff/offers/{offer.pk}/withdraw/").status_code == 404


def test_a_recruiter_cannot_approve(client: Any, application: Any, rita: Any, alice: Any) -> None:
    from rekryt.offers import actions
    from rekryt.offers.models import Status
    from rekryt.offers.tests.helpers import draft

    offer = draft(application, alice, needs_approval=True)
    actions.ask_approval(offer, alice)
    client.force_login(rita)
    assert (
        client.post(f"/staff/offers/{offer.pk}/approve/", {"decision": "approve"}).status_code
        == 404
    )
    offer.refresh_from_db()
    assert offer.status == Status.PENDING


def test_downloads_are_audited(client: Any, application: Any, rita: Any) -> None:
    from rekryt.audit.models import AuditEntry

    offer = sent(application, rita)
    client.force_login(rita)
    response = client.get(f"/staff/offers/{offer.pk}/offer.pdf")
    assert response["Content-Disposition"].startswith("attachment")
    assert AuditEntry.objects.filter(action="download", target_id=str(offer.pk)).exists()
