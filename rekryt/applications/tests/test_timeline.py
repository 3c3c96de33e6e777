"""timeline_for: one ordered list of events, emails and notes."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.utils import timezone

from conftest import make_application
from rekryt.applications.actions import add_note, move_to_stage, reopen, set_outcome
from rekryt.applications.models import Outcome, RejectionReason
from rekryt.applications.timeline import timeline_for
from rekryt.jobs.models import stages_for


def test_it_orders_events_messages_and_notes_by_time(rita, job):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        application = make_application(job)
    with time_machine.travel(start + timedelta(hours=1), tick=False):
        add_note(application, rita, "First impression")
    with time_machine.travel(start + timedelta(hours=2), tick=False):
        move_to_stage(application, list(stages_for(job))[1], rita)
    entries = timeline_for(application, "en")
    assert [(e.kind, getattr(e.item, "kind", "")) for e in entries] == [
        ("event", "created"),
        ("message", "application_received"),
        ("note", ""),
        ("event", "stage_moved"),
    ]
    assert [e.at for e in entries] == sorted(e.at for e in entries)


def test_notes_and_emails_appear_once_not_also_as_events(rita, job):
    application = make_application(job)
    add_note(application, rita, "Only once")
    kinds = [e.kind for e in timeline_for(application, "en")]
    assert kinds.count("note") == 1
    assert kinds.count("message") == 1
    assert len(kinds) == 3


def test_outcome_events_carry_labels_in_the_readers_language(rita, job):
    application = make_application(job)
    reason = RejectionReason.objects.filter(kind="declined").first()
    set_outcome(application, Outcome.REJECTED, rita, reason)
    reopen(application, rita)
    outcome, reopened = [e for e in timeline_for(application, "sv") if e.kind == "event"][1:]
    assert outcome.reason_label == reason.name_sv
    assert outcome.outcome_label == str(Outcome.REJECTED.label)
    assert reopened.outcome_label == str(Outcome.REJECTED.label)
    english = [e for e in timeline_for(application, "en") if e.kind == "event"][1]
    assert english.reason_label == reason.name_en


def test_a_deleted_reason_falls_back_to_the_stored_name(rita, job):
    application = make_application(job)
    reason = RejectionReason.objects.create(name_sv="Borttagen", name_en="Removed", kind="declined")
    set_outcome(application, Outcome.REJECTED, rita, reason)
    reopen(application, rita)
    reason.delete()
    outcome = [e for e in timeline_for(application, "sv") if e.kind == "event"][1]
    assert outcome.reason_label == "Removed"
