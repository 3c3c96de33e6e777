"""Answering: a GET (a person or a mail scanner) records nothing; the form's
POST records one answer; bad links get one generic page."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from rekryt.lib.tokens import new_token
from rekryt.surveys.models import Survey, SurveyAnswer, SurveyQuestion, SurveyStatus
from rekryt.surveys.tests.helpers import make_answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation(application):
    """A sent survey and the raw token its email carried."""
    raw, hashed = new_token()
    survey = make_answer(0, step="applied", sent_only=True)
    Survey.objects.filter(pk=survey.pk).update(
        token_hash=hashed,
        answered_at=None,
        application=application,
        candidate=application.candidate,
        language="en",
    )
    survey.refresh_from_db()
    return survey, raw


def main(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def url(raw, **query):
    path = reverse("survey_answer", args=[raw])
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_a_scanner_get_shows_the_form_and_records_nothing(client, invitation):
    survey, raw = invitation
    response = client.get(url(raw, score=9))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="9" id="id_score_9" required checked' in html
    assert html.count(" checked") == 1
    assert "What was best?" in html
    assert "<legend" in html
    assert SurveyAnswer.objects.count() == 0
    survey.refresh_from_db()
    assert survey.answered_at is None


def test_without_a_score_it_shows_every_follow_up_prompt(client, invitation):
    _survey, raw = invitation
    html = client.get(url(raw)).content.decode()
    assert "Tell us more" in html
    for prompt in ("What was best?", "What would have made it a 10?", "What should we improve?"):
        assert prompt in html


def test_the_follow_up_matches_the_band(client, invitation):
    _survey, raw = invitation
    assert "What should we improve?" in client.get(url(raw, score=3)).content.decode()
    html = client.get(url(raw, score=7)).content.decode()
    assert "What would have made it a 10?" in html


def test_posting_the_form_records_one_answer(client, invitation):
    survey, raw = invitation
    question = SurveyQuestion.objects.create(text_sv="Något mer?", text_en="Anything else?")
    response = client.post(
        url(raw), {"score": "8", "comment": "Quick replies", f"question_{question.pk}": "No"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("survey_thanks")
    answer = SurveyAnswer.objects.get(survey=survey)
    assert answer.score == 8
    assert answer.comment == "Quick replies"
    assert answer.extra_answers == {
        str(question.pk): {"question": "Anything else?", "answer": "No"}
    }
    assert answer.month == timezone.localdate().replace(day=1)

    again = client.post(url(raw), {"score": "0", "comment": "changed my mind"})
    assert again.status_code == 200
    assert "We have your answer" in again.content.decode()
    assert SurveyAnswer.objects.get(survey=survey).score == 8


def test_a_post_without_a_score_shows_the_error_beside_the_question(client, invitation):
    _survey, raw = invitation
    response = client.post(url(raw), {"comment": "hm"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Choose a number from 0 to 10." in html
    assert 'aria-describedby="score-error"' in html
    assert SurveyAnswer.objects.count() == 0


def test_unknown_altered_and_expired_links_get_one_generic_page(client, invitation):
    survey, raw = invitation
    unknown = client.get(url("x" * 43))
    altered = client.get(url(raw[:-1] + ("A" if raw[-1] != "A" else "B")))
    with time_machine.travel(survey.expires_at + timedelta(seconds=1)):
        expired = client.get(url(raw))
        expired_post = client.post(url(raw), {"score": "5"})
    pages = {main(r) for r in (unknown, altered, expired, expired_post)}
    assert len(pages) == 1
    assert unknown.status_code == 404
    assert SurveyAnswer.objects.count() == 0


def test_unsubscribe_asks_on_get_and_opts_out_on_post(client, invitation):
    survey, raw = invitation
    path = reverse("survey_unsubscribe", args=[raw])
    response = client.get(path)
    assert response.status_code == 200
    survey.candidate.refresh_from_db()
    assert survey.candidate.surveys_opt_out is False

    pending = Survey.objects.create(
        candidate=survey.candidate, step="hired", source_event=-1, due_at=timezone.now()
    )
    client.post(path)
    survey.candidate.refresh_from_db()
    assert survey.candidate.surveys_opt_out is True
    pending.refresh_from_db()
    assert pending.status == SurveyStatus.SKIPPED


@pytest.mark.parametrize("score", ["%C2%B2", "99999999999999999999", "-1", "11", "1e1", "%00"])
def test_a_malformed_score_in_the_link_or_the_form_shows_the_form(client, invitation, score):
    survey, raw = invitation
    response = client.get(url(raw, score=score))
    assert response.status_code == 200
    assert "checked" not in main(response)
    posted = client.post(url(raw), {"score": score.replace("%C2%B2", "²").replace("%00", "\0")})
    assert posted.status_code == 200
    assert not SurveyAnswer.objects.filter(survey=survey).exists()


def test_the_highest_and_lowest_scores_in_the_link_are_chosen(client, invitation):
    _survey, raw = invitation
    assert 'value="10" id="id_score_10" required checked' in main(client.get(url(raw, score=10)))
    assert 'value="0" id="id_score_0" required checked' in main(client.get(url(raw, score=0)))
