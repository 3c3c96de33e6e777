"""Security headers on public, staff and error pages; no Referer from pages
reached by a secret link; HSTS and a clean `check --deploy` in production."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from conftest import make_application

ROOT = Path(__file__).resolve().parents[3]
STRICT_REFERRER = {"same-origin", "strict-origin-when-cross-origin", "no-referrer"}


def directives(response) -> dict[str, str]:
    csp = response["Content-Security-Policy"]
    parts = [part.strip().split(None, 1) for part in csp.split(";") if part.strip()]
    return {p[0]: (p[1] if len(p) > 1 else "") for p in parts}


def assert_secure_headers(response):
    csp = directives(response)
    script = csp.get("script-src", csp.get("default-src", ""))
    assert script, "no script-src"
    assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script
    assert "'unsafe-inline'" not in csp.get("style-src", "")
    assert csp["frame-ancestors"] == "'none'"
    assert csp["object-src"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] in STRICT_REFERRER
    assert response["X-Frame-Options"] == "DENY"


def test_a_public_page(client, org, job):
    response = client.get(reverse("career_job", args=[job.slug]))
    assert response.status_code == 200
    assert_secure_headers(response)
    assert response["Referrer-Policy"] == "same-origin"


def test_a_staff_page(client, rita):
    client.force_login(rita)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    assert_secure_headers(response)


@pytest.mark.parametrize("path", ["/no-such-page/", "/staff/no-such-page/"])
def test_error_pages(client, rita, path):
    client.force_login(rita)
    response = client.get(path)
    assert response.status_code == 404
    assert_secure_headers(response)


def test_a_staff_404_from_a_scoped_getter(client, otto, application):
    client.force_login(otto)
    response = client.get(reverse("application_detail", args=[application.pk]))
    assert response.status_code == 404
    assert_secure_headers(response)


@pytest.mark.parametrize(
    "url",
    [
        "/portal/t/not-a-real-token/",
        "/survey/not-a-real-token/",
        "/survey/not-a-real-token/unsubscribe/",
        "/future-roles/not-a-real-token/",
        "/staff/invitation/not-a-real-token/",
    ],
)
def test_pages_reached_by_a_secret_link_never_send_it_to_another_site(client, org, url):
    # same-origin, not no-referrer: with no-referrer browsers post the page's
    # own forms with "Origin: null", which the CSRF check refuses.
    response = client.get(url)
    assert response.status_code < 500
    assert response["Referrer-Policy"] == "same-origin"
    assert_secure_headers(response)


def test_the_applied_page_sends_no_referrer_to_another_site(client, org, job):
    application = make_application(job)
    url = reverse("applied", args=[job.slug, "some-token"])
    response = client.get(url)
    assert response["Referrer-Policy"] == "same-origin"
    assert application.pk  # the page answers whether or not the token is known


PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "x" * 30 + "production-like-secret-key-for-the-deploy-check-0123456789",
    "SITE_URL": "https://jobs.example.com",
    "ALLOWED_HOSTS": "jobs.example.com",
    "DJANGO_SETTINGS_MODULE": "rekryt.settings",
}


def production(code: str, tmp_path) -> subprocess.CompletedProcess[str]:
    # Only what a production process would have: the test run's own variables
    # (DATABASE_URL, DJANGO_ALLOW_ASYNC_UNSAFE from the browser tests) stay out.
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "VIRTUAL_ENV", "PYTHONPATH")
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update(PRODUCTION_ENV, DATA_DIR=str(tmp_path))
    return subprocess.run(  # noqa: S603  # nosec B603: our own interpreter and code
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_settings_turn_on_hsts_and_secure_cookies(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_REFERRER_POLICY)"
    )
    result = production(code, tmp_path)
    assert result.returncode == 0, result.stderr
    hsts, subdomains, session, csrf, redirect, referrer = result.stdout.split()
    assert int(hsts) >= 31536000
    assert (subdomains, session, csrf, redirect) == ("True", "True", "True", "True")
    assert referrer == "same-origin"


def test_check_deploy_is_clean(tmp_path):
    code = (
        "import django, sys; django.setup(); from django.core.management import call_command; "
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    result = production(code, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
