"""Self-service from the portal: a copy by a one-time emailed link (GET only
shows a button; POST downloads), and an erasure request for staff."""

import io
import re
import zipfile
from datetime import timedelta

import pytest
import time_machine
from django.utils import formats, timezone

from rekryt.candidates.models import Candidate
from rekryt.lib.months import add_months
from rekryt.messaging.models import Message, TemplateKind
from rekryt.portal.tests.conftest import sign_in
from rekryt.privacy.models import AccessRequest, RequestChannel, RequestKind, RequestStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def templates(db):
    from importlib import import_module

    from django.apps import apps

    import_module("rekryt.portal.migrations.0003_data_export_templates").create(apps, None)


def ask_for_link(client):
    response = client.post("/portal/data/link/")
    assert response.status_code == 302
    message = Message.objects.filter(kind=TemplateKind.DATA_EXPORT).latest("pk")
    url = re.search(r"http://testserver(/portal/data/[A-Za-z0-9_-]+/)", message.body_text)
    assert url, message.body_text
    return url.group(1), message


def test_the_page_needs_a_portal_session(client, application):
    assert client.get("/portal/data/").status_code == 302
    sign_in(client, application)
    page = client.get("/portal/data/")
    assert page.status_code == 200
    assert b"Email me a download link" in page.content
    assert b'href="/portal/data/"' in client.get("/portal/").content


def test_the_link_is_emailed_and_works_once_after_a_confirming_post(client, application):
    sign_in(client, application)
    path, message = ask_for_link(client)
    request = AccessRequest.objects.get()
    assert (request.kind, request.channel) == (RequestKind.ACCESS, RequestChannel.PORTAL)
    assert message.to_email == application.candidate.email
    assert request.token_hash and path.split("/")[-2] not in request.token_hash
    other = client.__class__()  # the mail is opened in another browser
    page = other.get(path)
    assert page.status_code == 200
    assert b"Download my data" in page.content
    request.refresh_from_db()
    assert request.downloaded_at is None and request.status == RequestStatus.OPEN
    response = other.post(path)
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert "data.json" in archive.namelist()
    request.refresh_from_db()
    assert request.status == RequestStatus.ANSWERED
    assert request.confirmed_at and request.downloaded_at and request.answered_at
    again = other.post(path)
    assert again.status_code == 404
    assert b"does not work" in again.content


def test_expired_and_tampered_links_get_the_same_page(client, application):
    sign_in(client, application)
    path, _message = ask_for_link(client)
    tampered = client.get(path[:-3] + "xx/")
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        expired = client.get(path)
    assert tampered.status_code == expired.status_code == 404
    assert tampered.content == expired.content


def test_asking_for_links_is_rate_limited(client, application):
    sign_in(client, application)
    for _i in range(3):
        assert client.post("/portal/data/link/").status_code == 302
    limited = client.post("/portal/data/link/")
    assert limited.status_code == 429
    assert AccessRequest.objects.count() == 3


def test_an_erasure_request_goes_to_staff_with_a_date(client, application):
    sign_in(client, application)
    assert client.get("/portal/data/erase/").status_code == 200
    response = client.post("/portal/data/erase/", follow=True)
    request = AccessRequest.objects.get()
    assert request.kind == RequestKind.ERASURE and request.is_open
    assert request.due_at == add_months(request.received_at, 1)
    assert Candidate.objects.filter(pk=application.candidate_id).exists()
    assert response.status_code == 200
    due = formats.date_format(timezone.localtime(request.due_at), "j F Y")
    assert f"by <strong>{due}</strong> at the latest" in response.content.decode()
    client.post("/portal/data/erase/")
    assert AccessRequest.objects.count() == 1, "one open erasure request at a time"


def test_get_on_the_action_urls_changes_nothing(client, application):
    sign_in(client, application)
    assert client.get("/portal/data/link/").status_code == 405
    assert not AccessRequest.objects.exists()
