"""The application page shows each answer against its criterion."""

import pytest

from conftest import make_application
from rekryt.screening.scoring import record_answers
from rekryt.screening.tests.helpers import licence_job

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


def test_each_answer_is_shown_against_its_criterion(client, rita, job):
    questions = licence_job(job)
    application = make_application(job)
    values = {questions["licence"].pk: "no", questions["years"].pk: "4.5"}
    record_answers(application, list(questions.values()), values)
    client.force_login(rita)
    html = client.get(f"/staff/applications/{application.pk}/").content.decode()
    section = html[html.index('id="screening-heading"') :]
    assert "Do you hold a driving licence?" in section
    licence = section[
        section.index("Do you hold a driving licence?") : section.index("Which languages")
    ]
    assert "No" in licence and "Must-have: Yes" in licence and "Not met" in licence
    years = section[section.index("How many years") :]
    assert "4.5" in years and "Merit: 5 points for at least 3" in years and "5 points" in years
    assert "1 must-have was not met. Nothing has been decided" in section
    assert "Screening questions answered" in html  # the timeline event


def test_an_application_without_answers_has_no_section(client, rita, application):
    client.force_login(rita)
    html = client.get(f"/staff/applications/{application.pk}/").content.decode()
    assert 'id="screening-heading"' not in html
