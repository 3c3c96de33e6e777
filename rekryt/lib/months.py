"""Calendar-month arithmetic: retention periods ("24 months after the decision")
and GDPR deadlines ("within one month of receipt")."""

from __future__ import annotations

from calendar import monthrange
from datetime import datetime


def add_months(moment: datetime, months: int) -> datetime:
    """The same day `months` calendar months later (or earlier, when negative);
    a day the target month lacks (31 August + 1 month) becomes its last day."""
    index = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    day = min(moment.day, monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)
