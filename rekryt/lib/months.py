"""Calendar-month arithmetic: retention periods ("24 months after the decision")
and GDPR deadlines ("within one month of receipt")."""

from __future__ import annotations

from calendar import monthrange
from datetime import datetime

from django.utils import timezone


def add_months(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months later (or earlier, when
    negative); a day the target month lacks (31 August + 1 month) becomes its
    last day.

    The calendar is the organisation's (settings.TIME_ZONE), not UTC: a
    request received at 00:30 on 1 May in Stockholm is 30 April in UTC, and
    counting there would make its deadline 31 May instead of 1 June. The
    result is in the time zone `moment` came in."""
    local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    index = local.year * 12 + local.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    day = min(local.day, monthrange(year, month)[1])
    shifted = local.replace(year=year, month=month, day=day)
    return shifted.astimezone(moment.tzinfo) if timezone.is_aware(moment) else shifted
