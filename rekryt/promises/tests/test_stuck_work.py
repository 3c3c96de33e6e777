"""A digest another worker holds, or a digest or status update that raises,
never holds up the ones behind it; the failing one is tried again an hour
later, not in a tight loop."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from conftest import make_application, make_job
from rekryt.messaging.models import Message, TemplateKind
from rekryt.promises import duties
from rekryt.promises.duties import RECHECK, RETRY_AFTER, SendStatusUpdates, SendWaitingDigests
from rekryt.promises.models import DigestSchedule

STOCKHOLM = ZoneInfo("Europe/Stockholm")
APPLIED = datetime(2026, 11, 2, 10, tzinfo=STOCKHOLM)
DIGEST_DAY = datetime(2026, 11, 10, 7, 1, tzinfo=STOCKHOLM)


def run(duty) -> int:
    done = 0
    while duty.handle_one():
        done += 1
    return done


def digest_recipients() -> set[str]:
    return set(Message.objects.filter(kind="waiting_digest").values_list("to_email", flat=True))


@pytest.fixture
def waiting_for_both(org, rita, alice, job):
    """Rita and Alice each recruit for a job with a candidate waiting."""
    with time_machine.travel(APPLIED, tick=False):
        make_application(job)
        make_application(make_job(recruiter=alice))
        run(SendWaitingDigests())  # creates both schedules


def test_a_digest_claimed_by_another_worker_does_not_hold_up_the_others(waiting_for_both, rita):
    until = DIGEST_DAY + timedelta(minutes=5)
    DigestSchedule.objects.filter(user=rita).update(claimed_until=until)

    with time_machine.travel(DIGEST_DAY, tick=False):
        run(SendWaitingDigests())
    assert digest_recipients() == {"alice@example.com"}

    with time_machine.travel(until + timedelta(seconds=1), tick=False):
        run(SendWaitingDigests())
    assert digest_recipients() == {"alice@example.com", "rita@example.com"}


@pytest.fixture
def digest_breaks_for(monkeypatch):
    broken: set[int] = set()
    real = duties.send_digest

    def send(user, today):
        if user.pk in broken:
            raise RuntimeError("template error")
        return real(user, today)

    monkeypatch.setattr(duties, "send_digest", send)
    return broken


def test_a_digest_that_raises_lets_the_others_go_and_is_retried_an_hour_later(
    waiting_for_both, rita, digest_breaks_for
):
    digest_breaks_for.add(rita.pk)

    with time_machine.travel(DIGEST_DAY, tick=False):
        run(SendWaitingDigests())  # no exception escapes
        assert run(SendWaitingDigests()) == 0  # and rita's is not tried again at once
    assert digest_recipients() == {"alice@example.com"}
    schedule = DigestSchedule.objects.get(user=rita)
    assert schedule.claimed_until == DIGEST_DAY + RETRY_AFTER
    assert schedule.next_digest_at < DIGEST_DAY  # still due

    digest_breaks_for.clear()
    with time_machine.travel(DIGEST_DAY + RETRY_AFTER, tick=False):
        assert run(SendWaitingDigests()) == 0  # the claim ends only after this moment
    with time_machine.travel(DIGEST_DAY + RETRY_AFTER + timedelta(seconds=1), tick=False):
        assert run(SendWaitingDigests()) == 1
    assert digest_recipients() == {"alice@example.com", "rita@example.com"}
    assert DigestSchedule.objects.get(user=rita).claimed_until is None


@pytest.fixture
def quiet_pair(org, job):
    """Two applications that have heard nothing for more than a week."""
    org.status_update_after_days = 7
    org.save()
    with time_machine.travel(APPLIED, tick=False):
        return make_application(job), make_application(job)


def updated() -> list[int]:
    return list(
        Message.objects.filter(kind=TemplateKind.STATUS_UPDATE).values_list(
            "application_id", flat=True
        )
    )


def test_a_status_update_that_raises_lets_the_next_application_have_its_own(
    quiet_pair, monkeypatch
):
    first, second = quiet_pair
    real = duties.send_status_update
    calls: list[int] = []

    def send(application):
        calls.append(application.pk)
        if application.pk == first.pk:
            raise RuntimeError("template error")
        return real(application)

    monkeypatch.setattr(duties, "send_status_update", send)
    moment = APPLIED + timedelta(days=8)
    duty = SendStatusUpdates()

    with time_machine.travel(moment, tick=False):
        assert run(duty) == 2
        assert run(duty) == 0
    assert updated() == [second.pk]
    assert calls == [first.pk, second.pk]  # the failing one was not tried again

    just_before = moment + RETRY_AFTER - timedelta(seconds=1)
    with time_machine.travel(just_before, tick=False):
        assert run(duty) == 0
    monkeypatch.setattr(duties, "send_status_update", real)
    with time_machine.travel(just_before + RECHECK, tick=False):  # its next look
        assert run(duty) == 1
    assert sorted(updated()) == sorted([first.pk, second.pk])
