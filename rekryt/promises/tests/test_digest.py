"""The daily digest of waiting candidates, sent by the worker."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine

from conftest import make_application, make_job, make_user
from rekryt.accounts.models import Role
from rekryt.messaging.models import Message
from rekryt.promises.digest import next_digest_time
from rekryt.promises.duties import SendWaitingDigests
from rekryt.promises.models import DigestSchedule

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def work() -> int:
    duty = SendWaitingDigests()
    done = 0
    while duty.handle_one():
        done += 1
    return done


def digests():
    return Message.objects.filter(kind="waiting_digest").order_by("pk")


def test_next_digest_is_at_seven_local_time():
    before = datetime(2026, 11, 24, 6, 30, tzinfo=STOCKHOLM)
    assert next_digest_time(before) == datetime(2026, 11, 24, 6, tzinfo=UTC)
    after = datetime(2026, 11, 24, 7, 0, tzinfo=STOCKHOLM)
    assert next_digest_time(after) == datetime(2026, 11, 25, 6, tzinfo=UTC)


def test_next_digest_stays_at_seven_across_the_spring_change():
    # Summer time starts on Sunday 28 March 2027: 07:00 is then 05:00 UTC.
    saturday = datetime(2027, 3, 27, 7, 0, tzinfo=STOCKHOLM)
    sunday = next_digest_time(saturday)
    assert sunday == datetime(2027, 3, 28, 5, tzinfo=UTC)
    assert sunday.astimezone(STOCKHOLM).hour == 7


def test_next_digest_stays_at_seven_across_the_autumn_change():
    # Winter time starts on Sunday 25 October 2026: 07:00 is then 06:00 UTC.
    saturday = datetime(2026, 10, 24, 7, 0, tzinfo=STOCKHOLM)
    assert next_digest_time(saturday) == datetime(2026, 10, 25, 6, tzinfo=UTC)
    assert next_digest_time(datetime(2026, 10, 23, 8, tzinfo=STOCKHOLM)) == datetime(
        2026, 10, 24, 5, tzinfo=UTC
    )


def test_it_creates_a_schedule_for_recruiters_and_admins_only(alice, rita, hanna, ivan):
    with time_machine.travel(datetime(2026, 11, 24, 10, tzinfo=STOCKHOLM), tick=False):
        assert work() == 0
    schedules = {s.user.username: s.next_digest_at for s in DigestSchedule.objects.all()}
    assert schedules == {
        "alice": datetime(2026, 11, 25, 6, tzinfo=UTC),
        "rita": datetime(2026, 11, 25, 6, tzinfo=UTC),
    }


def test_it_sends_a_digest_only_when_someone_is_waiting(org, rita, alice, job):
    rita.language = "en"  # digests follow the user's language, else the organisation's
    rita.save()
    with time_machine.travel(datetime(2026, 11, 2, 10, tzinfo=STOCKHOLM), tick=False):
        waiting = make_application(job, first_name="Väntande")
        work()  # schedules: first digest 3 Nov 07:00
    with time_machine.travel(datetime(2026, 11, 3, 7, 1, tzinfo=STOCKHOLM), tick=False):
        assert work() == 2  # both schedules claimed
    assert not digests().exists()  # nothing due soon yet
    with time_machine.travel(datetime(2026, 11, 10, 7, 1, tzinfo=STOCKHOLM), tick=False):
        work()
    (digest,) = digests()
    assert digest.to_email == "rita@example.com"
    assert digest.idempotency_key == f"digest:{rita.pk}:2026-11-10"
    assert "Väntande Testsson" in digest.body_text
    assert f"/staff/applications/{waiting.pk}/" in digest.body_text
    assert "Väntande Testsson" in digest.body_html
    assert "1 candidate is waiting" in digest.subject
    schedule = DigestSchedule.objects.get(user=rita)
    assert schedule.next_digest_at == datetime(2026, 11, 11, 6, tzinfo=UTC)
    assert schedule.claimed_until is None


def test_it_sends_one_digest_a_day(org, rita, job):
    with time_machine.travel(datetime(2026, 11, 2, 10, tzinfo=STOCKHOLM), tick=False):
        make_application(job)
        work()
    with time_machine.travel(datetime(2026, 11, 10, 7, 1, tzinfo=STOCKHOLM), tick=False):
        work()
        work()
    with time_machine.travel(datetime(2026, 11, 10, 18, tzinfo=STOCKHOLM), tick=False):
        work()
    assert digests().count() == 1
    with time_machine.travel(datetime(2026, 11, 11, 7, 1, tzinfo=STOCKHOLM), tick=False):
        work()
    assert digests().count() == 2


def test_the_digest_keeps_its_hour_through_the_autumn_change(org, rita, job):
    with time_machine.travel(datetime(2026, 10, 1, 10, tzinfo=STOCKHOLM), tick=False):
        make_application(job)
        work()
    for day in (23, 24, 25, 26):
        with time_machine.travel(datetime(2026, 10, day, 7, 0, 30, tzinfo=STOCKHOLM), tick=False):
            work()
        local = DigestSchedule.objects.get(user=rita).next_digest_at.astimezone(STOCKHOLM)
        assert (local.day, local.hour, local.minute) == (day + 1, 7, 0)
    assert digests().count() == 4


def test_a_user_who_is_no_longer_a_recruiter_gets_no_digest(org, job):
    former = make_user("former", Role.RECRUITER)
    job.recruiter = former
    job.save()
    with time_machine.travel(datetime(2026, 11, 2, 10, tzinfo=STOCKHOLM), tick=False):
        make_application(job)
        work()
    former.role = Role.INTERVIEWER
    former.save()
    with time_machine.travel(datetime(2026, 11, 10, 7, 1, tzinfo=STOCKHOLM), tick=False):
        work()
    assert not digests().exists()
    assert not DigestSchedule.objects.filter(user=former).exists()


def test_a_digest_lists_only_the_jobs_the_user_recruits_for(org, rita, alice, job):
    other = make_job(recruiter=alice)
    with time_machine.travel(datetime(2026, 11, 2, 10, tzinfo=STOCKHOLM), tick=False):
        make_application(job, first_name="Ritas")
        make_application(other, first_name="Alices")
        work()
    with time_machine.travel(datetime(2026, 11, 10, 7, 1, tzinfo=STOCKHOLM), tick=False):
        work()
    by_user = {m.to_email: m.body_text for m in digests()}
    assert "Ritas" in by_user["rita@example.com"] and "Alices" not in by_user["rita@example.com"]
    assert "Alices" in by_user["alice@example.com"]
