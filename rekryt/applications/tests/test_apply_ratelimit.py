"""Per-address limits on the application form: a clear 429 that keeps
nothing and tells the person when to try again."""

import secrets

import pytest

from conftest import make_job
from rekryt.applications.models import Application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def limits(settings):
    settings.LANGUAGE_CODE = "en"
    settings.APPLY_RATE_LIMIT = 2
    settings.TRUSTED_PROXY_COUNT = 0


def post(client, job, n, **extra):
    data = {
        "first_name": "Anna",
        "last_name": "Andersson",
        "email": f"anna{n}@example.org",
        "about": "x",
        "consent": "on",
        "submission_key": secrets.token_hex(16),
    }
    return client.post(f"/jobs/{job.slug}/apply/", data, **extra)


def test_it_refuses_more_applications_than_the_limit_from_one_address(client, job):
    assert post(client, job, 1).status_code == 302
    assert post(client, job, 2).status_code == 302
    response = post(client, job, 3)
    assert response.status_code == 429
    assert Application.objects.count() == 2


def test_the_429_page_says_to_try_again_later_and_when(client, job):
    post(client, job, 1)
    post(client, job, 2)
    response = post(client, job, 3)
    html = response.content.decode()
    assert "Please try again later" in html
    assert "Please try again in about" in html
    assert "was not saved" in html
    assert 0 < int(response["Retry-After"]) <= 3601


def test_the_limit_counts_each_address_separately(client, job):
    post(client, job, 1, REMOTE_ADDR="198.51.100.1")
    post(client, job, 2, REMOTE_ADDR="198.51.100.1")
    assert post(client, job, 3, REMOTE_ADDR="198.51.100.2").status_code == 302


def test_the_limit_applies_across_jobs(client, job, other_job):
    post(client, job, 1)
    post(client, other_job, 2)
    assert post(client, make_job(), 3).status_code == 429


def test_it_uses_the_forwarded_address_behind_a_trusted_proxy(client, job, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    post(client, job, 1, HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy)
    post(client, job, 2, HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy)
    assert post(client, job, 3, HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy).status_code == 302
    spoofed = "198.51.100.9, 198.51.100.1"
    assert post(client, job, 4, HTTP_X_FORWARDED_FOR=spoofed, **proxy).status_code == 429


def test_corrections_do_not_use_up_the_application_limit(client, job):
    invalid = {"first_name": "", "submission_key": secrets.token_hex(16)}
    for _ in range(3):
        assert client.post(f"/jobs/{job.slug}/apply/", invalid).status_code == 200
    assert post(client, job, 1).status_code == 302


def test_a_flood_of_invalid_posts_is_cut_off_too(client, job):
    for _ in range(6):  # three times the limit
        client.post(f"/jobs/{job.slug}/apply/", {"first_name": ""})
    assert client.post(f"/jobs/{job.slug}/apply/", {"first_name": ""}).status_code == 429
    assert post(client, job, 1).status_code == 429


def test_bots_caught_by_the_honeypot_count_against_the_limit(client, job):
    for _ in range(2):
        data = {"first_name": "Bot", "website": "spam", "submission_key": secrets.token_hex(16)}
        client.post(f"/jobs/{job.slug}/apply/", data)
    assert post(client, job, 1).status_code == 429
    assert not Application.objects.exists()
