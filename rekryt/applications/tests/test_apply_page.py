"""The application form page: few required fields, hidden keys, a privacy
notice, a honeypot, and a clear refusal for closed jobs."""

import datetime
import re

import pytest
import time_machine

from conftest import make_job
from rekryt.applications.models import Application
from rekryt.jobs.actions import close_job

pytestmark = pytest.mark.django_db


def apply_url(job):
    return f"/jobs/{job.slug}/apply/"


def test_it_shows_the_form_with_a_fresh_hex_submission_key(client, job):
    first = client.get(apply_url(job)).content.decode()
    second = client.get(apply_url(job)).content.decode()
    keys = [
        re.search(r'name="submission_key" value="([^"]*)"', html).group(1)
        for html in (first, second)
    ]
    assert all(re.fullmatch(r"[0-9a-f]{32}", key) for key in keys)
    assert keys[0] != keys[1]


def test_it_is_never_cached(client, job):
    assert "no-store" in client.get(apply_url(job))["Cache-Control"]


def test_it_asks_for_at_most_six_required_things(client, job):
    html = client.get(apply_url(job)).content.decode()
    required = re.findall(r'<(?:input|textarea|select)[^>]*name="([^"]+)"[^>]*\brequired\b', html)
    assert sorted(required) == ["consent", "email", "first_name", "last_name"]
    # plus "a CV or a few words about you": five things in all.
    assert "Your CV or a few words about you" in html


def test_it_carries_the_source_in_a_hidden_field(client, job):
    html = client.get(apply_url(job), {"source": "LinkedIn Jobs"}).content.decode()
    assert '<input type="hidden" name="source" value="linkedin-jobs"' in html


def test_it_takes_the_source_from_utm_source(client, job):
    html = client.get(apply_url(job), {"utm_source": "Indeed"}).content.decode()
    assert '<input type="hidden" name="source" value="indeed"' in html


def test_it_has_a_honeypot_people_are_told_to_leave_empty(client, job):
    html = client.get(apply_url(job)).content.decode()
    assert '<div class="field hp" aria-hidden="true">' in html
    assert "Leave this field empty" in html
    field = re.search(r'<input[^>]*name="website"[^>]*>', html).group(0)
    assert 'tabindex="-1"' in field
    assert 'autocomplete="off"' in field


def test_it_shows_a_privacy_notice_built_from_the_organisation(client, job):
    html = client.get(apply_url(job)).content.decode()
    assert 'id="privacy"' in html
    assert "Exempelbolaget AB uses what you send here" in html
    assert 'href="mailto:privacy@example.com"' in html
    assert 'href="#privacy"' in html


def test_it_offers_the_where_did_you_hear_choices(client, job):
    html = client.get(apply_url(job)).content.decode()
    assert '<option value="platsbanken">' in html
    assert '<option value="friend">' in html


def test_it_uploads_with_multipart_and_posts_to_itself(client, job):
    html = client.get(apply_url(job)).content.decode()
    assert f'action="{apply_url(job)}" enctype="multipart/form-data"' in html


def test_it_works_without_javascript(client, job):
    assert "<script" not in client.get(apply_url(job)).content.decode()


def test_a_draft_job_has_no_form(client, org):
    assert client.get(apply_url(make_job(publish=False))).status_code == 404


def test_a_closed_job_refuses_with_a_clear_message(client, job):
    close_job(job)
    response = client.get(apply_url(job))
    assert response.status_code == 410
    assert "Applications for this job are closed" in response.content.decode()


def test_a_post_to_a_closed_job_creates_nothing(client, job):
    close_job(job)
    response = client.post(
        apply_url(job),
        {
            "first_name": "A",
            "last_name": "B",
            "email": "a@example.org",
            "about": "x",
            "consent": "on",
        },
    )
    assert response.status_code == 410
    assert not Application.objects.exists()


@time_machine.travel(datetime.datetime(2030, 5, 2, 8, tzinfo=datetime.UTC), tick=False)
def test_a_job_past_its_deadline_refuses_with_a_clear_message(client, org):
    job = make_job(deadline=datetime.date(2030, 5, 1))
    response = client.post(apply_url(job), {"first_name": "A"})
    assert response.status_code == 410
    assert "Applications for this job are closed" in response.content.decode()


@pytest.mark.parametrize(
    ("moment", "open_"),
    [
        # 21:59 UTC is 23:59 in Stockholm, still 1 May; 22:00 UTC is midnight.
        (datetime.datetime(2030, 5, 1, 21, 59, tzinfo=datetime.UTC), True),
        (datetime.datetime(2030, 5, 1, 22, 0, tzinfo=datetime.UTC), False),
    ],
)
def test_the_deadline_day_is_open_to_its_last_local_minute(client, org, moment, open_):
    job = make_job(deadline=datetime.date(2030, 5, 1))
    with time_machine.travel(moment, tick=False):
        response = client.get(apply_url(job))
    page = response.content.decode()
    assert response.status_code == (200 if open_ else 410)
    assert ('name="email"' in page) is open_
    assert ("Applications for this job are closed" in page) is not open_
