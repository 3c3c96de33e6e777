"""One European date style per language, on every page and in emails.

English: "24 October 2026", "24 Oct 2026", "24 Oct 2026, 11:04".
Swedish: "24 oktober 2026", "24 okt. 2026", "24 okt. 2026 11:04", with a
full stop only where the month is shortened (Språkrådet: "maj", "juni").
Never US style ("10/24/2026", "11:04 a.m.", "Oct. 24, 2026"), never a
capitalised or undotted Swedish abbreviation ("24 Okt 2026", "24 okt 2026")."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import formats, translation

from conftest import make_application, make_job
from rekryt.accounts.actions import invite_staff
from rekryt.applications.models import RejectionReason
from rekryt.applications.rejections import reject_application
from rekryt.lib.formats.months import MONTHS_SHORT
from rekryt.messaging.models import Message
from rekryt.ops.duties import run_until_idle

NOW = datetime(2026, 10, 24, 11, 4, tzinfo=ZoneInfo("Europe/Stockholm"))

US_STYLE = [
    re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"),
    re.compile(r"\b\d{1,2}:\d{2}\s*[ap]\.?m\b", re.IGNORECASE),
    re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}"),
]
SWEDISH_WRONG = [
    re.compile(r"\b\d{1,2} (Jan|Feb|Mar|Apr|Maj|Jun|Jul|Aug|Sep|Okt|Nov|Dec)[a-z]*\.? \d{4}"),
    re.compile(r"\b\d{1,2} (jan|feb|febr|apr|aug|sep|sept|okt|nov|dec) \d{4}"),
]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "sv",
            "jan. febr. mars apr. maj juni juli aug. sept. okt. nov. dec.",
        ),
        ("en", "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"),
    ],
)
def test_short_dates_abbreviate_months_the_way_the_language_does(language, expected):
    with translation.override(language):
        shown = [formats.date_format(date(2026, m, 24), "SHORT_DATE_FORMAT") for m in range(1, 13)]
    assert shown == [f"24 {month} 2026" for month in expected.split()]
    assert len(MONTHS_SHORT) == 12


@pytest.mark.parametrize(
    ("language", "long", "short", "long_time", "short_time"),
    [
        (
            "en",
            "2 December 2026",
            "2 Dec 2026",
            "2 December 2026, 11:04",
            "2 Dec 2026, 11:04",
        ),
        (
            "sv",
            "2 december 2026",
            "2 dec. 2026",
            "2 december 2026 11:04",
            "2 dec. 2026 11:04",
        ),
    ],
)
def test_each_language_has_one_named_format_per_kind(language, long, short, long_time, short_time):
    moment = datetime(2026, 12, 2, 11, 4)
    with translation.override(language):
        assert formats.date_format(moment.date(), "DATE_FORMAT") == long
        assert formats.date_format(moment.date(), "SHORT_DATE_FORMAT") == short
        assert formats.date_format(moment, "DATETIME_FORMAT") == long_time
        assert formats.date_format(moment, "SHORT_DATETIME_FORMAT") == short_time


@pytest.mark.parametrize("language", ["en", "sv"])
def test_a_typed_date_is_read_day_first(language):
    from django import forms

    field = forms.DateField()
    with translation.override(language):
        assert field.clean("02/12/2026") == date(2026, 12, 2)
        assert field.clean("2026-12-02") == date(2026, 12, 2)


@pytest.fixture
def world(alice, rita, org, settings):
    """A job with a deadline, applications with a timeline, a rejection
    waiting to be sent, delivered emails and a pending invitation."""
    settings.EMAIL_URL = ""
    with time_machine.travel(NOW, tick=False):
        job = make_job(recruiter=rita, deadline=NOW.date() + timedelta(days=30))
        swedish = make_job(recruiter=rita, language="sv", deadline=NOW.date())
        application = make_application(job, first_name="Ada")
        make_application(swedish, first_name="Sven", language="sv")
        ended = make_application(job, first_name="Bo")
        reason = RejectionReason.objects.filter(kind="declined").first()
        reject_application(ended, reason, rita)
        run_until_idle()
        invite_staff(
            actor=alice, email="new@example.com", first_name="N", last_name="N", role="recruiter"
        )
    return {"job": job, "swedish": swedish, "application": application}


def staff_pages(world):
    job, application = world["job"], world["application"]
    message = Message.objects.filter(sent_at__isnull=False).first()
    return [
        reverse("dashboard"),
        reverse("board", args=[job.pk]),
        reverse("application_detail", args=[application.pk]),
        reverse("candidate_list"),
        reverse("candidate_detail", args=[application.candidate_id]),
        reverse("mailbox"),
        reverse("mailbox_message", args=[message.pk]),
        reverse("outbox"),
        reverse("template_list"),
        reverse("staff_people"),
        reverse("audit_log"),
        reverse("waiting"),
        reverse("privacy_retention"),
        reverse("rights_candidate", args=[application.candidate_id]),
    ]


def career_pages(world):
    return [
        reverse("career_list"),
        reverse("career_job", args=[world["job"].slug]),
        reverse("career_job", args=[world["swedish"].slug]),
        reverse("privacy_notice"),
    ]


def assert_european(html, language, url):
    for pattern in US_STYLE:
        assert not pattern.search(html), (url, pattern.search(html).group(0))
    if language == "sv":
        for pattern in SWEDISH_WRONG:
            assert not pattern.search(html), (url, pattern.search(html).group(0))


@pytest.mark.parametrize(
    ("language", "short", "long"),
    [("en", "24 Oct 2026", "24 October 2026"), ("sv", "24 okt. 2026", "24 oktober 2026")],
)
def test_pages_in_both_languages_show_european_dates(client, alice, world, language, short, long):
    client.cookies["django_language"] = language
    seen = ""
    with time_machine.travel(NOW + timedelta(hours=1), tick=False):
        for url in career_pages(world):
            response = client.get(url)
            assert response.status_code == 200, url
            html = response.content.decode()
            assert_european(html, language, url)
            seen += html
        client.force_login(alice)
        for url in staff_pages(world):
            response = client.get(url)
            assert response.status_code == 200, url
            html = response.content.decode()
            assert_european(html, language, url)
            seen += html
    # The check above would pass on pages without dates: these prove there were some.
    assert short in seen
    assert long in seen


@pytest.mark.parametrize(
    ("language", "reply_by"), [("en", "29 October 2026"), ("sv", "29 oktober 2026")]
)
def test_emails_write_dates_in_the_candidates_language(org, rita, language, reply_by):
    with time_machine.travel(NOW, tick=False):
        job = make_job(recruiter=rita, language=language)
        application = make_application(job, language=language)
    message = Message.objects.get(application=application)
    assert reply_by in message.body_text
    assert_european(message.body_text + message.body_html, language, "email")
