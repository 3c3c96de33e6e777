"""What a candidate wrote or chose in the screening questions is found by
candidate search, for those who may see the application and no one else."""

import pytest

from rekryt.applications.models import Application
from rekryt.screening.models import QuestionKind
from rekryt.screening.tests.helpers import answers, ask, base_form, choice_key, make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def questions(job):
    motivation = make_question(QuestionKind.TEXT, "Varför oss?", "Why us?")
    forklift = make_question(
        QuestionKind.SINGLE,
        "Vilket truckkort har du?",
        "Which forklift licence do you hold?",
        [("Motviktstruck", "Counterbalance truck"), ("Skjutstativ", "Reach truck")],
    )
    return {
        "motivation": ask(job, motivation, required=False),
        "forklift": ask(job, forklift, required=False),
    }


def apply_with(client, job, questions):
    forklift = questions["forklift"].question
    data = base_form(
        about="Jag gillar ordning.",
        **answers(
            questions,
            motivation="Jag har byggt flygplansmodeller i balsaträ sedan barndomen.",
            forklift=choice_key(forklift, "Reach truck"),
        ),
    )
    assert client.post(f"/jobs/{job.slug}/apply/", data).status_code == 302
    return Application.objects.get()


def found(client, user, words):
    client.force_login(user)
    response = client.get("/staff/candidates/", {"q": words})
    assert response.status_code == 200
    return "Andersson" in response.content.decode()


def test_a_written_answer_and_a_chosen_option_are_searchable(client, job, questions, rita):
    apply_with(client, job, questions)
    assert found(client, rita, "balsaträ")
    assert found(client, rita, "flygplansmodell")  # a Swedish stem of the written word
    assert found(client, rita, "skjutstativ")  # the chosen option, in Swedish
    assert found(client, rita, '"reach truck"')  # and in English
    assert not found(client, rita, "motviktstruck")  # the option not chosen


def test_answers_are_not_found_by_someone_who_may_not_see_the_application(
    client, job, other_job, questions, hanna, otto
):
    apply_with(client, job, questions)
    assert found(client, hanna, "balsaträ")  # on the job's team
    assert not found(client, otto, "balsaträ")  # another job's hiring manager
