"""Calendar months are counted on the organisation's calendar: month ends
clamp to the last day, leap days are kept, and a moment just after local
midnight belongs to the local day even when UTC still says yesterday."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from rekryt.lib.months import add_months

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ((2025, 1, 31), 1, (2025, 2, 28)),
        ((2024, 1, 31), 1, (2024, 2, 29)),  # leap year
        ((2024, 2, 29), 12, (2025, 2, 28)),
        ((2024, 2, 29), 48, (2028, 2, 29)),
        ((2025, 1, 30), 1, (2025, 2, 28)),
        ((2025, 1, 28), 1, (2025, 2, 28)),
        ((2025, 3, 10), 24, (2027, 3, 10)),
        ((2025, 11, 30), 3, (2026, 2, 28)),
        ((2025, 12, 31), 1, (2026, 1, 31)),  # across the year
        ((2026, 3, 31), -1, (2026, 2, 28)),
        ((2026, 1, 15), -13, (2024, 12, 15)),
        ((2026, 8, 31), 1, (2026, 9, 30)),
    ],
)
def test_months_are_calendar_months(start, months, expected):
    moment = datetime(*start, 9, 30, tzinfo=STOCKHOLM)
    assert add_months(moment, months) == datetime(*expected, 9, 30, tzinfo=STOCKHOLM)


@pytest.mark.parametrize(
    ("local_start", "months", "local_expected"),
    [
        # 00:30 on 1 May in Stockholm is 22:30 on 30 April in UTC.
        ((2026, 5, 1, 0, 30), 1, (2026, 6, 1, 0, 30)),
        # 00:30 on 1 March is still 28 February in UTC.
        ((2026, 3, 1, 0, 30), 1, (2026, 4, 1, 0, 30)),
        ((2026, 3, 1, 0, 30), 24, (2028, 3, 1, 0, 30)),
        # 23:30 on 31 January: the same evening a month on, the last of February.
        ((2026, 1, 31, 23, 30), 1, (2026, 2, 28, 23, 30)),
    ],
)
def test_a_moment_in_utc_counts_on_the_local_calendar(local_start, months, local_expected):
    moment = datetime(*local_start, tzinfo=STOCKHOLM).astimezone(UTC)
    result = add_months(moment, months)
    assert result.astimezone(STOCKHOLM) == datetime(*local_expected, tzinfo=STOCKHOLM)
    assert result.tzinfo == UTC  # handed back in the zone it came in


def test_the_local_time_of_day_is_kept_across_a_daylight_saving_change():
    winter = datetime(2026, 1, 10, 10, 0, tzinfo=STOCKHOLM).astimezone(UTC)
    summer = add_months(winter, 6)
    assert summer.astimezone(STOCKHOLM) == datetime(2026, 7, 10, 10, 0, tzinfo=STOCKHOLM)
