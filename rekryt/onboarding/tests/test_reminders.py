"""Checklist owners are reminded two working days before a task is due and
once more the working day after, through the outbox; a task done, or an
onboarding cancelled, stops them, also for an email already queued."""

from datetime import UTC, date, datetime

import pytest

from rekryt.applications.actions import reopen
from rekryt.messaging.hooks import still_wanted
from rekryt.messaging.models import Message
from rekryt.onboarding.actions import set_task_done
from rekryt.onboarding.duties import SendTaskReminders
from rekryt.onboarding.models import Task, TaskTemplate
from rekryt.onboarding.tests.helpers import hire

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(job, rita, hanna, time_machine):
    time_machine.move_to(datetime(2027, 3, 1, 6, tzinfo=UTC))
    TaskTemplate.objects.all().delete()
    TaskTemplate.objects.create(
        title_sv="Boka skrivbord", title_en="Book a desk", owner="manager", days=-1
    )
    # Start Monday 15 March: due Friday 12 March, reminded Wednesday 10 March 08:00.
    hire(job, rita, start=date(2027, 3, 15))
    return Task.objects.get()


def test_the_owner_is_reminded_before_and_after_the_due_date(task, hanna, time_machine):
    duty = SendTaskReminders()
    assert task.due_date == date(2027, 3, 12)
    assert not duty.handle_one()
    time_machine.move_to(datetime(2027, 3, 10, 7, 1, tzinfo=UTC))  # 08:01 CET
    assert duty.handle_one()
    soon = Message.objects.get(kind="onboarding_task_soon")
    assert soon.to_email == hanna.email and "Book a desk" in soon.subject
    assert f"/staff/onboarding/{task.onboarding_id}/" in soon.body_text
    assert not duty.handle_one()
    task.refresh_from_db()
    assert task.remind_at == datetime(2027, 3, 15, 7, tzinfo=UTC)
    time_machine.move_to(datetime(2027, 3, 15, 7, 1, tzinfo=UTC))
    assert duty.handle_one()
    assert Message.objects.filter(kind="onboarding_task_overdue").count() == 1
    task.refresh_from_db()
    assert task.remind_at is None
    assert not duty.handle_one()


def test_a_done_task_is_not_reminded_and_its_queued_email_is_dropped(task, rita, time_machine):
    time_machine.move_to(datetime(2027, 3, 10, 7, 1, tzinfo=UTC))
    SendTaskReminders().handle_one()
    queued = Message.objects.get(kind="onboarding_task_soon")
    assert still_wanted(queued)
    set_task_done(task, True, rita)
    assert not still_wanted(queued)
    time_machine.move_to(datetime(2027, 3, 16, 7, tzinfo=UTC))
    assert not SendTaskReminders().handle_one()


def test_a_cancelled_onboarding_reminds_nobody(task, rita, time_machine):
    reopen(task.onboarding.application, rita)
    time_machine.move_to(datetime(2027, 3, 16, 7, tzinfo=UTC))
    assert not SendTaskReminders().handle_one()
    assert not Message.objects.filter(kind__startswith="onboarding_task").exists()
