"""The confirmation page: POST/redirect/GET, says what happens next and by
when, names only the first name, and its link cannot be guessed."""

import base64
import datetime
import re
import secrets

import pytest
import time_machine
from django.core import signing

from conftest import make_application, make_job
from rekryt.applications.apply import APPLIED_SALT

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2030, 11, 3, 9, tzinfo=datetime.UTC)


def submit(client, job, **extra):
    data = {
        "first_name": "Anna",
        "last_name": "Andersson",
        "email": "anna@example.org",
        "about": "x",
        "consent": "on",
        "submission_key": secrets.token_hex(16),
        **extra,
    }
    return client.post(f"/jobs/{job.slug}/apply/", data)


@time_machine.travel(NOW, tick=False)
def test_it_says_what_happens_next_and_by_when(client, org, settings):
    settings.LANGUAGE_CODE = "en"
    job = make_job(reply_within_days=10, after_apply="We call the best five.")
    response = client.get(submit(client, job)["Location"])
    html = response.content.decode()
    assert response.status_code == 200
    assert "Thank you, Anna!" in html
    assert job.title in html
    assert "A confirmation email is on its way" in html
    assert "We call the best five." in html
    assert "You will hear from us by <strong>13 November 2030</strong>" in html


@time_machine.travel(NOW, tick=False)
def test_the_date_is_written_in_the_visitors_language(client, job, settings):
    settings.LANGUAGE_CODE = "sv"
    html = client.get(submit(client, job)["Location"]).content.decode()
    assert "8 november 2030" in html


def test_it_shows_only_the_first_name(client, job):
    html = client.get(submit(client, job, phone="0701234567")["Location"]).content.decode()
    assert "Andersson" not in html
    assert "anna@example.org" not in html
    assert "0701234567" not in html


def test_the_page_is_not_cached_or_indexed(client, job):
    response = client.get(submit(client, job)["Location"])
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_the_link_does_not_contain_a_guessable_number(client, job):
    location = submit(client, job)["Location"]
    token = location.rstrip("/").rsplit("/", 1)[1]
    assert not re.fullmatch(r"\d+", token)
    assert len(token) > 30


def test_an_altered_token_is_not_found(client, job):
    location = submit(client, job)["Location"]
    assert client.get(location[:-3] + "xx/").status_code == 404


def test_a_token_for_another_application_cannot_be_made_up(client, job):
    other = make_application(job)
    forged = signing.dumps(other.pk, salt="some other salt")
    assert client.get(f"/jobs/{job.slug}/applied/{forged}/").status_code == 404
    assert client.get(f"/jobs/{job.slug}/applied/{other.pk}/").status_code == 404


def test_a_token_only_works_with_its_own_job(client, job, other_job):
    location = submit(client, job)["Location"]
    assert client.get(location).status_code == 200
    elsewhere = location.replace(f"/jobs/{job.slug}/", f"/jobs/{other_job.slug}/")
    assert client.get(elsewhere).status_code == 404


def test_the_link_does_not_carry_the_name_readably(client, job):
    location = submit(client, job, first_name="Zlatana")["Location"]
    token = location.rstrip("/").rsplit("/", 1)[1]
    decoded = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    assert b"Zlatana" not in decoded
    assert "Zlatana" in client.get(location).content.decode()


def test_a_token_works_for_a_week_and_then_stops(client, job):
    with time_machine.travel(NOW, tick=False):
        location = submit(client, job)["Location"]
    week = datetime.timedelta(days=7)
    with time_machine.travel(NOW + week - datetime.timedelta(minutes=1), tick=False):
        page = client.get(location)
        assert page.status_code == 200 and job.title in page.content.decode()
    with time_machine.travel(NOW + week + datetime.timedelta(minutes=1), tick=False):
        assert client.get(location).status_code == 404


def test_a_signed_value_that_is_not_an_id_is_not_found(client, job):
    token = signing.dumps("1 OR 1=1", salt=APPLIED_SALT)
    assert client.get(f"/jobs/{job.slug}/applied/{token}/").status_code == 404


def test_reloading_the_confirmation_page_submits_nothing_again(client, job):
    location = submit(client, job)["Location"]
    for _ in range(3):
        assert client.get(location).status_code == 200
    assert job.applications.count() == 1
