"""Survey rules on both sides of each threshold, through the answer page, the
dashboard, the export and the duty: the score bands 0–6 / 7–8 / 9–10, five
answers before a group is shown, the 30-day answer window, the cooldown
between surveys, and when an event is read and a survey falls due."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from conftest import make_application
from rekryt.accounts.models import Organisation
from rekryt.applications.models import Event, EventKind
from rekryt.lib.tokens import new_token
from rekryt.messaging.models import Message
from rekryt.ops.duties import run_until_idle
from rekryt.surveys.actions import AFTER_APPLYING
from rekryt.surveys.duties import SETTLE, TOO_OLD, SendSurveys
from rekryt.surveys.models import VALID_FOR, Survey, SurveyAnswer, SurveyCursor, SurveyStatus
from rekryt.surveys.tests.helpers import make_answer

pytestmark = pytest.mark.django_db

PROMPTS = {
    "detractor": "What should we improve?",
    "passive": "What would have made it a 10?",
    "promoter": "What was best?",
}


def invite(job) -> tuple[Survey, str]:
    """A sent survey for a new applicant, with the raw token its email carried."""
    application = make_application(job)
    raw, hashed = new_token()
    survey = make_answer(0, step="applied", sent_only=True)
    Survey.objects.filter(pk=survey.pk).update(
        token_hash=hashed,
        application=application,
        candidate=application.candidate,
        language="en",
    )
    survey.refresh_from_db()
    return survey, raw


def answer_url(raw: str) -> str:
    return reverse("survey_answer", args=[raw])


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0, "detractor"),
        (6, "detractor"),
        (7, "passive"),
        (8, "passive"),
        (9, "promoter"),
        (10, "promoter"),
    ],
)
def test_the_follow_up_question_changes_exactly_at_the_band_edges(client, job, score, band):
    _survey, raw = invite(job)
    html = client.get(answer_url(raw) + f"?score={score}").content.decode()
    prompt = html.split('id="follow-up-hint"')[1].split("</span>")[0]
    assert PROMPTS[band] in prompt
    for other, text in PROMPTS.items():
        if other != band:
            assert text not in prompt


def test_answers_at_the_band_edges_count_as_their_band_on_the_dashboard_and_export(
    client, alice, job
):
    for score in (6, 7, 8, 9, 10):
        _survey, raw = invite(job)
        assert client.post(answer_url(raw), {"score": str(score)}).status_code == 302
    client.force_login(alice)

    html = client.get(reverse("cnps_dashboard")).content.decode()
    # 2 promoters (9, 10) − 1 detractor (6) of 5 answers = +20.
    assert ">20.0<" in html

    export = client.get(reverse("cnps_export")).content.decode("utf-8-sig")
    bands = {int(r["score"]): r["band"] for r in csv.DictReader(io.StringIO(export))}
    detractor, passive, promoter = "Detractor (0–6)", "Passive (7–8)", "Promoter (9–10)"
    assert bands == {6: detractor, 7: passive, 8: passive, 9: promoter, 10: promoter}


@pytest.mark.parametrize("score", ["11", "-1", "7.5", "", "ten", "0x7"])
def test_a_score_outside_0_to_10_is_refused_with_a_message(client, job, score):
    _survey, raw = invite(job)
    response = client.post(answer_url(raw), {"score": score, "comment": "Kept"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Choose a number from 0 to 10." in html or "Select a valid choice" in html
    assert "Kept" in html  # the comment is not lost
    assert not SurveyAnswer.objects.exists()


def test_a_group_is_shown_from_its_fifth_answer(client, alice, job):
    client.force_login(alice)
    for score in (10, 9, 8, 2):
        make_answer(score, job=job)
    assert "Too few answers to show" in client.get(reverse("cnps_dashboard")).content.decode()
    make_answer(10, job=job)
    html = client.get(reverse("cnps_dashboard")).content.decode()
    assert "Too few answers to show" not in html
    assert ">40.0<" in html  # 3 promoters − 1 detractor of 5


def test_an_answer_is_taken_until_the_last_second_of_its_30_days(client, job):
    survey, raw = invite(job)
    opened = timezone.now()
    Survey.objects.filter(pk=survey.pk).update(sent_at=opened, expires_at=opened + VALID_FOR)
    with time_machine.travel(opened + VALID_FOR - timedelta(seconds=1), tick=False):
        assert client.post(answer_url(raw), {"score": "9"}).status_code == 302
    assert SurveyAnswer.objects.get().score == 9


def test_an_answer_is_refused_once_its_30_days_are_over(client, job):
    survey, raw = invite(job)
    opened = timezone.now()
    Survey.objects.filter(pk=survey.pk).update(sent_at=opened, expires_at=opened + VALID_FOR)
    with time_machine.travel(opened + VALID_FOR, tick=False):
        assert client.post(answer_url(raw), {"score": "9"}).status_code == 404
    assert not SurveyAnswer.objects.exists()


# The duty ----------------------------------------------------------------------


def run_at(moment) -> None:
    with time_machine.travel(moment, tick=False):
        run_until_idle([SendSurveys()])


def invitations() -> int:
    return Message.objects.filter(kind="survey_invitation").count()


@pytest.fixture
def applied(job):
    """An application made at a known moment; its survey is due a day later."""
    moment = timezone.now()
    with time_machine.travel(moment, tick=False):
        application = make_application(job)
    return application, moment


def test_an_event_is_read_once_it_has_settled_and_not_before(applied):
    _application, moment = applied
    run_at(moment + SETTLE - timedelta(seconds=1))
    assert not Survey.objects.exists()
    run_at(moment + SETTLE)
    assert Survey.objects.count() == 1


@pytest.mark.parametrize(
    ("late", "planned"), [(TOO_OLD, True), (TOO_OLD + timedelta(seconds=1), False)]
)
def test_an_event_older_than_a_week_is_never_surveyed(applied, late, planned):
    _application, moment = applied
    run_at(moment + late)
    assert Survey.objects.exists() is planned


def test_the_survey_about_applying_goes_a_day_after_and_not_a_second_sooner(applied):
    _application, moment = applied
    run_at(moment + SETTLE)
    run_at(moment + AFTER_APPLYING - timedelta(seconds=1))
    assert invitations() == 0
    run_at(moment + AFTER_APPLYING)
    assert invitations() == 1


@pytest.fixture
def surveyed_before(job):
    """A candidate who was sent a survey at a known moment; a second
    application of theirs has a survey falling due later."""
    first = make_application(job, email="same@example.org")
    sent = timezone.now()
    Survey.objects.create(
        candidate=first.candidate,
        application=first,
        step="interview",
        source_event=-1,
        status=SurveyStatus.SENT,
        due_at=sent,
        sent_at=sent,
    )
    second = make_application(job, email="same@example.org")
    created = Event.objects.get(application=second, kind=EventKind.CREATED)
    due = Survey.objects.create(
        candidate=second.candidate,
        application=second,
        step="applied",
        source_event=created.pk,
        due_at=sent,
    )
    # The log is read already: only the cooldown decides.
    SurveyCursor.objects.update_or_create(pk=1, defaults={"last_event_id": 10**12})
    return due, sent


@pytest.mark.parametrize(
    ("after", "status"),
    [
        (timedelta(days=30) - timedelta(seconds=1), SurveyStatus.SKIPPED),
        (timedelta(days=30), SurveyStatus.SKIPPED),
        (timedelta(days=30, seconds=1), SurveyStatus.SENT),
    ],
)
def test_at_most_one_survey_per_candidate_in_30_days(surveyed_before, after, status):
    assert Organisation.get().survey_cooldown_days == 30
    due, sent = surveyed_before
    run_at(sent + after)
    due.refresh_from_db()
    assert due.status == status
    if status == SurveyStatus.SKIPPED:
        assert due.skip_reason == "cooldown"
