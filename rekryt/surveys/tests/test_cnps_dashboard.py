"""The staff CNPS dashboard, its export and the extra-question editor."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from rekryt.surveys.models import SurveyQuestion
from rekryt.surveys.tests.helpers import make_answer

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("cnps_dashboard")
EXPORT = reverse("cnps_export")
QUESTIONS = reverse("survey_questions")


def ten_answers(job, **fields):
    for score in (10, 9, 9, 10, 9, 10, 8, 7, 3, 0):
        make_answer(score, job=job, **fields)


@pytest.mark.parametrize("path", [DASHBOARD, EXPORT, QUESTIONS])
def test_anonymous_visitors_are_sent_to_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


@pytest.mark.parametrize("persona", ["ivan", "hanna", "otto"])
@pytest.mark.parametrize("path", [DASHBOARD, EXPORT, QUESTIONS])
def test_interviewers_and_hiring_managers_get_404(client, request, persona, path):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(path).status_code == 404


def test_recruiters_see_the_dashboard_but_not_the_question_editor(client, rita):
    client.force_login(rita)
    assert client.get(DASHBOARD).status_code == 200
    assert client.get(QUESTIONS).status_code == 404


def test_it_shows_cnps_interval_and_labelled_benchmarks(client, alice, job):
    ten_answers(job, comment="")
    make_answer(5, job=job, sent_only=True)
    client.force_login(alice)
    html = client.get(DASHBOARD).content.decode()
    assert ">40.0<" in html
    assert "95 % interval -9.6 to 89.6" in html
    assert "91 %" in html  # 10 answers of 11 sent
    assert 'role="img"' in html
    assert "<title" in html
    assert "<desc" in html
    for figure in ("76.6", "-0.5", "-21.9", "-44.7", "-14.0"):
        assert figure in html
    assert "Trustcruit, Swedish candidates, 2019" in html
    assert "Talent Board CandE" in html


def test_it_shows_too_few_answers_below_five(client, alice, job):
    for score in (10, 2, 9, 8):
        make_answer(score, job=job, comment="Slow replies")
    client.force_login(alice)
    html = client.get(DASHBOARD).content.decode()
    assert "Too few answers to show" in html
    assert "Slow replies" not in html


def test_comments_carry_no_name_job_or_day(client, alice, job, application):
    ten_answers(job, comment="Friendly interviewers")
    client.force_login(alice)
    html = client.get(DASHBOARD).content.decode()
    comments = html[html.index('id="comments-heading"') :]
    assert "Friendly interviewers" in comments
    assert job.title not in comments
    assert application.candidate.first_name not in html


def test_the_dashboard_uses_a_constant_number_of_queries(
    client, alice, job, other_job, django_assert_num_queries
):
    client.force_login(alice)
    ten_answers(job, comment="x")
    client.get(DASHBOARD)  # warm the session and organisation cache
    with django_assert_num_queries(8) as first:
        client.get(DASHBOARD)
    ten_answers(other_job, step="rejected", department="Sales", month=date(2026, 1, 1))
    ten_answers(job, step="applied", comment="y")
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(DASHBOARD)


def test_the_export_is_anonymous_and_neutralises_formulas(client, rita, job):
    ten_answers(job, comment='=HYPERLINK("http://evil")')
    make_answer(4, job=job, department="Tiny", comment="@me")
    client.force_login(rita)
    response = client.get(EXPORT)
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["score", "band", "step", "department", "month", "comment"]
    assert len(rows) == 12
    assert all(r[5].startswith("'") for r in rows[1:])
    tiny = [r for r in rows if r[5] == "'@me"]
    assert tiny[0][3] == ""  # a department under five answers is not named
    assert {r[3] for r in rows[1:] if r[5] != "'@me"} == {"Engineering"}
    assert job.title not in response.content.decode()


def test_admins_add_and_edit_extra_questions(client, alice):
    client.force_login(alice)
    response = client.post(
        QUESTIONS,
        {"text_sv": "Något mer?", "text_en": "Anything else?", "order": 1, "active": "on"},
    )
    assert response.status_code == 302
    question = SurveyQuestion.objects.get()
    edit = reverse("survey_question_edit", args=[question.pk])
    assert client.get(edit).status_code == 200
    client.post(edit, {"text_sv": "Något mer?", "text_en": "Anything more?", "order": 1})
    question.refresh_from_db()
    assert question.text_en == "Anything more?"
    assert question.active is False
    assert "Anything more?" in client.get(QUESTIONS).content.decode()


def test_the_default_period_leaves_out_answers_older_than_a_year(client, alice, job):
    ten_answers(job, month=date(2020, 1, 1), comment="Long ago")
    client.force_login(alice)
    html = client.get(DASHBOARD).content.decode()
    assert "Long ago" not in html
    assert "Too few answers to show" in html
    assert "Long ago" in client.get(DASHBOARD + "?period=all").content.decode()


def test_the_question_list_uses_a_constant_number_of_queries(
    client, alice, django_assert_num_queries
):
    client.force_login(alice)
    SurveyQuestion.objects.create(text_sv="a", text_en="a")
    client.get(QUESTIONS)
    with django_assert_num_queries(3) as first:
        client.get(QUESTIONS)
    for n in range(5):
        SurveyQuestion.objects.create(text_sv=f"q{n}", text_en=f"q{n}")
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(QUESTIONS)
