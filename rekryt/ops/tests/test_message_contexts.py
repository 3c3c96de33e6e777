"""English words with two meanings get a message context, so Swedish can
say each: the promised date on the waiting view is no application deadline,
an audit log's "Rejected" is something someone did (Avböjde), an outcome's
is a state (Avböjd), and "Applied" is a stage, an event and a date."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from conftest import make_application
from rekryt.applications.models import EventKind, Outcome
from rekryt.audit.models import Action
from rekryt.jobs.models import StageKind

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture
def swedish(client):
    client.cookies["django_language"] = "sv"


def header_cells(html):
    head = html.split("<thead>")[1].split("</thead>")[0]
    return [cell.split(">", 1)[1].split("<")[0] for cell in head.split("<th")[1:]]


def test_the_waiting_view_heads_its_promise_date_as_a_promise(client, rita, job, swedish):
    start = datetime(2026, 11, 2, 9, tzinfo=STOCKHOLM)
    with time_machine.travel(start, tick=False):
        make_application(job)
    client.force_login(rita)
    with time_machine.travel(start + timedelta(days=20), tick=False):
        html = client.get(reverse("waiting")).content.decode()
    assert "Utlovat besked senast" in header_cells(html)
    assert "Sista ansökningsdag" not in html


def test_the_job_list_heads_the_application_deadline_as_one(client, rita, job, swedish):
    client.force_login(rita)
    html = client.get(reverse("dashboard")).content.decode()
    assert "Sista ansökningsdag" in header_cells(html)


def test_words_with_two_meanings_are_translated_apart():
    with translation.override("sv"):
        assert (str(Outcome.REJECTED.label), Action("reject").label) == ("Avböjd", "Avböjde")
        assert str(Action("edit").label) == "Ändrade"
        applied = {str(StageKind.APPLIED.label), str(EventKind.CREATED.label)}
        assert applied == {"Ansökt", "Ansökte"}
        assert translation.pgettext("date applied", "Applied") == "Inkom"
        assert translation.pgettext("last day to apply", "Deadline") != translation.pgettext(
            "promised news by", "Deadline"
        )


def test_the_application_page_reads_applied_as_a_date_and_an_event(client, rita, job, swedish):
    application = make_application(job)
    client.force_login(rita)
    html = client.get(reverse("application_detail", args=[application.pk])).content.decode()
    assert "<dt>Inkom</dt>" in html
    timeline = html.split('class="timeline"')[1].split("</ol>")[0]
    assert "Ansökte" in timeline
