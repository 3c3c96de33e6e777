"""Working days, holidays and where an application stands against the promise."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from rekryt.promises import rules

STOCKHOLM = ZoneInfo("Europe/Stockholm")
TERMS = rules.Terms(first_response_days=5, max_silence_days=14)


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=STOCKHOLM)


def test_it_knows_easter():
    assert rules.easter_sunday(2024) == date(2024, 3, 31)
    assert rules.easter_sunday(2025) == date(2025, 4, 20)
    assert rules.easter_sunday(2026) == date(2026, 4, 5)


def test_it_knows_swedish_holidays():
    holidays = rules.swedish_holidays(2026)
    for day in (
        date(2026, 1, 1),
        date(2026, 1, 6),
        date(2026, 4, 3),  # Good Friday
        date(2026, 4, 6),  # Easter Monday
        date(2026, 5, 14),  # Ascension Day
        date(2026, 6, 6),
        date(2026, 6, 19),  # Midsummer Eve
        date(2026, 12, 24),
        date(2026, 12, 25),
        date(2026, 12, 26),
        date(2026, 12, 31),
    ):
        assert day in holidays
    assert date(2026, 4, 7) not in holidays


def test_it_skips_weekends():
    friday = date(2026, 11, 20)
    assert rules.add_working_days(friday, 1) == date(2026, 11, 23)
    assert rules.add_working_days(friday, 5) == date(2026, 11, 27)
    assert rules.add_working_days(date(2026, 11, 21), 1) == date(2026, 11, 23)  # from a Saturday


def test_it_skips_easter_as_well_as_the_weekend():
    wednesday = date(2026, 4, 1)
    # Thu 2 counts; Good Friday, the weekend and Easter Monday do not.
    assert rules.add_working_days(wednesday, 2) == date(2026, 4, 7)


def test_latest_start_due_by_matches_add_working_days():
    for offset in range(60):
        day = date(2026, 3, 20) + timedelta(days=offset)
        start = rules.latest_start_due_by(day, 5)
        assert rules.add_working_days(start, 5) <= day
        assert rules.add_working_days(start + timedelta(days=1), 5) > day


def test_it_is_ok_with_time_left():
    created = at(date(2026, 11, 23))  # Monday: due the next Monday
    standing = rules.standing(
        today=date(2026, 11, 24),
        terms=TERMS,
        created_at=created,
        last_contact=created,
        first_response=None,
    )
    assert standing.deadline == date(2026, 11, 30)
    assert standing.reason == rules.FIRST_RESPONSE
    assert standing.state == rules.OK


def test_it_is_due_soon_within_two_days():
    created = at(date(2026, 11, 23))
    standing = rules.standing(
        today=date(2026, 11, 28),
        terms=TERMS,
        created_at=created,
        last_contact=created,
        first_response=None,
    )
    assert (standing.state, standing.days_left) == (rules.SOON, 2)


def test_the_deadline_day_itself_is_not_overdue():
    created = at(date(2026, 11, 23))
    kwargs = {
        "terms": TERMS,
        "created_at": created,
        "last_contact": created,
        "first_response": None,
    }
    assert rules.standing(today=date(2026, 11, 30), **kwargs).state == rules.SOON
    late = rules.standing(today=date(2026, 12, 2), **kwargs)
    assert (late.state, late.days_overdue) == (rules.OVERDUE, 2)


def test_after_a_response_it_tracks_silence_since_the_last_contact():
    created = at(date(2026, 11, 2))
    last = at(date(2026, 11, 10))
    standing = rules.standing(
        today=date(2026, 11, 25),
        terms=TERMS,
        created_at=created,
        last_contact=last,
        first_response=at(date(2026, 11, 4)),
        last_personal=at(date(2026, 11, 4)),
    )
    assert (standing.reason, standing.deadline) == (rules.SILENCE, date(2026, 11, 24))
    assert standing.state == rules.OVERDUE


def test_an_open_promise_replaces_the_silence_deadline():
    personal = at(date(2026, 10, 1))
    promised = at(date(2026, 10, 20))
    kwargs = {
        "terms": TERMS,
        "created_at": at(date(2026, 9, 28)),
        "last_contact": promised,
        "first_response": personal,
        "last_personal": personal,
        "promise_at": promised,
        "hear_by": date(2026, 11, 10),
    }
    standing = rules.standing(today=date(2026, 11, 9), **kwargs)
    assert (standing.reason, standing.deadline, standing.state) == (
        rules.PROMISE,
        date(2026, 11, 10),
        rules.SOON,
    )
    kept = {**kwargs, "last_personal": at(date(2026, 11, 5)), "last_contact": at(date(2026, 11, 5))}
    assert rules.standing(today=date(2026, 11, 9), **kept).reason == rules.SILENCE
