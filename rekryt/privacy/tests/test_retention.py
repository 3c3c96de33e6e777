"""The daily retention run, driven through the worker loop with time travel:
anonymise 24 months + grace after a rejection, holds stop everything, a day's
run happens once, and the preview lists what the next week's runs do."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from conftest import make_application
from rekryt.accounts.models import Organisation
from rekryt.applications.actions import set_outcome
from rekryt.applications.models import AnonymisedApplication, Application, Outcome, RejectionReason
from rekryt.candidates.models import Candidate
from rekryt.lib.months import add_months
from rekryt.ops.duties import run_until_idle
from rekryt.privacy.holds import place_hold, release_hold
from rekryt.privacy.models import ErasureRecord, LegalHold, RetentionRun
from rekryt.privacy.retention import all_rules, claim_run, preview, run_batch

pytestmark = pytest.mark.django_db(transaction=True)

DECIDED = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


def reject(application: Application, outcome: str = Outcome.REJECTED) -> None:
    reason = RejectionReason.objects.filter(kind="declined").first()
    assert set_outcome(application, outcome, None, reason)


@pytest.fixture
def rejected(seeded, job):
    with time_machine.travel(DECIDED, tick=False):
        application = make_application(job)
        reject(application)
    return application


def due_moment() -> datetime:
    """When the rejected application becomes removable: 24 months + 7 days."""
    return add_months(DECIDED, 24) + timedelta(days=7)


def run_at(moment: datetime) -> None:
    with time_machine.travel(moment, tick=False):
        run_until_idle()


def test_it_anonymises_a_rejected_application_24_months_and_the_grace_period_after(rejected):
    run_at(due_moment() - timedelta(hours=2))
    assert Application.objects.filter(pk=rejected.pk).exists()

    run_at(due_moment() + timedelta(days=1))
    assert not Application.objects.filter(pk=rejected.pk).exists()
    assert AnonymisedApplication.objects.count() == 1
    # Left with no application and no consent, the candidate is erased too.
    assert not Candidate.objects.filter(pk=rejected.candidate_id).exists()
    assert ErasureRecord.objects.filter(reason="retention").count() == 1
    run = RetentionRun.objects.get(day=(due_moment() + timedelta(days=1)).date())
    assert run.finished_at is not None
    assert run.counts == {"anonymise_applications": 1, "erase_candidates": 1}
    assert ["anonymise_applications", "applications.application", rejected.pk] in run.log
    assert ["erase_candidates", "candidates.candidate", rejected.candidate_id] in run.log
    assert "Kandidat" not in str(run.log)


def test_withdrawn_applications_follow_the_same_rule_and_hired_ones_are_kept(seeded, job):
    with time_machine.travel(DECIDED, tick=False):
        withdrawn, hired = make_application(job), make_application(job)
        reject(withdrawn, Outcome.WITHDRAWN)
        assert set_outcome(hired, Outcome.HIRED, None)
    run_at(due_moment() + timedelta(days=1))
    assert not Application.objects.filter(pk=withdrawn.pk).exists()
    assert Application.objects.filter(pk=hired.pk).exists()
    assert Candidate.objects.filter(pk=hired.candidate_id).exists()


def test_the_retention_months_setting_is_used(rejected):
    org = Organisation.get()
    org.retention_months = 6
    org.retention_grace_days = 0
    org.save()
    run_at(add_months(DECIDED, 6) + timedelta(hours=1))
    assert not Application.objects.filter(pk=rejected.pk).exists()


def test_a_hold_on_the_candidate_stops_it_and_releasing_lets_the_next_run_do_it(rejected, rita):
    hold = place_hold(
        reason="Discrimination claim 2027-1", actor=rita, candidate=rejected.candidate
    )
    run_at(due_moment() + timedelta(days=1))
    assert Application.objects.filter(pk=rejected.pk).exists()

    with time_machine.travel(due_moment() + timedelta(days=1, hours=2), tick=False):
        release_hold(hold, actor=rita)
        run_until_idle()  # the same day: today's run is already done
    assert Application.objects.filter(pk=rejected.pk).exists()

    run_at(due_moment() + timedelta(days=2))
    assert not Application.objects.filter(pk=rejected.pk).exists()


def test_a_hold_on_the_job_stops_it(rejected, rita):
    place_hold(reason="Appeal about this recruitment", actor=rita, job=rejected.job)
    run_at(due_moment() + timedelta(days=30))
    assert Application.objects.filter(pk=rejected.pk).exists()
    assert Candidate.objects.filter(pk=rejected.candidate_id).exists()
    assert LegalHold.objects.active().count() == 1


def test_running_twice_the_same_day_does_nothing_new(rejected, job):
    moment = due_moment() + timedelta(days=1)
    run_at(moment)
    # Something becomes due later the same day: it waits for tomorrow's run.
    with time_machine.travel(moment + timedelta(hours=1), tick=False):
        late = make_application(job)
        Application.objects.filter(pk=late.pk).update(
            outcome=Outcome.REJECTED, ended_at=add_months(DECIDED, -1)
        )
        run_until_idle()
    assert Application.objects.filter(pk=late.pk).exists()
    assert RetentionRun.objects.count() == 1
    run_at(moment + timedelta(days=1))
    assert not Application.objects.filter(pk=late.pk).exists()
    assert RetentionRun.objects.count() == 2


def test_two_workers_never_both_hold_the_day(rejected):
    with time_machine.travel(due_moment() + timedelta(days=1), tick=False):
        now = timezone.now()
        first, won_first = claim_run(now)
        second, won_second = claim_run(now)
        assert (won_first, won_second) == (True, False)
        assert first.pk == second.pk
        assert run_batch(first) == 2  # anonymised, then erased
        assert run_batch(first) == 0  # nothing left: finished
        assert claim_run(now)[1] is False  # finished: nobody runs it again


def test_a_failing_item_is_logged_and_the_run_still_ends(rejected, monkeypatch):
    def boom(self, item):
        raise RuntimeError("disk full")

    rule = next(r for r in all_rules() if r.name == "anonymise_applications")
    monkeypatch.setattr(type(rule), "apply", boom)
    run_at(due_moment() + timedelta(days=1))
    run = RetentionRun.objects.get()
    assert run.finished_at is not None
    assert run.counts["anonymise_applications:failed"] == 1
    assert Application.objects.filter(pk=rejected.pk).exists()
    # The candidate keeps its application, so it is not erased either.
    assert Candidate.objects.filter(pk=rejected.candidate_id).exists()


def test_the_preview_lists_exactly_what_the_next_weeks_runs_remove(seeded, job):
    start = datetime(2027, 5, 1, 12, 0, tzinfo=UTC)
    grace = timedelta(days=7)
    # Due 2, 5 and 9 days after `start`.
    applications = {}
    for days in (2, 5, 9):
        with time_machine.travel(start - timedelta(days=400), tick=False):
            application = make_application(job)
        ended = add_months(start + timedelta(days=days) - grace, -24)
        Application.objects.filter(pk=application.pk).update(
            outcome=Outcome.REJECTED, ended_at=ended
        )
        applications[days] = application
    with time_machine.travel(start, tick=False):
        listed = {(rule.name, item.pk) for rule, items in preview() for item in items}
    expected = {
        ("anonymise_applications", applications[2].pk),
        ("anonymise_applications", applications[5].pk),
        ("erase_candidates", applications[2].candidate_id),
        ("erase_candidates", applications[5].candidate_id),
    }
    assert listed == expected

    done = set()
    for day in range(1, 8):
        run_at(start + timedelta(days=day))
    for run in RetentionRun.objects.all():
        done |= {(entry[0], entry[2]) for entry in run.log if len(entry) == 3}
    assert done == expected
    assert Application.objects.filter(pk=applications[9].pk).exists()
