"""The public job page shows every transparent detail, escaped; labels in the
visitor's language, the ad's own text marked with the ad's; drafts refused."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import make_job
from rekryt.jobs.actions import close_job

pytestmark = pytest.mark.django_db


def page(client, job, **params):
    return client.get(job.get_absolute_url(), params)


def full_job(**fields):
    values = dict(
        title="Backend Developer",
        department="Engineering",
        city="Uppsala",
        region="Uppsala län",
        workplace="hybrid",
        employment_type="FULL_TIME",
        working_hours="40 hours a week, flexible",
        salary_min=45000,
        salary_max=60000,
        salary_unit="MONTH",
        benefits="Wellness allowance\nSix weeks of holiday",
        team_description="Five developers and a designer.",
        description="You will build the product.\n\nWith us.",
        requirements="Python\nDjango",
        after_apply="A short call, then one interview.",
        reply_within_days=7,
        deadline=datetime.date(2030, 3, 31),
        language="en",
    )
    values.update(fields)
    return make_job(**values)


@time_machine.travel(datetime.datetime(2030, 3, 1, 12, tzinfo=datetime.UTC), tick=False)
def test_it_shows_every_detail_of_the_job(client, org):
    job = full_job()
    html = page(client, job).content.decode()
    for text in (
        "Backend Developer",
        "Engineering",
        "Uppsala, Uppsala län",
        "Hybrid",
        "Full time",
        "40 hours a week, flexible",
        "45,000–60,000 SEK per month",
        "Wellness allowance<br>Six weeks of holiday",
        "Five developers and a designer.",
        "<p>You will build the product.</p>\n<p>With us.</p>",
        "Python<br>Django",
        "A short call, then one interview.",
        "You will hear from us within 7 days",
        "31 March 2030",
    ):
        assert text in html, text


def test_it_shows_a_remote_job_as_remote(client, org):
    job = make_job(workplace="remote", city="")
    assert "<dd>Remote</dd>" in page(client, job).content.decode()


def test_it_formats_the_salary_in_the_visitors_language(client, org):
    job = full_job(language="en")
    client.cookies["django_language"] = "sv"
    assert "45\xa0000–60\xa0000 SEK per månad" in page(client, job).content.decode()


def test_it_says_clearly_when_no_salary_is_given(client, org):
    job = make_job(salary_min=None, salary_max=None)
    assert "No salary is given in this ad." in page(client, job).content.decode()


def test_it_shows_a_salary_with_only_a_lower_bound(client, org):
    job = make_job(salary_min=30000, salary_max=None, salary_unit="YEAR")
    assert "From 30,000 SEK per year" in page(client, job).content.decode()


def test_it_shows_a_salary_with_only_an_upper_bound(client, org):
    job = make_job(salary_min=None, salary_max=250, salary_unit="HOUR")
    assert "Up to 250 SEK per hour" in page(client, job).content.decode()


def test_it_says_when_there_is_no_deadline(client, org):
    job = make_job(deadline=None)
    assert "No deadline" in page(client, job).content.decode()


def test_it_escapes_every_text_field(client, org):
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    job = full_job(
        title=evil,
        description=evil,
        requirements=evil,
        benefits=evil,
        team_description=evil,
        after_apply=evil,
        working_hours=evil[:100],
        department="<b>Dept</b>",
    )
    html = page(client, job).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<b>Dept</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_the_job_content_carries_the_jobs_language(client, org):
    job = full_job(language="sv")
    html = page(client, job).content.decode()
    assert '<header class="job-header" lang="sv">' in html
    assert '<section class="job-text" lang="sv"><p>You will build the product.</p>' in html
    for text in ("Five developers", "Python<br>Django", "Wellness", "A short call"):
        assert f'<div lang="sv"><p>{text}' in html, text
    assert '<dd lang="sv">40 hours a week, flexible</dd>' in html


@pytest.mark.parametrize(
    ("visitor", "ad", "labels"),
    [
        ("en", "sv", ["Department", "Location", "Salary", "Apply by", "The team", "Requirements"]),
        ("sv", "en", ["Avdelning", "Ort", "Lön", "Ansök senast", "Teamet", "Krav"]),
    ],
)
def test_labels_follow_the_visitor_not_the_ad(client, org, visitor, ad, labels):
    job = full_job(language=ad)
    client.cookies["django_language"] = visitor
    html = page(client, job).content.decode()
    for label in labels:
        assert f">{label}</" in html, label
    assert f'<html lang="{visitor}">' in html
    assert f'<header class="job-header" lang="{ad}">' in html


def test_the_chrome_follows_the_visitors_language(client, org):
    job = make_job(language="sv")
    client.cookies["django_language"] = "en"
    html = page(client, job).content.decode()
    assert '<html lang="en">' in html
    assert '<div class="job-action" lang="en">' in html


def test_a_draft_job_is_not_found(client, org):
    assert page(client, make_job(publish=False)).status_code == 404


def test_an_unknown_job_is_not_found(client, org):
    assert client.get("/jobs/no-such-job/").status_code == 404


def test_a_closed_job_says_it_is_closed_and_cannot_be_applied_for(client, org):
    job = make_job()
    close_job(job)
    response = page(client, job)
    html = response.content.decode()
    assert response.status_code == 200
    assert "This job is closed" in html
    assert "/apply/" not in html
    assert "application/ld+json" not in html
    assert '<meta name="robots" content="noindex">' in html


@time_machine.travel(datetime.datetime(2030, 4, 2, 12, tzinfo=datetime.UTC), tick=False)
def test_a_job_past_its_deadline_cannot_be_applied_for(client, org):
    job = make_job(deadline=datetime.date(2030, 4, 1))
    html = page(client, job).content.decode()
    assert "The deadline for this job has passed" in html
    assert "/apply/" not in html
    assert "application/ld+json" not in html


def test_an_open_job_links_to_the_application_form(client, org):
    job = make_job()
    html = page(client, job).content.decode()
    assert f'href="/jobs/{job.slug}/apply/"' in html


def test_it_carries_the_source_on_to_the_application_form(client, org):
    job = make_job()
    html = page(client, job, source="Platsbanken!").content.decode()
    assert f'href="/jobs/{job.slug}/apply/?source=platsbanken"' in html


def test_it_cuts_a_long_source_to_forty_characters(client, org):
    job = make_job()
    html = page(client, job, utm_source="x" * 500).content.decode()
    assert f'/apply/?source={"x" * 40}"' in html


def test_the_query_count_is_constant(client, org, django_assert_num_queries):
    small = make_job(description="Short.")
    big = full_job(description="Long text.\n" * 2000)
    client.get("/")  # warm the organisation cache like any running site
    with CaptureQueriesContext(connection) as first:
        page(client, small)
    with django_assert_num_queries(len(first.captured_queries)):
        page(client, big)
    assert len(first.captured_queries) == 1
