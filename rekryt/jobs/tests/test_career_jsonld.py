"""schema.org JobPosting JSON-LD: complete, absolute, and impossible to break
out of."""

import datetime
import json
import re

import pytest
import time_machine
from django.core.files.base import ContentFile

from conftest import make_job
from rekryt.jobs.actions import close_job

pytestmark = pytest.mark.django_db
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def jsonld(client, job):
    html = client.get(job.get_absolute_url()).content.decode()
    found = SCRIPT.findall(html)
    assert len(found) == 1
    return json.loads(found[0])


@pytest.fixture
def branded_org(org, settings):
    settings.SITE_URL = "https://jobs.example.se"
    org.website = "https://example.se"
    org.logo.save("logo.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=False)
    org.save()
    return org


@time_machine.travel(datetime.datetime(2030, 3, 1, 9, tzinfo=datetime.UTC), tick=False)
def test_it_describes_an_onsite_job_completely(client, branded_org):
    job = make_job(
        title="Backend Developer",
        city="Uppsala",
        region="Uppsala län",
        country="SE",
        workplace="onsite",
        employment_type="PART_TIME",
        salary_min=45000,
        salary_max=60000,
        salary_unit="MONTH",
        salary_currency="SEK",
        deadline=datetime.date(2030, 3, 31),
        description="Build <things>\nwith us",
        requirements="Python & Django",
    )
    data = jsonld(client, job)
    assert data["@context"] == "https://schema.org/"
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Backend Developer"
    assert data["datePosted"] == "2030-03-01T10:00:00+01:00"
    assert data["validThrough"] == "2030-03-31T23:59:59+02:00"
    assert data["employmentType"] == "PART_TIME"
    assert data["directApply"] is True
    assert data["url"] == f"https://jobs.example.se/jobs/{job.slug}/"
    assert data["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Exempelbolaget AB",
        "sameAs": "https://example.se",
        "logo": "https://jobs.example.se/logo",
    }
    assert data["jobLocation"] == {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Uppsala",
            "addressRegion": "Uppsala län",
            "addressCountry": "SE",
        },
    }
    assert "jobLocationType" not in data
    assert data["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "SEK",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": 45000,
            "maxValue": 60000,
            "unitText": "MONTH",
        },
    }
    assert data["identifier"] == {
        "@type": "PropertyValue",
        "name": "Exempelbolaget AB",
        "value": str(job.pk),
    }


def test_its_description_is_html_built_from_escaped_text(client, org):
    job = make_job(
        description="Build <things>\nwith us",
        requirements="Python & Django",
        benefits="",
        team_description="",
        after_apply="",
    )
    description = jsonld(client, job)["description"]
    assert description == (
        "<p>Build &lt;things&gt;<br>with us</p>\n<h3>Requirements</h3><p>Python &amp; Django</p>"
    )


def test_a_remote_job_is_telecommute_with_a_country_requirement(client, org):
    job = make_job(workplace="remote", city="", country="SE")
    data = jsonld(client, job)
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == {"@type": "Country", "name": "SE"}
    assert "jobLocation" not in data


def test_a_remote_job_with_a_home_office_also_names_the_place(client, org):
    data = jsonld(client, make_job(workplace="remote", city="Lund"))
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["jobLocation"]["address"]["addressLocality"] == "Lund"


def test_a_hybrid_job_has_a_place_and_is_not_telecommute(client, org):
    data = jsonld(client, make_job(workplace="hybrid", city="Lund"))
    assert data["jobLocation"]["address"]["addressLocality"] == "Lund"
    assert "jobLocationType" not in data


def test_it_leaves_out_what_is_not_set(client, org):
    data = jsonld(client, make_job(salary_min=None, salary_max=None, deadline=None))
    assert "baseSalary" not in data
    assert "validThrough" not in data
    assert "sameAs" not in data["hiringOrganization"]
    assert "logo" not in data["hiringOrganization"]


def test_a_salary_with_one_bound_has_only_that_value(client, org):
    data = jsonld(client, make_job(salary_min=30000, salary_max=None, salary_unit="YEAR"))
    assert data["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "minValue": 30000,
        "unitText": "YEAR",
    }


def test_a_title_with_a_closing_script_tag_cannot_break_out(client, org):
    title = '</script><script>alert("x")</script> & <!--'
    job = make_job(title=title)
    html = client.get(job.get_absolute_url()).content.decode()
    head = html.split("</head>")[0]
    assert head.count("</script>") == 1
    assert "\\u003C/script\\u003E\\u003Cscript\\u003E" in head
    assert "\\u0026" in head
    assert jsonld(client, job)["title"] == title


def test_urls_come_from_site_url_not_the_host_header(client, org, settings):
    settings.SITE_URL = "https://jobs.example.se"
    settings.ALLOWED_HOSTS = ["*"]
    job = make_job()
    html = client.get(job.get_absolute_url(), HTTP_HOST="evil.example").content.decode()
    assert "evil.example" not in SCRIPT.findall(html)[0]
    assert json.loads(SCRIPT.findall(html)[0])["url"].startswith("https://jobs.example.se/")


def test_a_closed_job_has_no_jobposting(client, org):
    job = make_job()
    close_job(job)
    assert "application/ld+json" not in client.get(job.get_absolute_url()).content.decode()
