"""Working days in Sweden: Monday to Friday except Swedish public holidays
and the eves that are days off in practice (midsummer, Christmas and New
Year's Eve). Plain date arithmetic, shared by the apps that count working
days (promises' deadlines, references' reminders)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache


def easter_sunday(year: int) -> date:
    """Gregorian Easter (the anonymous Meeus/Jones/Butcher algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=64)
def swedish_holidays(year: int) -> frozenset[date]:
    easter = easter_sunday(year)
    # Midsummer Eve is the Friday between 19 and 25 June.
    midsummer_eve = next(date(year, 6, d) for d in range(19, 26) if date(year, 6, d).weekday() == 4)
    fixed = [(1, 1), (1, 6), (5, 1), (6, 6), (12, 24), (12, 25), (12, 26), (12, 31)]
    moving = [easter - timedelta(days=2), easter + timedelta(days=1), easter + timedelta(days=39)]
    return frozenset([date(year, m, d) for m, d in fixed] + moving + [midsummer_eve])


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in swedish_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The `days`-th working day after `start` (start itself not counted)."""
    day = start
    while days > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day
