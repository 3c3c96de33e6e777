"""Data-subject request deadlines on both sides of each threshold: one
month from the local day of receipt (also just after local midnight, when
UTC still says yesterday), extensions, overdue and due soon, the 24-hour
download link, and no date in the future."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from conftest import make_application
from rekryt.messaging.models import Message, TemplateKind
from rekryt.portal.tests.conftest import sign_in
from rekryt.privacy.models import AccessRequest, RequestKind
from rekryt.privacy.requests import LINK_VALID_FOR, SOON

pytestmark = pytest.mark.django_db

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture(autouse=True)
def templates(db):
    from importlib import import_module

    from django.apps import apps

    import_module("rekryt.portal.migrations.0003_data_export_templates").create(apps, None)


def test_a_portal_request_just_after_local_midnight_is_due_the_same_day_next_month(
    client, application
):
    # 00:30 on 1 May in Stockholm is still 30 April in UTC.
    with time_machine.travel(datetime(2026, 5, 1, 0, 30, tzinfo=STOCKHOLM), tick=False):
        sign_in(client, application)
        page = client.post("/portal/data/erase/", follow=True).content.decode()
    assert "by <strong>1 June 2026</strong> at the latest" in page
    due = AccessRequest.objects.get().due_at
    assert due.astimezone(STOCKHOLM) == datetime(2026, 6, 1, 0, 30, tzinfo=STOCKHOLM)


def register(client, application, received_on: str):
    response = client.post(
        "/staff/privacy/requests/new/",
        {
            "candidate_email": application.candidate.email,
            "kind": "access",
            "channel": "post",
            "received_on": received_on,
        },
    )
    return response


def test_a_letter_received_on_1_march_is_due_on_1_april_and_1_may_once_extended(
    client, rita, application
):
    client.force_login(rita)
    with time_machine.travel(datetime(2026, 3, 10, 12, tzinfo=STOCKHOLM), tick=False):
        register(client, application, "2026-03-01")
        request = AccessRequest.objects.get()
        page = client.get(f"/staff/privacy/requests/{request.pk}/").content.decode()
        assert ">1 Apr 2026</time>" in page
        client.post(
            f"/staff/privacy/requests/{request.pk}/extend/",
            {"months": "1", "reason": "Many documents"},
        )
        page = client.get(f"/staff/privacy/requests/{request.pk}/").content.decode()
    assert ">1 May 2026</time>" in page
    request.refresh_from_db()
    assert timezone.localdate(request.due_at).isoformat() == "2026-05-01"


def test_today_may_be_the_day_of_receipt_but_tomorrow_may_not(client, rita, application):
    client.force_login(rita)
    tomorrow = register(client, application, (timezone.localdate() + timedelta(days=1)).isoformat())
    assert "cannot be in the future" in tomorrow.content.decode()
    assert not AccessRequest.objects.exists()
    assert register(client, application, timezone.localdate().isoformat()).status_code == 302
    assert AccessRequest.objects.count() == 1


def request_due(candidate, due_at) -> AccessRequest:
    return AccessRequest.objects.create(
        candidate=candidate,
        kind=RequestKind.ACCESS,
        channel="email",
        received_at=due_at - timedelta(days=30),
        due_at=due_at,
    )


def flags(client, request: AccessRequest) -> str:
    """The flag the staff list shows beside one request's deadline."""
    page = client.get("/staff/privacy/requests/").content.decode()
    row = page.split(f"/requests/{request.pk}/")[1].split("</tr>")[0]
    if "Overdue" in row:
        return "overdue"
    return "soon" if "Due soon" in row else ""


def test_a_request_is_overdue_only_once_its_deadline_has_passed(client, rita, job):
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        late = request_due(make_application(job).candidate, now - timedelta(minutes=1))
        on_time = request_due(make_application(job).candidate, now + timedelta(minutes=1))
        client.force_login(rita)
        assert flags(client, late) == "overdue"
        assert flags(client, on_time) == "soon"
        assert late.is_overdue and not on_time.is_overdue


def test_due_soon_means_within_a_week(client, rita, job):
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        inside = request_due(make_application(job).candidate, now + SOON - timedelta(minutes=1))
        outside = request_due(make_application(job).candidate, now + SOON + timedelta(minutes=1))
        client.force_login(rita)
        assert flags(client, inside) == "soon"
        assert flags(client, outside) == ""


def download_path(client, application) -> str:
    sign_in(client, application)
    client.post("/portal/data/link/")
    message = Message.objects.filter(kind=TemplateKind.DATA_EXPORT).latest("pk")
    return re.search(r"http://testserver(/portal/data/[A-Za-z0-9_-]+/)", message.body_text)[1]


def test_the_download_link_works_for_24_hours_and_not_a_moment_longer(client, application):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        path = download_path(client, application)
    with time_machine.travel(start + LINK_VALID_FOR - timedelta(seconds=1), tick=False):
        assert b"Download my data" in client.get(path).content
    with time_machine.travel(start + LINK_VALID_FOR, tick=False):
        expired = client.get(path)
        assert expired.status_code == 404
        assert b"Download my data" not in expired.content
        assert client.post(path).status_code == 404
    assert AccessRequest.objects.get().downloaded_at is None
