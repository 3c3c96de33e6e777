"""Checklist dates: due dates in working days from the start date (Monday
to Friday except Swedish public holidays and the eves taken off, the rule
rekryt.promises.rules keeps), and reminder times at a fixed local hour,
made aware in the organisation's zone so a reminder stays at 08:00 across
the change to and from summer time."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, time, timedelta

from django.conf import settings

from rekryt.promises.rules import add_working_days, is_working_day

REMIND_HOUR = time(8, 0)


def working_day_from(start: date, days: int) -> date:
    """The `days`-th working day after `start` (before it when negative);
    0 is the start date itself, or the next working day when the start date
    is not one."""
    if days > 0:
        return add_working_days(start, days)
    day = start
    if days == 0:
        while not is_working_day(day):
            day += timedelta(days=1)
        return day
    while days < 0:
        day -= timedelta(days=1)
        if is_working_day(day):
            days += 1
    return day


def morning_of(day: date) -> datetime:
    return datetime.combine(day, REMIND_HOUR, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))


def first_reminder(due: date) -> datetime:
    """The morning ONBOARDING_REMINDER_DAYS working days before `due`."""
    return morning_of(working_day_from(due, -settings.ONBOARDING_REMINDER_DAYS))


def overdue_reminder(due: date) -> datetime:
    """The morning of the first working day after `due`."""
    return morning_of(add_working_days(due, 1))
