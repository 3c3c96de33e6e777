"""The candidates page and one candidate's page."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import make_application, make_job
from rekryt.applications.actions import set_outcome
from rekryt.applications.models import Outcome
from rekryt.candidates.views import PAGE_SIZE, safe_filename, web_link

LIST = "/staff/candidates/"


@pytest.fixture(autouse=True)
def english(client, settings):
    settings.LANGUAGE_CODE = "en"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def names(response):
    return [c.full_name for c in response.context["page"].object_list]


def test_the_url_names_resolve():
    assert reverse("candidate_list") == LIST


def test_anonymous_visitors_are_sent_to_login(client, job):
    candidate = make_application(job).candidate
    for url in (LIST, reverse("candidate_detail", args=[candidate.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_an_outsider_sees_no_candidates_and_gets_404_on_one(client, ivan, job):
    candidate = make_application(job).candidate
    client.force_login(ivan)
    assert names(client.get(LIST)) == []
    assert client.get(reverse("candidate_detail", args=[candidate.pk])).status_code == 404


def test_a_hiring_manager_sees_only_their_jobs_candidates(client, otto, hanna, job, other_job):
    on_job = make_application(job, first_name="Anna").candidate
    on_other = make_application(other_job, first_name="Bertil").candidate
    client.force_login(otto)
    assert names(client.get(LIST)) == ["Bertil Testsson"]
    assert client.get(reverse("candidate_detail", args=[on_job.pk])).status_code == 404
    assert client.get(reverse("candidate_detail", args=[on_other.pk])).status_code == 200
    client.force_login(hanna)
    assert names(client.get(LIST)) == ["Anna Testsson"]
    assert client.get(reverse("candidate_detail", args=[on_job.pk])).status_code == 200
    assert client.get(reverse("candidate_detail", args=[on_other.pk])).status_code == 404


def test_it_shows_only_the_applications_the_user_may_see(client, otto, rita, job, other_job):
    make_application(job, email="both@example.org")
    theirs = make_application(other_job, email="both@example.org")
    client.force_login(otto)
    response = client.get(LIST)
    (candidate,) = response.context["page"].object_list
    assert [a.pk for a in candidate.visible_applications] == [theirs.pk]
    assert job.title not in response.content.decode()
    detail = client.get(reverse("candidate_detail", args=[candidate.pk]))
    assert [a.pk for a in detail.context["applications"]] == [theirs.pk]
    client.force_login(rita)
    (candidate,) = client.get(LIST).context["page"].object_list
    assert len(candidate.visible_applications) == 2


def test_each_candidate_lists_job_stage_and_outcome(client, rita, job):
    application = make_application(job, first_name="Hedda")
    set_outcome(application, Outcome.HIRED, rita)
    client.force_login(rita)
    body = client.get(LIST).content.decode()
    assert job.title in body
    assert "Hired" in body
    assert application.stage.name in body


def test_it_sorts_by_allow_listed_keys_only(client, rita, job):
    now = timezone.now()
    for days, first, last in [(3, "Ada", "Öberg"), (2, "Cem", "Andersson"), (1, "Bo", "Lund")]:
        with time_machine.travel(now - timedelta(days=days)):
            make_application(job, first_name=first, last_name=last)
    client.force_login(rita)
    assert names(client.get(LIST)) == ["Bo Lund", "Cem Andersson", "Ada Öberg"]
    assert names(client.get(LIST + "?sort=oldest")) == ["Ada Öberg", "Cem Andersson", "Bo Lund"]
    assert names(client.get(LIST + "?sort=name"))[0] == "Cem Andersson"
    hostile = client.get(LIST + "?sort=email_normalised")
    assert hostile.status_code == 200
    assert hostile.context["sort"] == "newest"
    assert names(hostile) == ["Bo Lund", "Cem Andersson", "Ada Öberg"]


def test_it_pages_by_25_and_keeps_the_search_in_the_links(client, rita, job):
    for i in range(PAGE_SIZE + 3):
        make_application(job, first_name=f"Pia{i}", last_name="Page")
    client.force_login(rita)
    first = client.get(LIST + "?q=page&sort=name")
    assert len(first.context["page"].object_list) == PAGE_SIZE
    assert "?q=page&amp;sort=name&amp;page=2" in first.content.decode()
    second = client.get(LIST + "?q=page&sort=name&page=2")
    assert len(second.context["page"].object_list) == 3
    assert client.get(LIST + "?page=999").status_code == 200


def test_the_candidate_page_shows_contact_and_safe_link(client, rita, job):
    candidate = make_application(
        job, first_name="Li", link="https://li.example", phone="070-1"
    ).candidate
    client.force_login(rita)
    body = client.get(reverse("candidate_detail", args=[candidate.pk])).content.decode()
    assert '<a href="https://li.example" rel="noopener noreferrer nofollow"' in body
    assert "070-1" in body
    assert job.title in body


def list_queries(client, url=LIST):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("persona", ["rita", "hanna"])
def test_the_list_costs_the_same_queries_for_few_and_many(client, request, persona, job, other_job):
    for _ in range(3):
        make_application(job)
    client.force_login(request.getfixturevalue(persona))
    list_queries(client)
    few = list_queries(client)
    few_search = list_queries(client, LIST + "?q=kandidat&sort=name")
    for i in range(40):
        application = make_application(job)
        make_application(other_job, email=application.candidate.email)
        make_application(make_job(title=f"Extra {i}"), email=application.candidate.email)
    assert list_queries(client) == few <= 8
    assert list_queries(client, LIST + "?q=kandidat&sort=name") == few_search


def test_web_link_accepts_only_http_and_https():
    assert web_link("https://example.com/x") == "https://example.com/x"
    assert web_link(" http://example.com ") == "http://example.com"
    assert web_link("javascript:alert(1)") == ""
    assert web_link("JAVASCRIPT://example.com/%0aalert(1)") == ""
    assert web_link("ftp://example.com") == ""
    assert web_link("https://") == ""
    assert web_link("") == ""


def test_safe_filename_removes_paths_controls_and_bidi_overrides():
    assert safe_filename("../../etc/passwd", "pdf") == "passwd"
    assert safe_filename("C:\\Users\\x\\cv.pdf", "pdf") == "cv.pdf"
    assert safe_filename("cv\u202efdp.exe", "pdf") == "cvfdp.exe"
    assert safe_filename("a\r\nb\x00.pdf", "pdf") == "ab.pdf"
    assert safe_filename('we"ird;name.pdf', "pdf") == "we_ird_name.pdf"
    assert safe_filename("...", "docx") == "document.docx"
    long = safe_filename("x" * 500 + ".pdf", "pdf")
    assert len(long) == 120
    assert long.endswith("x.pdf")
