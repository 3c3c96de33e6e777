"""The embeddable job list: a frame page without script, and JSON with CORS."""

import pytest
from django.test import override_settings
from django.urls import reverse

from conftest import make_job
from rekryt.jobs.actions import close_job

pytestmark = pytest.mark.django_db


def test_the_frame_page_may_be_embedded_and_runs_no_script(client, rita):
    job = make_job(recruiter=rita, title='<img src=x onerror="alert(1)">')
    with override_settings(EMBED_FRAME_ANCESTORS="https://www.example.se"):
        response = client.get(reverse("embed_jobs"))
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors https://www.example.se" in policy
    assert "script-src" not in policy and "default-src 'none'" in policy
    body = response.content.decode()
    assert "<script" not in body and "<form" not in body
    assert "&lt;img src=x" in body
    assert 'target="_top"' in body and f"{job.get_absolute_url()}?source=website" in body
    assert not response.cookies


def test_the_json_list_is_readable_from_any_origin(client, rita):
    shown = make_job(recruiter=rita, title="Butikssäljare")
    gone = make_job(recruiter=rita)
    close_job(gone)
    response = client.get(reverse("embed_jobs_json"), HTTP_ORIGIN="https://www.example.se")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    jobs = response.json()["jobs"]
    assert [j["id"] for j in jobs] == [shown.pk]
    assert jobs[0]["title"] == "Butikssäljare"
