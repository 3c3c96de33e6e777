"""Checklist due dates count working days from the start date: weekends,
Swedish public holidays and the eves taken off are skipped, and reminders
stay at 08:00 local time across the change to and from summer time."""

from datetime import UTC, date, datetime

import pytest

from rekryt.onboarding.actions import set_start_date
from rekryt.onboarding.models import Task, TaskTemplate
from rekryt.onboarding.schedule import first_reminder, overdue_reminder, working_day_from
from rekryt.onboarding.tests.helpers import hire

pytestmark = pytest.mark.django_db


def test_working_days_skip_weekends_both_ways():
    monday = date(2026, 11, 9)
    assert working_day_from(monday, -1) == date(2026, 11, 6)  # the Friday before
    assert working_day_from(monday, 5) == date(2026, 11, 16)
    assert working_day_from(monday, -10) == date(2026, 10, 26)
    # A start on a Saturday: day 0 is the Monday after.
    assert working_day_from(date(2026, 11, 7), 0) == monday


def test_working_days_skip_swedish_holidays():
    # Easter 2027: Good Friday 26 March, Easter Monday 29 March.
    assert working_day_from(date(2027, 3, 30), -1) == date(2027, 3, 25)
    assert working_day_from(date(2027, 3, 25), 1) == date(2027, 3, 30)
    # Christmas and New Year: 24, 25, 26, 31 December and 1, 6 January off.
    assert working_day_from(date(2027, 1, 7), -5) == date(2026, 12, 28)
    # Midsummer Eve 2027 is Friday 25 June.
    assert working_day_from(date(2027, 6, 28), -1) == date(2027, 6, 24)
    # National Day, 6 June 2028, a Tuesday.
    assert working_day_from(date(2028, 6, 5), 1) == date(2028, 6, 7)


def test_reminders_stay_at_eight_local_across_daylight_saving():
    # Summer time starts 28 March 2027 and ends 31 October 2027.
    before = first_reminder(date(2027, 3, 26))  # CET
    after = first_reminder(date(2027, 4, 7))  # CEST
    assert before.astimezone(UTC).hour == 7
    assert after.astimezone(UTC).hour == 6
    assert before.hour == after.hour == 8
    autumn = overdue_reminder(date(2027, 10, 29))  # Friday -> Monday 1 November, CET
    assert autumn.date() == date(2027, 11, 1)
    assert autumn.astimezone(UTC) == datetime(2027, 11, 1, 7, tzinfo=UTC)


def test_tasks_get_their_dates_and_move_with_the_start_date(job, rita, time_machine):
    time_machine.move_to(datetime(2027, 1, 10, 12, tzinfo=UTC))
    TaskTemplate.objects.all().delete()
    TaskTemplate.objects.create(title_sv="Dator", title_en="Computer", owner="it", days=-3)
    TaskTemplate.objects.create(title_sv="Lunch", title_en="Lunch", owner="manager", days=0)
    onboarding = hire(job, rita)
    assert set(Task.objects.values_list("due_date", flat=True)) == {None}
    # Start Monday 29 March 2027, right after Easter and summer time.
    set_start_date(onboarding, date(2027, 3, 29), rita)
    computer = Task.objects.get(title_en="Computer")
    lunch = Task.objects.get(title_en="Lunch")
    assert lunch.due_date == date(2027, 3, 30)  # Easter Monday is off
    assert computer.due_date == date(2027, 3, 23)  # Good Friday is off
    assert computer.remind_at == first_reminder(date(2027, 3, 23))
    set_start_date(onboarding, date(2027, 4, 12), rita)
    computer.refresh_from_db()
    assert computer.due_date == date(2027, 4, 7)
