"""A job picks questions from the bank, orders them and sets each one's
criterion; the page warns when it asks more than a few required questions."""

import datetime
from decimal import Decimal

import pytest

from rekryt.screening.models import JobQuestion, Rule
from rekryt.screening.tests.helpers import ask, choice_key, make_question

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


def page(job):
    return f"/staff/jobs/{job.pk}/screening/"


def test_the_job_editor_links_to_its_questions(client, rita, job):
    client.force_login(rita)
    assert page(job) in client.get(f"/staff/jobs/{job.pk}/edit/").content.decode()


def test_a_recruiter_adds_a_question_from_the_bank(client, rita, job):
    question = make_question("yes_no", "Har du körkort?", "Driving licence?")
    client.force_login(rita)
    assert client.post(page(job), {"question": question.pk}).status_code == 302
    jq = JobQuestion.objects.get(job=job)
    assert jq.question == question and jq.rule == Rule.NONE
    html = client.get(page(job)).content.decode()
    assert "Har du körkort?" in html
    assert 'name="question"' not in html  # the only bank question is not offered twice


def test_a_must_have_needs_its_accepted_answers(client, rita, job):
    jq = ask(job, make_question("yes_no", "Körkort?", "Licence?"))
    client.force_login(rita)
    url = f"{page(job)}{jq.pk}/"
    response = client.post(url, {f"jq{jq.pk}-rule": "must", f"jq{jq.pk}-required": "on"})
    assert response.status_code == 400
    assert "Say which answers meet the must-have." in response.content.decode()
    data = {f"jq{jq.pk}-rule": "must", f"jq{jq.pk}-accepted": ["yes"]}
    assert client.post(url, data).status_code == 302
    jq.refresh_from_db()
    assert (jq.rule, jq.accepted, jq.required) == (Rule.MUST, ["yes"], False)
    assert "Must-have: Yes" in client.get(page(job)).content.decode()


def test_merit_points_per_choice_are_saved(client, rita, job):
    question = make_question(
        "single",
        "Utbildning?",
        "Education?",
        [("Gymnasium", "Upper secondary"), ("Högskola", "University")],
    )
    jq = ask(job, question)
    uni = choice_key(question, "University")
    client.force_login(rita)
    data = {f"jq{jq.pk}-rule": "merit", f"jq{jq.pk}-points_{uni}": "4"}
    assert client.post(f"{page(job)}{jq.pk}/", data).status_code == 302
    jq.refresh_from_db()
    assert jq.points == {uni: 4}
    assert "Merit: 4 points for University" in client.get(page(job)).content.decode()


def test_points_out_of_range_are_refused_and_the_typed_value_kept(client, rita, job):
    question = make_question("number", "År?", "Years?")
    jq = ask(job, question)
    client.force_login(rita)
    data = {
        f"jq{jq.pk}-rule": "merit",
        f"jq{jq.pk}-minimum": "3",
        f"jq{jq.pk}-points_when_met": "1000",
    }
    response = client.post(f"{page(job)}{jq.pk}/", data)
    assert response.status_code == 400
    assert 'value="1000"' in response.content.decode()
    data[f"jq{jq.pk}-points_when_met"] = "5"
    assert client.post(f"{page(job)}{jq.pk}/", data).status_code == 302
    jq.refresh_from_db()
    assert (jq.minimum, jq.points_when_met) == (Decimal(3), 5)


def test_a_date_must_have(client, rita, job):
    jq = ask(job, make_question("date", "Start?", "Start?"))
    client.force_login(rita)
    data = {f"jq{jq.pk}-rule": "must", f"jq{jq.pk}-latest": "2027-03-01"}
    assert client.post(f"{page(job)}{jq.pk}/", data).status_code == 302
    jq.refresh_from_db()
    assert jq.latest == datetime.date(2027, 3, 1)


def test_text_questions_cannot_give_merit(client, rita, job):
    jq = ask(job, make_question("text", "Varför?", "Why?"))
    client.force_login(rita)
    response = client.post(f"{page(job)}{jq.pk}/", {f"jq{jq.pk}-rule": "merit"})
    assert response.status_code == 400


def test_questions_are_ordered(client, rita, job):
    first = ask(job, make_question("yes_no", "Ett?", "One?"))
    second = ask(job, make_question("yes_no", "Två?", "Two?"))
    client.force_login(rita)
    client.post(f"{page(job)}{second.pk}/move/", {"direction": "up"})
    assert list(JobQuestion.objects.filter(job=job)) == [second, first]
    client.post(f"{page(job)}{second.pk}/move/", {"direction": "up"})  # already first
    assert list(JobQuestion.objects.filter(job=job)) == [second, first]


def test_removing_a_question_keeps_its_bank_entry(client, rita, job):
    jq = ask(job, make_question("yes_no", "Ett?", "One?"))
    client.force_login(rita)
    client.post(f"{page(job)}{jq.pk}/remove/")
    assert not JobQuestion.objects.exists()
    assert jq.question.__class__.objects.filter(pk=jq.question_id).exists()


@pytest.mark.parametrize("required,warned", [(3, False), (4, True)])
def test_more_than_a_few_required_questions_are_warned_about(client, rita, job, required, warned):
    for n in range(required):
        ask(job, make_question("yes_no", f"Fråga {n}?", f"Question {n}?"))
    ask(job, make_question("yes_no", "Valfri?", "Optional?"), required=False)
    client.force_login(rita)
    html = client.get(page(job)).content.decode()
    assert ("Every required question makes some people give up" in html) is warned


def test_other_jobs_questions_are_not_reachable(client, rita, otto, hanna, job, other_job):
    jq = ask(other_job, make_question("yes_no", "Ett?", "One?"))
    client.force_login(rita)
    assert client.post(f"{page(job)}{jq.pk}/remove/").status_code == 404
    client.force_login(hanna)
    assert client.get(page(job)).status_code == 404
