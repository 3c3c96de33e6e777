"""The application form asks the job's questions, keeps every answer when
shown again, tells the candidate kindly and before sending when an answer
misses a must-have, and never rejects: the application is only flagged."""

import re

import pytest

from rekryt.applications.models import Application, EventKind, Outcome
from rekryt.messaging.models import Message
from rekryt.screening.models import Answer, Screening
from rekryt.screening.tests.helpers import answers, base_form, choice_key, licence_job, seen_digest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def questions(job):
    return licence_job(job)


def post(client, job, data):
    return client.post(f"/jobs/{job.slug}/apply/", data)


def test_the_form_shows_the_questions_after_the_basic_fields(client, job, questions):
    html = client.get(f"/jobs/{job.slug}/apply/").content.decode()
    assert "Do you hold a driving licence?" in html
    assert "Which languages do you speak?" in html
    assert html.index('name="about"') < html.index("Do you hold a driving licence?")
    assert f'type="radio" name="screening-q{questions["licence"].pk}"' in html


def test_the_form_is_in_swedish_for_a_swedish_reader(client, job, questions, settings):
    settings.LANGUAGE_CODE = "sv"
    html = client.get(f"/jobs/{job.slug}/apply/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Har du B-körkort?" in html
    assert "Svenska" in html


def test_met_requirements_and_merits_add_up(client, job, questions):
    languages = questions["languages"].question
    data = base_form(
        **answers(
            questions,
            licence="yes",
            languages=[choice_key(languages, "Swedish"), choice_key(languages, "Finnish")],
            years="4",
        )
    )
    response = post(client, job, data)
    assert response.status_code == 302
    application = Application.objects.get()
    screening = Screening.objects.get(application=application)
    assert screening.requirements_met is True
    assert screening.score == 2 + 3 + 5
    assert [a.points for a in Answer.objects.filter(application=application)] == [0, 5, 5, 0]
    assert application.events.filter(kind=EventKind.SCREENED).get().data["score"] == 10


def test_a_missed_must_have_is_told_before_sending_and_names_it(client, job, questions):
    data = base_form(**answers(questions, licence="no", years="1"))
    response = post(client, job, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Before you send" in html
    assert "Do you hold a driving licence?" in html and "Must-have: Yes" in html
    assert "you can change an answer" in html.lower()
    assert not Application.objects.exists()
    # What was typed and chosen is kept.
    assert re.search(r'value="no"[^>]*checked', html)
    assert 'value="1"' in html and 'value="Anna"' in html


def test_sending_anyway_flags_the_application_and_rejects_no_one(client, job, questions):
    data = base_form(**answers(questions, licence="no", years="1"))
    digest = seen_digest(post(client, job, data).content.decode())
    response = post(client, job, {**data, "screening-seen": digest})
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.outcome == Outcome.ACTIVE
    assert application.screening.requirements_met is False
    assert application.screening.missed == 1
    assert not Message.objects.filter(kind__startswith="reject").exists()
    assert Answer.objects.get(application=application, met=False).question_en == (
        "Do you hold a driving licence?"
    )


def test_a_changed_answer_that_still_misses_is_told_again(client, job, questions):
    data = base_form(**answers(questions, licence="no"))
    digest = seen_digest(post(client, job, data).content.decode())
    # A digest made for other answers does not let a different miss through.
    response = post(client, job, {**data, "screening-seen": "0" * 40})
    assert "Before you send" in response.content.decode()
    assert digest != "0" * 40
    assert not Application.objects.exists()


def test_an_answer_that_meets_it_needs_no_second_send(client, job, questions):
    assert post(client, job, base_form(**answers(questions, licence="yes"))).status_code == 302


def test_a_required_question_left_empty_is_an_error_and_the_rest_is_kept(client, job, questions):
    response = post(client, job, base_form(**answers(questions, years="7")))
    html = response.content.decode()
    assert "Please answer this question." in html
    assert 'value="7"' in html
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    "name,value",
    [
        ("licence", "maybe"),
        ("years", "1e999"),
        ("years", "NaN"),
        ("years", "99999999999999"),
        ("start", "0001-01-01"),
        ("start", "2026-13-45"),
        ("languages", "999999999999999999999"),
    ],
)
def test_hostile_answers_are_refused_kindly(client, job, questions, name, value):
    data = base_form(**answers(questions, licence="yes"))
    data.update(answers(questions, **{name: value}))
    response = post(client, job, data)
    assert response.status_code == 200
    assert "Please check the following and send again" in response.content.decode()
    assert not Application.objects.exists()


def test_an_optional_date_is_kept_as_sent(client, job, questions):
    data = base_form(**answers(questions, licence="yes", start="2027-01-15"))
    assert post(client, job, data).status_code == 302
    answer = Answer.objects.get(question_en="When can you start?")
    assert answer.value == "2027-01-15"
    assert answer.shown_sv == "15 januari 2027"


def test_a_job_without_questions_has_no_screening(client, job):
    assert post(client, job, base_form()).status_code == 302
    assert not Screening.objects.exists()
    assert "A few questions from us" not in client.get(f"/jobs/{job.slug}/apply/").content.decode()
