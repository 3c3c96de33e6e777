"""The embeddable job list: a frame page without script, and JSON with CORS."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from conftest import make_job
from rekryt.jobs.actions import close_job
from rekryt.jobs.models import Job

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


def test_only_the_frame_page_may_be_framed(client, rita):
    job = make_job(recruiter=rita)
    for url in (reverse("embed_jobs_json"), reverse("career_list"), job.get_absolute_url()):
        response = client.get(url)
        assert response["X-Frame-Options"] == "DENY", url
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"], url


@pytest.mark.parametrize(
    ("configured", "sent"),
    [
        (
            "https://www.example.se https://*.example.se",
            "https://www.example.se https://*.example.se",
        ),
        ("*", "*"),
        ("https://www.example.se; script-src *", "https://www.example.se"),
        ("'unsafe-inline' \"x\" ;", "'none'"),
        ("", "'none'"),
    ],
)
def test_a_configured_frame_ancestors_cannot_add_directives(client, configured, sent):
    with override_settings(EMBED_FRAME_ANCESTORS=configured):
        policy = client.get(reverse("embed_jobs"))["Content-Security-Policy"]
    assert policy.endswith(f"frame-ancestors {sent}")
    assert policy.count(";") == 5 and "script-src" not in policy


def test_the_json_takes_only_get_and_cors_is_on_it_alone(client, rita):
    make_job(recruiter=rita)
    url = reverse("embed_jobs_json")
    for method in ("post", "put", "delete", "options"):
        response = getattr(client, method)(url, HTTP_ORIGIN="https://evil.example")
        assert response.status_code == 405, method
        assert "Access-Control-Allow-Origin" not in response, method
    assert "Access-Control-Allow-Origin" not in client.get(reverse("embed_jobs"))
    assert "Access-Control-Allow-Origin" not in client.get(reverse("career_list"))
    assert client.post(reverse("embed_jobs")).status_code == 405


def test_neither_shows_personal_data_or_unpublished_jobs(client, rita, hanna):
    shown = make_job(recruiter=rita, title="Lagermedarbetare")
    shown.team.add(hanna)
    draft = make_job(recruiter=rita, title="Hemligt utkast", publish=False)
    past = make_job(recruiter=rita, title="Gammal annons")
    Job.objects.filter(pk=past.pk).update(deadline=timezone.localdate() - timedelta(days=1))
    jobs = client.get(reverse("embed_jobs_json")).json()["jobs"]
    assert [j["id"] for j in jobs] == [shown.pk]
    assert set(jobs[0]) == {
        "id",
        "title",
        "department",
        "city",
        "workplace",
        "employment_type",
        "deadline",
        "url",
    }
    for response in (client.get(reverse("embed_jobs")), client.get(reverse("embed_jobs_json"))):
        body = response.content.decode()
        assert draft.title not in body and past.title not in body
        for person in (rita, hanna):
            for value in (person.email, person.username, person.last_name):
                assert not value or value not in body
        assert not response.cookies


def test_the_frame_page_keeps_its_queries_as_jobs_grow(client, rita, django_assert_max_num_queries):
    make_job(recruiter=rita)
    client.get(reverse("embed_jobs"))
    with django_assert_max_num_queries(10) as few:
        client.get(reverse("embed_jobs"))
        client.get(reverse("embed_jobs_json"))
    for n in range(8):
        make_job(recruiter=rita, title=f"Jobb {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("embed_jobs"))
        client.get(reverse("embed_jobs_json"))
    assert page.content.decode().count("<li>") == 9
