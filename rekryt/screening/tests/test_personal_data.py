"""Screening answers are the candidate's personal data: in the export,
gone with an erasure and with an application's anonymisation; and they are
a snapshot that a later edit of the question does not change."""

import pytest

from conftest import make_application
from rekryt.applications.anonymise import anonymise_application
from rekryt.privacy.erasure import erase_candidate
from rekryt.privacy.export import collect
from rekryt.privacy.models import ErasureReason
from rekryt.screening.models import Answer, Screening
from rekryt.screening.scoring import record_answers
from rekryt.screening.tests.helpers import licence_job

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(job):
    questions = licence_job(job)
    application = make_application(job, first_name="Anna", language="sv")
    values = {questions["licence"].pk: "no", questions["years"].pk: "4"}
    record_answers(application, list(questions.values()), values)
    return application


def test_the_export_holds_each_answer_and_its_judgement(answered):
    data = collect(answered.candidate)
    licence = next(a for a in data["screening_answers"] if a["question"] == "Har du B-körkort?")
    assert licence == {
        "application_id": answered.pk,
        "question": "Har du B-körkort?",
        "answer": "Nej",
        "criterion": "Skallkrav: Ja",
        "requirement_met": False,
        "merit_points": 0,
    }
    assert data["screening_results"] == [
        {"application_id": answered.pk, "score": 5, "requirements_met": False}
    ]


def test_answers_are_a_snapshot(answered):
    question = Answer.objects.get(
        question_en="Do you hold a driving licence?"
    ).job_question.question
    question.text_sv = "Något helt annat?"
    question.save()
    assert Answer.objects.filter(question_sv="Har du B-körkort?").count() == 1


def test_erasure_removes_the_answers(answered):
    erasure = erase_candidate(answered.candidate, reason=ErasureReason.REQUEST)
    assert not Answer.objects.exists() and not Screening.objects.exists()
    assert erasure.counts["screening_answers"] == 4


def test_anonymising_the_application_removes_its_answers(answered, job):
    other = make_application(job)
    record_answers(other, [], {})
    anonymised = anonymise_application(answered)
    assert not Answer.objects.filter(application_id=answered.pk).exists()
    assert anonymised.erased_counts["screening_answers"] == 4
    assert Screening.objects.filter(application=other).exists()
