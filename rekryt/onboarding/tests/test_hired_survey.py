"""The "hired" survey goes to the new hire 30 days after the start date,
and moves when the start date does."""

from datetime import date, datetime

import pytest

from rekryt.applications.models import Event, EventKind
from rekryt.onboarding.actions import set_start_date
from rekryt.onboarding.schedule import morning_of
from rekryt.onboarding.tests.helpers import hire
from rekryt.surveys.actions import plan_surveys
from rekryt.surveys.models import Step, Survey

pytestmark = pytest.mark.django_db


def test_the_hired_survey_is_due_thirty_days_after_the_start(job, rita):
    onboarding = hire(job, rita, start=date(2027, 3, 1))
    plan_surveys(list(Event.objects.filter(kind=EventKind.OUTCOME_SET)))
    survey = Survey.objects.get(step=Step.HIRED)
    assert survey.due_at == morning_of(date(2027, 3, 31))
    set_start_date(onboarding, date(2027, 4, 1), rita)
    survey.refresh_from_db()
    assert survey.due_at == morning_of(date(2027, 5, 1))


def test_without_a_start_date_it_waits_thirty_days_from_the_hire(job, rita):
    hire(job, rita)
    event = Event.objects.get(kind=EventKind.OUTCOME_SET)
    plan_surveys([event])
    survey = Survey.objects.get(step=Step.HIRED)
    assert (survey.due_at - event.created_at).days == 30
    assert isinstance(survey.due_at, datetime)
