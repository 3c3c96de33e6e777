"""Criteria at their thresholds, on both sides."""

import datetime
from decimal import Decimal

import pytest

from rekryt.screening.models import Rule
from rekryt.screening.tests.helpers import ask, choice_key, make_question

pytestmark = pytest.mark.django_db


def test_a_number_must_have_is_met_at_its_minimum_not_below(job):
    jq = ask(job, make_question("number", "År?", "Years?"), rule=Rule.MUST, minimum=Decimal(3))
    assert jq.judge("3") == (True, 0)
    assert jq.judge("3.00") == (True, 0)
    assert jq.judge("2.99") == (False, 0)
    assert jq.judge(None) == (False, 0)


def test_a_date_must_have_is_met_on_its_day_not_after(job):
    jq = ask(
        job,
        make_question("date", "Start?", "Start?"),
        rule=Rule.MUST,
        latest=datetime.date(2027, 3, 1),
    )
    assert jq.judge("2027-03-01") == (True, 0)
    assert jq.judge("2027-03-02") == (False, 0)
    assert jq.judge("") == (False, 0)


def test_several_choices_add_their_points(job):
    question = make_question(
        "multiple",
        "Språk?",
        "Languages?",
        [("Svenska", "Swedish"), ("Finska", "Finnish"), ("Tyska", "German")],
    )
    sv, fi, de = (choice_key(question, n) for n in ("Swedish", "Finnish", "German"))
    jq = ask(job, question, rule=Rule.MERIT, points={sv: 2, fi: 3})
    assert jq.judge([sv, fi, de]) == (None, 5)
    assert jq.judge([de]) == (None, 0)
    assert jq.judge([]) == (None, 0)


def test_a_choice_must_have_is_met_by_any_accepted_answer(job):
    question = make_question(
        "multiple", "Körkort?", "Licences?", [("B", "B"), ("C", "C"), ("CE", "CE")]
    )
    c, ce, b = (choice_key(question, n) for n in ("C", "CE", "B"))
    jq = ask(job, question, rule=Rule.MUST, accepted=[c, ce])
    assert jq.judge([b, ce]) == (True, 0)
    assert jq.judge([b]) == (False, 0)


def test_a_text_must_have_means_answered(job):
    jq = ask(job, make_question("text", "Varför?", "Why?"), rule=Rule.MUST)
    assert jq.judge("För att") == (True, 0)
    assert jq.judge("   ") == (False, 0)


def test_a_question_with_neither_rule_gives_nothing(job):
    jq = ask(job, make_question("yes_no", "Ett?", "One?"), accepted=["yes"], points={"yes": 9})
    assert jq.judge("yes") == (None, 0)
