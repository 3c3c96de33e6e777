"""Where an applicant came from reads as a label ("LinkedIn", "Our career
site") on the board card, the application page and its timeline, in the
reader's language; a campaign's own ?source= slug is shown as it was given."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import make_application


def card_of(page, application):
    return page.split(f'id="card-{application.pk}"')[1].split("</li>")[0]


def facts_of(page):
    return page.split('class="application-facts"')[1].split("</dl>")[0]


def timeline_of(page):
    return page.split('class="timeline"')[1].split("</ol>")[0]


@pytest.mark.parametrize(
    ("language", "label"), [("en", "Our career site"), ("sv", "Vår karriärsida")]
)
def test_a_known_source_shows_its_label_everywhere(client, rita, job, language, label):
    application = make_application(job, source="career_site")
    client.force_login(rita)
    client.cookies["django_language"] = language
    board = client.get(reverse("board", args=[job.pk])).content.decode()
    page = client.get(reverse("application_detail", args=[application.pk])).content.decode()
    assert label in card_of(board, application)
    assert label in facts_of(page)
    assert label in timeline_of(page)
    for html in (card_of(board, application), facts_of(page), timeline_of(page)):
        assert "career_site" not in html


def test_a_campaign_slug_is_shown_as_given(client, rita, job):
    application = make_application(job, source="spring-newsletter")
    client.force_login(rita)
    board = client.get(reverse("board", args=[job.pk])).content.decode()
    page = client.get(reverse("application_detail", args=[application.pk])).content.decode()
    assert "spring-newsletter" in card_of(board, application)
    assert "spring-newsletter" in facts_of(page)
    assert "spring-newsletter" in timeline_of(page)


def test_no_source_shows_a_dash_and_a_plain_applied(client, rita, job):
    application = make_application(job)
    client.force_login(rita)
    page = client.get(reverse("application_detail", args=[application.pk])).content.decode()
    assert "source:" not in timeline_of(page)
    assert "<dd>–</dd>" in facts_of(page)
