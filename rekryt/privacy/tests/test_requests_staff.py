"""Staff handling of data requests: the list by deadline, registering a
letter or email, extending, answering, refusing, and erasing on request."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from conftest import make_application
from rekryt.candidates.models import Candidate
from rekryt.privacy.models import (
    AccessRequest,
    ErasureRecord,
    LegalHold,
    RequestKind,
    RequestStatus,
)

pytestmark = pytest.mark.django_db


def make_request(candidate, days_ago=0, **fields):
    received = timezone.now() - timedelta(days=days_ago)
    data = {"kind": RequestKind.ACCESS, "channel": "email", "received_at": received}
    data.update(fields)
    return AccessRequest.objects.create(candidate=candidate, **data)


def test_only_admins_and_recruiters_see_requests(client, hanna, ivan, alice):
    for user in (hanna, ivan):
        client.force_login(user)
        assert client.get("/staff/privacy/requests/").status_code == 404
    client.force_login(alice)
    assert client.get("/staff/privacy/requests/").status_code == 200


def test_open_requests_by_deadline_overdue_marked_answered_below(
    client, rita, job, django_assert_num_queries
):
    late = make_request(make_application(job).candidate, days_ago=40)
    fresh = make_request(make_application(job).candidate, days_ago=1)
    done = make_request(make_application(job).candidate, days_ago=5)
    done.status = RequestStatus.ANSWERED
    done.answered_at = timezone.now()
    done.save()
    client.force_login(rita)
    client.get("/staff/privacy/requests/")  # warm caches (organisation)
    with django_assert_num_queries(4):
        page = client.get("/staff/privacy/requests/").content.decode()
    for _i in range(5):
        make_request(make_application(job).candidate)
    with django_assert_num_queries(4):
        client.get("/staff/privacy/requests/")
    open_part, closed_part = page.split("Answered and refused")
    assert open_part.index(f"/requests/{late.pk}/") < open_part.index(f"/requests/{fresh.pk}/")
    assert 'class="overdue"' in open_part and "Overdue" in open_part
    assert f"/requests/{done.pk}/" in closed_part


def test_registering_a_letter_sets_a_one_month_deadline(client, rita, application):
    client.force_login(rita)
    response = client.post(
        "/staff/privacy/requests/new/",
        {
            "candidate_email": application.candidate.email.upper(),
            "kind": "access",
            "channel": "post",
            "received_on": "2026-01-31",
            "requester": "K. Testsson",
            "details": "Letter dated 29 January",
        },
    )
    request = AccessRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/staff/privacy/requests/{request.pk}/"
    assert request.candidate == application.candidate
    assert request.created_by == rita
    assert timezone.localtime(request.due_at).date().isoformat() == "2026-02-28"


def test_an_unknown_address_or_a_future_date_is_refused(client, rita, application):
    client.force_login(rita)
    response = client.post(
        "/staff/privacy/requests/new/",
        {
            "candidate_email": "nobody@example.org",
            "kind": "access",
            "channel": "post",
            "received_on": (timezone.localdate() + timedelta(days=2)).isoformat(),
        },
    )
    assert response.status_code == 200
    assert b"No candidate has this email address." in response.content
    assert b"cannot be in the future" in response.content
    assert not AccessRequest.objects.exists()


def test_extending_needs_a_reason_and_stops_at_three_months(client, rita, application):
    request = make_request(application.candidate)
    client.force_login(rita)
    url = f"/staff/privacy/requests/{request.pk}/extend/"
    assert client.post(url, {"months": "2", "reason": ""}).status_code == 400
    assert client.post(url, {"months": "3", "reason": "Many"}).status_code == 400
    assert client.post(url, {"months": "2", "reason": "Many documents"}).status_code == 302
    request.refresh_from_db()
    received = timezone.localtime(request.received_at)
    due = timezone.localtime(request.due_at)
    months = (due.year - received.year) * 12 + due.month - received.month
    assert months == 3
    assert request.extension_reason == "Many documents"


def test_answer_and_refuse(client, rita, application):
    first = make_request(application.candidate)
    second = make_request(application.candidate)
    client.force_login(rita)
    client.post(f"/staff/privacy/requests/{first.pk}/answered/", {"note": "Sent by post"})
    assert (
        client.post(f"/staff/privacy/requests/{second.pk}/refuse/", {"note": ""}).status_code == 400
    )
    client.post(f"/staff/privacy/requests/{second.pk}/refuse/", {"note": "Not the candidate"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.answer_note, first.answered_by) == (
        "answered",
        "Sent by post",
        rita,
    )
    assert (second.status, second.answer_note) == ("refused", "Not the candidate")


def test_the_request_page_exports_with_a_post(client, rita, application):
    request = make_request(application.candidate)
    client.force_login(rita)
    page = client.get(f"/staff/privacy/requests/{request.pk}/")
    assert page.status_code == 200
    response = client.post(f"/staff/privacy/requests/{request.pk}/export/")
    assert response["Content-Type"] == "application/zip"


def test_erasure_needs_the_typed_word_and_respects_holds(client, rita, application):
    request = make_request(application.candidate, kind=RequestKind.ERASURE)
    client.force_login(rita)
    url = f"/staff/privacy/requests/{request.pk}/erase/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"confirm": "yes"}).status_code == 400
    hold = LegalHold.objects.create(candidate=application.candidate, reason="Dispute")
    held = client.post(url, {"confirm": "ERASE"})
    assert held.status_code == 409
    assert b"legal hold" in held.content
    assert Candidate.objects.filter(pk=application.candidate_id).exists()
    hold.released_at = timezone.now()
    hold.save()
    response = client.post(url, {"confirm": "erase"})
    assert response.status_code == 302
    assert not Candidate.objects.filter(pk=application.candidate_id).exists()
    request.refresh_from_db()
    assert request.status == RequestStatus.ANSWERED and request.candidate is None
    assert ErasureRecord.objects.get().access_request == request
    assert client.get(f"/staff/privacy/requests/{request.pk}/").status_code == 200


def test_the_candidate_privacy_page_follows_visibility(client, application, hanna, otto, rita):
    pk = application.candidate_id
    client.force_login(otto)
    assert client.get(f"/staff/privacy/candidates/{pk}/").status_code == 404
    client.force_login(hanna)
    page = client.get(f"/staff/privacy/candidates/{pk}/")
    assert page.status_code == 200
    assert b"/erase/" not in page.content
    client.force_login(rita)
    page = client.get(f"/staff/privacy/candidates/{pk}/")
    assert b"/erase/" in page.content and b"/export/" in page.content
    assert (
        f"/staff/privacy/candidates/{pk}/".encode()
        in client.get(f"/staff/candidates/{pk}/").content
    )


def test_months_are_calendar_months(application):
    request = make_request(
        application.candidate, received_at=timezone.make_aware(datetime(2026, 3, 31, 12))
    )
    assert timezone.localtime(request.due_at).date().isoformat() == "2026-04-30"


def test_the_dashboard_mentions_overdue_requests_to_recruiters(client, rita, hanna, application):
    client.force_login(rita)
    assert b"data request" not in client.get("/staff/").content
    make_request(application.candidate, days_ago=40)
    page = client.get("/staff/").content
    assert b"1 data request is overdue." in page
    assert b"/staff/privacy/requests/" in page
    client.force_login(hanna)
    assert b"data request" not in client.get("/staff/").content
