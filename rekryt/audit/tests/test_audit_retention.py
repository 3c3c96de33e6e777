"""The audit log keeps itself for Organisation.audit_retention_months, then
the worker's daily duty removes older entries."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine
from django.core.cache import cache

from rekryt.accounts.models import Organisation
from rekryt.audit.duties import PurgeOldAuditEntries
from rekryt.audit.log import record
from rekryt.audit.models import Action, AuditEntry
from rekryt.ops.duties import load_duties, run_until_idle

START = datetime(2023, 1, 15, 12, 0, tzinfo=UTC)


def at(moment, target_id):
    with time_machine.travel(moment, tick=False):
        record(Action.VIEW, target_type="candidates.candidate", target_id=target_id)


def kept():
    return sorted(AuditEntry.objects.values_list("target_id", flat=True))


def test_the_duty_is_one_the_worker_runs():
    assert any(isinstance(duty, PurgeOldAuditEntries) for duty in load_duties())


def test_entries_older_than_the_retention_are_purged_and_newer_kept(org):
    org.audit_retention_months = 36
    org.save()
    at(START, "old")
    at(datetime(2024, 6, 1, tzinfo=UTC), "newer")
    # 36 months and a day later: only the first entry has expired.
    with time_machine.travel(datetime(2026, 1, 16, 12, 0, tzinfo=UTC), tick=False):
        run_until_idle()
        assert kept() == ["newer"]
        run_until_idle()  # idempotent: nothing more goes
        assert kept() == ["newer"]


def test_an_entry_exactly_at_the_limit_is_kept(org):
    at(START, "edge")
    with time_machine.travel(datetime(2026, 1, 15, 12, 0, tzinfo=UTC), tick=False):
        run_until_idle()
    assert kept() == ["edge"]


def test_the_organisation_setting_decides(org):
    Organisation.objects.filter(pk=org.pk).update(audit_retention_months=12)
    cache.clear()  # Organisation.get() caches the row for a minute
    at(START, "a")
    at(datetime(2023, 9, 1, tzinfo=UTC), "b")
    with time_machine.travel(datetime(2024, 3, 1, tzinfo=UTC), tick=False):
        run_until_idle()
    assert kept() == ["b"]


def test_the_duty_runs_once_a_day_per_worker(org):
    duty = PurgeOldAuditEntries()
    with time_machine.travel(datetime(2027, 1, 1, tzinfo=UTC), tick=False) as clock:
        assert duty.handle_one() is False
        at(START, "late")
        duty.handle_one()
        assert kept() == ["late"]  # not looked at again within the day
        clock.shift(60 * 60 * 25)
        duty.handle_one()
        assert kept() == []


def test_the_cutoff_is_counted_on_the_organisations_calendar(org):
    """00:30 on 1 March in Stockholm is still 28 February in UTC: a month
    before it is 1 February on the organisation's calendar. Counted in UTC it
    was 29 January, and entries of 29–31 January were kept too long."""
    org.audit_retention_months = 1
    org.save()
    stockholm = ZoneInfo("Europe/Stockholm")
    at(datetime(2026, 1, 30, 12, 0, tzinfo=stockholm), "30 January")
    at(datetime(2026, 2, 1, 1, 0, tzinfo=stockholm), "1 February")
    with time_machine.travel(datetime(2026, 3, 1, 0, 30, tzinfo=stockholm), tick=False):
        run_until_idle()
    assert kept() == ["1 February"]
