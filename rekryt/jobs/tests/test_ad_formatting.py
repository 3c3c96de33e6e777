"""Job ads written with lists, bold, links and headings show formatted on the
career site and in its JSON-LD, safely, without breaking the page's heading
order; staff preview the ad through the career template, drafts too."""

from __future__ import annotations

import itertools
import json
import re

import pytest
from django.urls import reverse

from conftest import make_job
from rekryt.jobs.forms import AD_TEXT_MAX

pytestmark = pytest.mark.django_db

AD = "# Om rollen\n\nDu får **ansvar** för:\n\n- API:er\n- [vår app](https://example.com/app)\n"
HOSTILE = (
    "<script>alert(1)</script>\n\n[klick](javascript:alert(1))\n\n"
    '<img src=x onerror="alert(1)"> <a href="https://evil.example">raw</a>'
)
RICH_FIELDS = ["description", "team_description", "requirements", "benefits", "after_apply"]


def headings(html):
    main = html.split('<main id="main"')[1].split("</main>")[0]
    return [int(level) for level in re.findall(r"<h([1-6])\b", main)]


def test_every_rich_field_shows_lists_bold_links_and_headings(client, org):
    job = make_job(**dict.fromkeys(RICH_FIELDS, AD))
    html = client.get(job.get_absolute_url()).content.decode()
    assert html.count("<strong>ansvar</strong>") == len(RICH_FIELDS)
    assert html.count("<li>API:er</li>") == len(RICH_FIELDS)
    link = '<a href="https://example.com/app" rel="nofollow noopener">vår app</a>'
    assert html.count(link) == len(RICH_FIELDS)
    assert "<h2>Om rollen</h2>" in html  # the description sits under the h1
    assert html.count("<h3>Om rollen</h3>") == 4  # the others under their h2


def test_the_ads_headings_keep_the_pages_heading_order(client, org):
    job = make_job(**dict.fromkeys(RICH_FIELDS, "# Top\n\n### Skips a level\n\n###### Deep"))
    levels = headings(client.get(job.get_absolute_url()).content.decode())
    assert levels.count(1) == 1 and levels[0] == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, levels
    assert max(levels) <= 4


def test_hostile_text_is_shown_as_text(client, org):
    job = make_job(**dict.fromkeys(RICH_FIELDS, HOSTILE))
    html = client.get(job.get_absolute_url()).content.decode()
    article = html.split('<article class="job"')[1].split("</article>")[0]
    assert "<script" not in article and "<img" not in article
    assert "javascript:" not in article.replace("(javascript:alert(1))", "")
    assert '<a href="https://evil.example"' not in article
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article


def test_the_jsonld_description_carries_the_sanitised_html(client, org):
    job = make_job(description=AD + "\n\n" + HOSTILE, requirements="- Python\n- **Django**")
    html = client.get(job.get_absolute_url()).content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    description = json.loads(script.group(1))["description"]
    assert "<h3>Om rollen</h3>" in description
    assert "<h3>Requirements</h3><ul>\n<li>Python</li>\n<li><strong>Django</strong></li>" in (
        description
    )
    assert "<script" not in description and "<img" not in description


def test_rendering_is_cached_and_adds_no_query(client, org, django_assert_num_queries):
    job = make_job(**dict.fromkeys(RICH_FIELDS, AD * 20))
    client.get("/")  # warm the organisation cache like any running site
    with django_assert_num_queries(1):
        client.get(job.get_absolute_url())


def test_the_editor_refuses_a_huge_text_and_keeps_what_was_typed(client, rita, org):
    job = make_job(recruiter=rita)
    client.force_login(rita)
    url = reverse("job_edit", args=[job.pk])
    form = client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(team=[], recruiter=rita.pk, requirements="x" * (AD_TEXT_MAX + 1))
    data = {k: v for k, v in data.items() if k in form.fields}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Ensure this value has at most" in response.content.decode()
    assert response.context["form"]["requirements"].value() == "x" * (AD_TEXT_MAX + 1)
    job.refresh_from_db()
    assert job.requirements != "x" * (AD_TEXT_MAX + 1)


def test_the_editor_explains_the_formatting_and_links_the_preview(client, rita, org):
    job = make_job(recruiter=rita, publish=False)
    client.force_login(rita)
    html = client.get(reverse("job_edit", args=[job.pk])).content.decode()
    assert f'href="{reverse("job_preview", args=[job.pk])}"' in html
    assert html.count("Formatting: **bold**") == len(RICH_FIELDS)


def test_staff_preview_a_draft_through_the_career_template(client, rita, org):
    job = make_job(recruiter=rita, publish=False, description=AD)
    assert client.get(job.get_absolute_url()).status_code == 404  # not public yet
    client.force_login(rita)
    response = client.get(reverse("job_preview", args=[job.pk]))
    assert response.status_code == 200
    assert "jobs/career_job.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert "<h2>Om rollen</h2>" in html and "<li>API:er</li>" in html
    assert "It is a draft" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "application/ld+json" not in html
    assert 'aria-disabled="true">Apply for this job' in html
    assert reverse("apply", args=[job.slug]) not in html


def test_the_preview_of_a_published_job_matches_the_public_page(client, rita, org):
    job = make_job(recruiter=rita, description=AD, requirements="- One\n- Two")
    public = client.get(job.get_absolute_url()).content.decode()
    client.force_login(rita)
    preview = client.get(reverse("job_preview", args=[job.pk])).content.decode()

    def article(html):
        return html.split('<article class="job">')[1].split("</article>")[0]

    assert article(preview) == article(public)


@pytest.mark.parametrize("persona", ["hanna", "otto", "ivan"])
def test_others_get_404_from_the_preview(client, request, job, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("job_preview", args=[job.pk])).status_code == 404


def test_anonymous_visitors_are_sent_to_login_from_the_preview(client, job):
    response = client.get(reverse("job_preview", args=[job.pk]))
    assert response.status_code == 302
    assert "login" in response["Location"]
