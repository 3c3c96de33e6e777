"""A survey another worker holds, one whose sending raises, or an event that
cannot be planned never holds up the ones behind it; a failing survey is
tried again an hour later, not in a tight loop."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from conftest import make_application
from rekryt.applications.models import Event, EventKind
from rekryt.messaging.models import Message
from rekryt.surveys import actions, duties
from rekryt.surveys.duties import RETRY_AFTER, SendSurveys
from rekryt.surveys.models import Survey, SurveyCursor, SurveyStatus
from rekryt.surveys.tests.helpers import work

pytestmark = pytest.mark.django_db


def invited() -> set[int]:
    return set(
        Message.objects.filter(kind="survey_invitation").values_list("application_id", flat=True)
    )


@pytest.fixture
def three(job):
    """Three applications from three people, their surveys planned and due
    one minute apart (the order the duty takes them)."""
    applications = [make_application(job) for _ in range(3)]
    work()
    due = timezone.now() + timedelta(days=1)
    for n, application in enumerate(applications):
        Survey.objects.filter(application=application).update(due_at=due + timedelta(minutes=n))
    return applications


def run() -> None:
    duty = SendSurveys()
    while duty.handle_one():
        pass


def due_time():
    return timezone.now() + timedelta(days=1, minutes=10)


def test_a_survey_claimed_by_another_worker_does_not_hold_up_the_rest(three):
    held, *rest = three
    until = due_time() + timedelta(minutes=1)
    Survey.objects.filter(application=held).update(claimed_until=until)

    with time_machine.travel(due_time(), tick=False):
        run()

    assert invited() == {a.pk for a in rest}
    assert Survey.objects.get(application=held).status == SurveyStatus.SCHEDULED
    with time_machine.travel(until + timedelta(seconds=1), tick=False):
        run()
    assert invited() == {a.pk for a in three}


@pytest.fixture
def breaks_for(monkeypatch):
    """send_survey raises for the applications put in the returned set."""
    broken: set[int] = set()
    real = actions.send_survey

    def send(survey: Survey) -> bool:
        if survey.application_id in broken:
            raise RuntimeError("template gone")
        return real(survey)

    monkeypatch.setattr(duties, "send_survey", send)
    return broken


def test_a_survey_whose_sending_raises_lets_the_ones_behind_it_go(three, breaks_for):
    failing, *rest = three
    breaks_for.add(failing.pk)
    moment = due_time()

    with time_machine.travel(moment, tick=False):
        run()

    assert invited() == {a.pk for a in rest}
    survey = Survey.objects.get(application=failing)
    assert survey.status == SurveyStatus.SCHEDULED
    assert survey.claimed_until is None
    assert survey.due_at == moment + RETRY_AFTER


def test_a_failing_survey_is_tried_again_an_hour_later_not_before(three, breaks_for, monkeypatch):
    failing = three[0]
    breaks_for.add(failing.pk)
    moment = due_time()
    with time_machine.travel(moment, tick=False):
        run()
    calls = []
    breaks_for.clear()
    real = duties.send_survey

    def counting(survey: Survey) -> bool:
        calls.append(survey.pk)
        return real(survey)

    monkeypatch.setattr(duties, "send_survey", counting)
    with time_machine.travel(moment + RETRY_AFTER - timedelta(seconds=1), tick=False):
        assert SendSurveys().handle_one() is False
    assert calls == []
    with time_machine.travel(moment + RETRY_AFTER, tick=False):
        SendSurveys().handle_one()
    assert failing.pk in invited()


def test_an_event_that_cannot_be_planned_does_not_stop_the_events_behind_it(job, monkeypatch):
    first, second, third = (make_application(job) for _ in range(3))
    real = actions.plan_for

    def plan_for(event: Event, stages: dict) -> actions.Plan | None:
        if event.application_id == first.pk:
            raise ValueError("malformed event")
        return real(event, stages)

    monkeypatch.setattr(actions, "plan_for", plan_for)

    work()

    planned = set(Survey.objects.values_list("application_id", flat=True))
    assert planned == {second.pk, third.pk}
    last = Event.objects.filter(kind=EventKind.CREATED).order_by("pk").last()
    assert SurveyCursor.objects.get(pk=1).last_event_id >= last.pk
