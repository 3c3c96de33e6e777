"""Names and job titles with line breaks never reach an email header: the
confirmation email is delivered to the candidate alone, with no injected
Bcc and no raw line break in any header."""

from __future__ import annotations

import secrets

import pytest

from conftest import make_application, make_job
from rekryt.applications.models import Application
from rekryt.messaging.tests.helpers import work

pytestmark = pytest.mark.django_db

HOSTILE = "Eve\r\nBcc: evil@example.org"


def apply(client, job, **fields):
    data = {
        "first_name": HOSTILE,
        "last_name": HOSTILE,
        "email": "eve@example.org",
        "about": "I build things.",
        "consent": "on",
        "submission_key": secrets.token_hex(16),
    }
    data.update(fields)
    return client.post(f"/jobs/{job.slug}/apply/", data)


def assert_clean(smtp):
    [received] = smtp.received
    assert smtp.envelopes[0][1] == ["eve@example.org"]
    assert "Bcc" not in received
    assert [a.addr_spec for a in received["To"].addresses] == ["eve@example.org"]
    for name, value in received.items():
        # The text may stay, flattened to one line inside the header; it must
        # never start a header of its own.
        assert "\r" not in str(value) and "\n" not in str(value), name
    for header in ("Bcc", "Cc"):
        assert header not in received
    return received


def test_the_form_refuses_a_name_with_a_line_break(client, smtp, org, rita):
    job = make_job(recruiter=rita, language="en")
    response = apply(client, job)
    assert response.status_code != 302
    assert "Please write your name on one line." in response.content.decode()
    assert not Application.objects.exists()
    assert work() == 0


def test_a_name_with_a_line_break_that_got_past_a_form_cannot_add_a_bcc(smtp, org, rita):
    # Another way in (an import, the demo seeder, a future API) calls the
    # action directly: delivery itself must keep the headers clean.
    job = make_job(recruiter=rita, language="en")
    make_application(job, first_name=HOSTILE, last_name=HOSTILE, email="eve@example.org")
    assert work() == 1
    received = assert_clean(smtp)
    assert received["To"].addresses[0].addr_spec == "eve@example.org"


def test_a_job_title_with_a_line_break_cannot_break_the_subject(client, smtp, org, rita):
    job = make_job(recruiter=rita, language="en", title="Engineer\r\nBcc: evil@example.org")
    response = apply(client, job, first_name="Eve", last_name="Example")
    assert response.status_code == 302
    assert work() == 1
    received = assert_clean(smtp)
    assert "Engineer" in str(received["Subject"])
