"""Platsbanken: the export's shape, and sending and withdrawing through the
worker against a real local HTTP server."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings
from django.urls import reverse

from rekryt.campaigns.actions import queue_listing, save_listing
from rekryt.campaigns.duties import SyncPlatsbanken
from rekryt.campaigns.models import ListingState, PlatsbankenListing
from rekryt.campaigns.platsbanken import payload, problems
from rekryt.jobs import taxonomy
from rekryt.jobs.actions import close_job
from rekryt.jobs.models import Job

pytestmark = pytest.mark.django_db

STOCKHOLM, DEVELOPER, PERMANENT = "AvNB_uwa_6n6", "rQds_YGd_quU", "kpPX_CNN_gDU"


class Recorder(BaseHTTPRequestHandler):
    calls: list = []
    status = 200

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length)) if length else None
        headers = {k.lower(): v for k, v in self.headers.items()}
        Recorder.calls.append((self.command, self.path, headers, body))
        self.send_response(Recorder.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PUT = do_DELETE = _answer

    def log_message(self, *args):  # keep the test output quiet
        pass


@pytest.fixture
def server():
    Recorder.calls, Recorder.status = [], 200
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    with override_settings(
        PLATSBANKEN_ENABLED=True,
        PLATSBANKEN_URL=url,
        PLATSBANKEN_API_KEY="test-key",
        PLATSBANKEN_CUSTOMER_NUMBER="123456",
        PLATSBANKEN_TIMEOUT=2,
    ):
        yield Recorder
    httpd.shutdown()
    httpd.server_close()


def classify(job):
    Job.objects.filter(pk=job.pk).update(
        jobtech_occupation=DEVELOPER,
        jobtech_municipality=STOCKHOLM,
        jobtech_employment_type=PERMANENT,
    )
    job.refresh_from_db()


def listing(job):
    classify(job)
    return save_listing(job, openings=2)


def test_the_export_has_the_shape_and_taxonomy_ids_platsbanken_takes(job):
    data = payload(job, listing(job))
    assert data["occupation"] == DEVELOPER and data["employmentType"] == PERMANENT
    assert data["workplaces"][0]["municipality"] == STOCKHOLM
    assert data["numberOfOpenings"] == 2 and len(data["title"]) <= 75
    assert 100 <= len(data["description"]) <= 6500
    assert data["application"]["url"].endswith(f"/jobs/{job.slug}/apply/?source=platsbanken")
    assert taxonomy.label("municipality", STOCKHOLM) == "Stockholm"


def test_sending_is_off_by_default(job):
    item = listing(job)
    assert not queue_listing(item)
    assert not SyncPlatsbanken().handle_one()
    assert PlatsbankenListing.objects.get().state == ListingState.DRAFT


def test_a_job_is_sent_and_withdrawn_when_closed(server, job):
    item = listing(job)
    assert queue_listing(item)
    assert SyncPlatsbanken().handle_one()
    method, path, headers, body = server.calls[0]
    assert (method, path) == ("PUT", f"/v1/ads/{job.pk}")
    assert headers["api-key"] == "test-key" and headers["customer-number"] == "123456"
    assert body["externalId"] == str(job.pk) and body["customerNumber"] == "123456"
    assert body["workplaces"][0]["municipality"] == STOCKHOLM
    assert PlatsbankenListing.objects.get().state == ListingState.SENT

    close_job(job)
    assert PlatsbankenListing.objects.get().state == ListingState.TO_WITHDRAW
    assert SyncPlatsbanken().handle_one()
    assert server.calls[1][:2] == ("DELETE", f"/v1/ads/{job.pk}")
    assert PlatsbankenListing.objects.get().state == ListingState.WITHDRAWN
    assert not SyncPlatsbanken().handle_one()


def test_a_refusal_is_stored_and_retried_later(server, job):
    server.status = 503
    queue_listing(listing(job))
    assert SyncPlatsbanken().handle_one()
    stored = PlatsbankenListing.objects.get()
    assert stored.state == ListingState.TO_SEND
    assert (stored.attempts, stored.last_error) == (1, "HTTP 503")
    assert stored.next_try_at is not None
    assert not SyncPlatsbanken().handle_one(), "not retried before its time"


def test_the_export_uses_the_ids_chosen_in_the_job_form(client, rita, job):
    client.force_login(rita)
    url = reverse("job_platsbanken", args=[job.pk])
    assert client.post(url, {"openings": 3}).status_code == 302
    page = client.get(url)
    assert "Choose the occupation (JobTech) in the job form." in page.content.decode()
    classify(job)
    page = client.get(url).content.decode()
    assert "Stockholm" in page and "Choose the occupation" not in page
    exported = client.get(reverse("job_platsbanken_json", args=[job.pk])).json()
    assert exported["occupation"] == DEVELOPER and exported["employmentType"] == PERMANENT
    assert exported["workplaces"][0]["municipality"] == STOCKHOLM
    assert exported["numberOfOpenings"] == 3


def test_an_ad_without_taxonomy_ids_is_not_sent(server, client, rita, job):
    save_listing(job, openings=1)
    client.force_login(rita)
    client.post(reverse("job_platsbanken_send", args=[job.pk]))
    assert PlatsbankenListing.objects.get().state == ListingState.DRAFT


def test_bad_openings_are_refused_and_the_listing_kept(client, rita, job):
    listing(job)
    client.force_login(rita)
    url = reverse("job_platsbanken", args=[job.pk])
    bad = client.post(url, {"openings": "many", "contact_email": "hr@example.se"})
    assert bad.status_code == 200 and bad.context["form"].errors["openings"]
    assert 'value="hr@example.se"' in bad.content.decode()
    assert PlatsbankenListing.objects.get().openings == 2


def test_an_occupation_typed_as_a_concept_id_is_exported(job):
    classify(job)
    Job.objects.filter(pk=job.pk).update(jobtech_occupation="Xk2p_9Qa_Zz1")
    job.refresh_from_db()
    assert not problems(job)
    assert payload(job, save_listing(job, openings=1))["occupation"] == "Xk2p_9Qa_Zz1"
    Job.objects.filter(pk=job.pk).update(jobtech_municipality="Xk2p_9Qa_Zz1")
    job.refresh_from_db()
    assert len(problems(job)) == 1
