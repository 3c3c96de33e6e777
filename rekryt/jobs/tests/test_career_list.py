"""The public job list: published jobs only, allow-listed filters, pages of
20, and a query count that does not grow with the number of jobs."""

import re

import pytest
from django.urls import reverse

from conftest import make_job
from rekryt.jobs.actions import close_job

pytestmark = pytest.mark.django_db
LIST = reverse("career_list")


def titles(response) -> list[str]:
    return re.findall(r'<h2><a href="[^"]*" lang="\w+">([^<]*)</a></h2>', response.content.decode())


def test_it_lists_published_jobs_only(client, org):
    make_job(title="Open role")
    make_job(title="Draft role", publish=False)
    close_job(make_job(title="Closed role"))
    response = client.get(LIST)
    assert response.status_code == 200
    assert titles(response) == ["Open role"]


def test_it_shows_the_key_facts_of_each_job(client, org):
    make_job(
        title="Developer",
        department="Engineering",
        city="Malmö",
        workplace="hybrid",
        employment_type="PART_TIME",
        salary_min=40000,
        salary_max=50000,
    )
    html = client.get(LIST).content.decode()
    for fact in ("Engineering", "Malmö", "Hybrid", "Part time", "SEK per month"):
        assert fact in html


def test_it_says_so_when_there_are_no_open_jobs(client, org):
    assert "We have no open jobs right now" in client.get(LIST).content.decode()


def test_it_filters_by_department(client, org):
    make_job(title="Dev", department="Engineering")
    make_job(title="Seller", department="Sales")
    assert titles(client.get(LIST, {"department": "Sales"})) == ["Seller"]


def test_it_filters_by_city(client, org):
    make_job(title="Sthlm", city="Stockholm")
    make_job(title="Gbg", city="Göteborg")
    assert titles(client.get(LIST, {"city": "Göteborg"})) == ["Gbg"]


def test_it_filters_by_workplace(client, org):
    make_job(title="Office", workplace="onsite")
    make_job(title="Anywhere", workplace="remote")
    assert titles(client.get(LIST, {"workplace": "remote"})) == ["Anywhere"]


def test_it_filters_by_employment_type(client, org):
    make_job(title="Permanent", employment_type="FULL_TIME")
    make_job(title="Summer", employment_type="TEMPORARY")
    assert titles(client.get(LIST, {"employment_type": "TEMPORARY"})) == ["Summer"]


def test_it_combines_filters(client, org):
    make_job(title="A", department="Sales", workplace="remote")
    make_job(title="B", department="Sales", workplace="onsite")
    make_job(title="C", department="Engineering", workplace="remote")
    assert titles(client.get(LIST, {"department": "Sales", "workplace": "remote"})) == ["A"]


def test_it_ignores_values_that_are_not_in_the_allow_list(client, org):
    make_job(title="A", department="Sales")
    make_job(title="B", department="Engineering")
    response = client.get(
        LIST, {"department": "' OR 1=1 --", "workplace": "moon", "employment_type": "<script>"}
    )
    assert response.status_code == 200
    assert sorted(titles(response)) == ["A", "B"]
    assert "<script>" not in response.content.decode()


def test_an_unknown_value_does_not_cancel_the_other_filters(client, org):
    make_job(title="A", department="Sales", city="Umeå")
    make_job(title="B", department="Engineering", city="Umeå")
    assert titles(client.get(LIST, {"department": "Sales", "city": "Atlantis"})) == ["A"]


def test_filter_choices_are_the_departments_and_cities_of_published_jobs(client, org):
    make_job(department="Sales", city="Göteborg")
    make_job(department="Sales", city="Luleå")
    make_job(department="Secret project", city="Area 51", publish=False)
    html = client.get(LIST).content.decode()
    assert html.count('<option value="Sales">') == 1
    assert '<option value="Luleå">' in html
    assert "Secret project" not in html
    assert "Area 51" not in html


def test_it_keeps_the_chosen_filter_selected(client, org):
    make_job(department="Sales")
    html = client.get(LIST, {"department": "Sales"}).content.decode()
    assert '<option value="Sales" selected>' in html


def test_it_shows_twenty_jobs_a_page(client, org):
    for n in range(25):
        make_job(title=f"Job {n:02d}")
    first = client.get(LIST)
    second = client.get(LIST, {"page": 2})
    assert len(titles(first)) == 20
    assert len(titles(second)) == 5
    assert set(titles(first)).isdisjoint(titles(second))
    assert "25 open jobs" in first.content.decode()


def test_page_links_keep_the_filters(client, org):
    for _ in range(21):
        make_job(department="Sales")
    html = client.get(LIST, {"department": "Sales"}).content.decode()
    assert 'href="?department=Sales&amp;page=2"' in html


def test_a_bad_page_number_shows_a_page_instead_of_an_error(client, org):
    job = make_job()
    for page in ("9999", "abc", "-1", "0", "1e9"):
        response = client.get(LIST, {"page": page})
        assert response.status_code == 200
        assert job.title in response.content.decode()


def test_it_carries_the_source_on_to_the_job_links(client, org):
    job = make_job()
    html = client.get(LIST, {"utm_source": "LinkedIn Campaign"}).content.decode()
    assert f'href="{job.get_absolute_url()}?source=linkedin-campaign"' in html


def test_it_works_without_javascript(client, org):
    make_job()
    html = client.get(LIST).content.decode()
    assert "<script" not in html
    assert '<form class="filters" method="get"' in html


def test_the_query_count_does_not_grow_with_the_number_of_jobs(
    client, org, django_assert_num_queries
):
    for n in range(3):
        make_job(department=f"Dept {n}", city=f"City {n}")
    client.get(LIST)  # warm the organisation cache like any running site
    with django_assert_num_queries(4):
        assert len(titles(client.get(LIST))) == 3
    for n in range(27):
        make_job(department=f"Dept {n}", city=f"City {n}")
    with django_assert_num_queries(4):
        assert len(titles(client.get(LIST))) == 20


def test_the_query_count_stays_the_same_with_filters(client, org, django_assert_num_queries):
    for _ in range(30):
        make_job(department="Sales", workplace="remote")
    client.get(LIST)
    with django_assert_num_queries(4):
        client.get(LIST, {"department": "Sales", "workplace": "remote", "page": 2})
