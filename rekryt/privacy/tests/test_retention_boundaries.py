"""Where the retention period ends, to the minute, through the daily worker
run: a minute before, the application is kept; at the moment, it is
anonymised. Month ends, leap days, the grace period and moments just after
local midnight (still yesterday in UTC) included."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from conftest import make_application
from rekryt.accounts.models import Organisation
from rekryt.applications.actions import set_outcome
from rekryt.applications.models import AnonymisedApplication, Application, Outcome, RejectionReason
from rekryt.ops.duties import run_until_idle

pytestmark = pytest.mark.django_db(transaction=True)

STOCKHOLM = ZoneInfo("Europe/Stockholm")

# decided (local), retention months, grace days, last minute kept, first minute removed
CASES = {
    "31 January + 1 month": (
        (2026, 1, 31, 10, 0),
        1,
        0,
        (2026, 2, 28, 9, 59),
        (2026, 2, 28, 10, 0),
    ),
    "in a leap year": ((2028, 1, 31, 10, 0), 1, 0, (2028, 2, 29, 9, 59), (2028, 2, 29, 10, 0)),
    "from a leap day": ((2024, 2, 29, 10, 0), 24, 0, (2026, 2, 28, 9, 59), (2026, 2, 28, 10, 0)),
    "after local midnight": ((2026, 3, 1, 0, 30), 1, 0, (2026, 4, 1, 0, 29), (2026, 4, 1, 0, 30)),
    "with the grace period": (
        (2025, 3, 10, 9, 0),
        24,
        7,
        (2027, 3, 17, 8, 59),
        (2027, 3, 17, 9, 0),
    ),
}


def local(parts: tuple[int, ...]) -> datetime:
    return datetime(*parts, tzinfo=STOCKHOLM)


def rejected_at(job, decided: datetime, months: int, grace: int) -> Application:
    org = Organisation.get()
    org.retention_months = months
    org.retention_grace_days = grace
    org.save()
    with time_machine.travel(decided, tick=False):
        application = make_application(job)
        reason = RejectionReason.objects.filter(kind="declined").first()
        assert set_outcome(application, Outcome.REJECTED, None, reason)
    return application


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_it_keeps_the_application_until_the_last_minute(seeded, job, case):
    decided, months, grace, kept, _removed = case
    application = rejected_at(job, local(decided), months, grace)

    with time_machine.travel(local(kept), tick=False):
        run_until_idle()

    assert Application.objects.filter(pk=application.pk).exists()
    assert not AnonymisedApplication.objects.exists()


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_it_anonymises_the_application_when_the_period_ends(seeded, job, case):
    decided, months, grace, _kept, removed = case
    application = rejected_at(job, local(decided), months, grace)

    with time_machine.travel(local(removed), tick=False):
        run_until_idle()

    assert not Application.objects.filter(pk=application.pk).exists()
    assert AnonymisedApplication.objects.count() == 1
