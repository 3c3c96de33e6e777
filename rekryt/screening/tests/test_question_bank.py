"""The question bank: every question in Swedish and English, with choices
for the choice kinds; a form with errors keeps what was typed."""

import pytest

from rekryt.screening.models import Question

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


def management(total=3, initial=0):
    return {
        "choices-TOTAL_FORMS": str(total),
        "choices-INITIAL_FORMS": str(initial),
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "30",
    }


def test_a_choice_question_is_made_with_its_choices(client, rita):
    client.force_login(rita)
    data = {
        "text_sv": "Vilken utbildning har du?",
        "text_en": "What education do you have?",
        "kind": "single",
        "active": "on",
        **management(),
        "choices-0-label_sv": "Gymnasium",
        "choices-0-label_en": "Upper secondary",
        "choices-1-label_sv": "Högskola",
        "choices-1-label_en": "University",
    }
    assert client.post("/staff/screening/questions/new/", data).status_code == 302
    question = Question.objects.get()
    assert [c.label_en for c in question.choices.all()] == ["Upper secondary", "University"]
    assert "Vilken utbildning har du?" in client.get("/staff/screening/questions/").content.decode()


def test_a_choice_question_needs_two_choices_and_keeps_what_was_typed(client, rita):
    client.force_login(rita)
    data = {
        "text_sv": "Vilken utbildning?",
        "text_en": "Which education?",
        "kind": "multiple",
        **management(),
        "choices-0-label_sv": "Gymnasium",
        "choices-0-label_en": "Upper secondary",
    }
    response = client.post("/staff/screening/questions/new/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "A choice question needs at least two choices." in html
    assert 'value="Vilken utbildning?"' in html and 'value="Gymnasium"' in html
    assert not Question.objects.exists()


def test_both_languages_are_required(client, rita):
    client.force_login(rita)
    data = {"text_sv": "Körkort?", "kind": "yes_no", **management()}
    assert client.post("/staff/screening/questions/new/", data).status_code == 400


def test_hiring_managers_cannot_edit_the_bank(client, hanna):
    client.force_login(hanna)
    assert client.get("/staff/screening/questions/").status_code == 404
