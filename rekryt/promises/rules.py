"""The organisation's no-silence promise as plain date arithmetic.

Working days are Monday to Friday except Swedish public holidays and the
eves that are days off in practice (midsummer, Christmas and New Year's Eve).
All dates are local dates in settings.TIME_ZONE.

An active application has up to two deadlines; the earlier one is tracked:

- first response: `first_response_days` working days after the day it was
  made, while nobody has written to the candidate personally yet;
- silence: `max_silence_days` calendar days after the last contact (or the
  day it was made) — or, when an automatic status update promised a date and
  no personal message followed it, that promised date instead.

A deadline is met on its own day; "due soon" means at most SOON_DAYS left."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

from rekryt.lib.workdays import add_working_days, easter_sunday, is_working_day, swedish_holidays

__all__ = ["add_working_days", "easter_sunday", "is_working_day", "swedish_holidays"]

SOON_DAYS = 2
OK, SOON, OVERDUE = "ok", "soon", "overdue"
FIRST_RESPONSE, SILENCE, PROMISE = "first_response", "silence", "promise"


def latest_start_due_by(day: date, days: int) -> date:
    """The last start date whose first-response deadline is on or before `day`.
    add_working_days never decreases as the start moves later, so every
    earlier start is due by `day` too."""
    start = day
    while add_working_days(start, days) > day:
        start -= timedelta(days=1)
    return start


def local_date(moment: datetime) -> date:
    return timezone.localtime(moment).date()


@dataclass(frozen=True)
class Terms:
    """The promise an organisation makes (Organisation settings)."""

    first_response_days: int = 5
    max_silence_days: int = 14

    @classmethod
    def of(cls, organisation: object) -> Terms:
        return cls(
            first_response_days=organisation.first_response_days,  # type: ignore[attr-defined]
            max_silence_days=organisation.max_silence_days,  # type: ignore[attr-defined]
        )


@dataclass(frozen=True)
class Standing:
    deadline: date
    reason: str
    days_left: int

    @property
    def state(self) -> str:
        if self.days_left < 0:
            return OVERDUE
        return SOON if self.days_left <= SOON_DAYS else OK

    @property
    def days_overdue(self) -> int:
        return -self.days_left


def standing(
    *,
    today: date,
    terms: Terms,
    created_at: datetime,
    last_contact: datetime | None,
    first_response: datetime | None,
    last_personal: datetime | None = None,
    promise_at: datetime | None = None,
    hear_by: date | None = None,
) -> Standing:
    """Where one active application stands against the promise today."""
    deadlines: list[tuple[date, str]] = []
    if first_response is None:
        start = local_date(created_at)
        deadlines.append((add_working_days(start, terms.first_response_days), FIRST_RESPONSE))
    promise_open = (
        promise_at is not None
        and hear_by is not None
        and (last_personal is None or last_personal < promise_at)
    )
    if promise_open:
        deadlines.append((hear_by, PROMISE))  # type: ignore[arg-type]
    else:
        since = local_date(last_contact or created_at)
        deadlines.append((since + timedelta(days=terms.max_silence_days), SILENCE))
    deadline, reason = min(deadlines)
    return Standing(deadline=deadline, reason=reason, days_left=(deadline - today).days)


def parse_day(value: object) -> date | None:
    """A promise_set event's hear_by, tolerating anything malformed."""
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None
