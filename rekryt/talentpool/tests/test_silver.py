"""Silver medalists: rejected after a late stage → added with consent, asked
by email (after the undo delay) without; early rejections and hires leave
the pool alone; a reopened application's ask is never sent."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from conftest import make_application
from rekryt.applications.actions import move_to_stage, reopen, set_outcome
from rekryt.applications.models import Outcome, ReasonKind, RejectionReason
from rekryt.jobs.actions import publish_job
from rekryt.jobs.models import JobStatus, StageKind
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.tests.helpers import work
from rekryt.privacy.consent import record_consent
from rekryt.privacy.models import ConsentMethod, ConsentPurpose
from rekryt.talentpool import silver
from rekryt.talentpool.models import Member, Pool, PoolKind


def reason():
    return RejectionReason.objects.filter(kind=ReasonKind.DECLINED, active=True).first()


def reach(job, kind, rita):
    application = make_application(job)
    move_to_stage(application, job.stages.get(kind=kind), rita)
    application.refresh_from_db()
    return application


def agree(candidate):
    record_consent(
        candidate,
        purpose=ConsentPurpose.TALENT_POOL,
        given=True,
        text="pool",
        method=ConsentMethod.APPLY_FORM,
        language="sv",
    )


def test_a_late_stage_rejection_with_consent_joins_the_silver_pool(job, rita):
    application = reach(job, StageKind.INTERVIEW, rita)
    agree(application.candidate)
    set_outcome(application, Outcome.REJECTED, rita, reason())
    member = Member.objects.get(candidate=application.candidate)
    assert member.pool.kind == PoolKind.SILVER
    assert job.title in member.note
    assert not Message.objects.filter(kind=silver.ASK).exists()


def test_without_consent_they_are_asked_not_added(job, rita, org):
    application = reach(job, StageKind.OFFER, rita)
    work()
    set_outcome(application, Outcome.REJECTED, rita, reason())
    assert not Member.objects.exists()
    ask = Message.objects.get(kind=silver.ASK)
    assert "/talent/" in ask.body_text
    assert ask.send_after > timezone.now() + timedelta(minutes=org.stage_email_delay_minutes - 1)


def test_an_early_rejection_or_a_hire_changes_nothing(job, rita):
    early = make_application(job)
    agree(early.candidate)
    set_outcome(early, Outcome.REJECTED, rita, reason())
    hired = reach(job, StageKind.OFFER, rita)
    agree(hired.candidate)
    set_outcome(hired, Outcome.HIRED, rita)
    assert not Member.objects.exists()
    assert not Message.objects.filter(kind=silver.ASK).exists()


def test_a_reopened_application_is_never_asked(job, rita, org):
    application = reach(job, StageKind.INTERVIEW, rita)
    work()
    set_outcome(application, Outcome.REJECTED, rita, reason())
    reopen(application, rita)
    with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
        work()
    assert Message.objects.get(kind=silver.ASK).status == MessageStatus.CANCELLED


# --- When the job closes ------------------------------------------------------


def close(client, job, rita, keep=True):
    client.force_login(rita)
    data = {"remaining": "keep"} if keep else {"reason": reason().pk, "personal_note": ""}
    response = client.post(reverse("job_close_confirm", args=[job.pk]), data)
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == JobStatus.CLOSED


def test_closing_a_job_adds_late_stage_people_with_consent_to_its_departments_pool(
    client, job, rita
):
    in_offer = reach(job, StageKind.OFFER, rita)
    turned_down = reach(job, StageKind.REFERENCES, rita)
    early = make_application(job)
    hired = reach(job, StageKind.OFFER, rita)
    for a in (in_offer, turned_down, early, hired):
        agree(a.candidate)
    set_outcome(turned_down, Outcome.REJECTED, rita, reason())
    set_outcome(hired, Outcome.HIRED, rita)
    Member.objects.all().delete()  # as if rejected before pools existed
    close(client, job, rita)
    pool = Pool.objects.get(kind=PoolKind.SILVER)
    assert pool.department == job.department == "Engineering"
    assert pool.name_en == "Silver medalists – Engineering"
    members = set(Member.objects.filter(pool=pool).values_list("candidate_id", flat=True))
    assert members == {in_offer.candidate_id, turned_down.candidate_id}
    assert not Message.objects.filter(kind=silver.ASK).exists()


def test_closing_asks_those_without_consent_once_after_the_undo_delay(client, job, rita, org):
    asked_before = reach(job, StageKind.INTERVIEW, rita)
    set_outcome(asked_before, Outcome.REJECTED, rita, reason())
    still_in = reach(job, StageKind.OFFER, rita)
    early = make_application(job)
    work()
    close(client, job, rita, keep=False)
    asks = Message.objects.filter(kind=silver.ASK)
    assert sorted(asks.values_list("candidate_id", flat=True)) == sorted(
        [asked_before.candidate_id, still_in.candidate_id]
    )
    assert not asks.filter(candidate=early.candidate).exists()
    assert all(
        m.send_after > timezone.now() + timedelta(minutes=org.stage_email_delay_minutes - 1)
        for m in asks
    )
    assert not Member.objects.exists()
    # The bulk rejection after closing asks nobody a second time.
    with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
        from rekryt.ops.duties import run_until_idle

        run_until_idle()
    assert Message.objects.filter(kind=silver.ASK).count() == 2
    assert set(asks.values_list("status", flat=True)) == {MessageStatus.SENT}


def test_an_ask_for_another_job_is_not_repeated_and_pool_members_are_not_asked(
    client, job, other_job, rita
):
    first = reach(other_job, StageKind.INTERVIEW, rita)
    set_outcome(first, Outcome.REJECTED, rita, reason())
    again = make_application(job, email=first.candidate.email)
    move_to_stage(again, job.stages.get(kind=StageKind.INTERVIEW), rita)
    close(client, job, rita)
    assert Message.objects.filter(kind=silver.ASK).count() == 1


def test_reopening_the_job_before_it_leaves_cancels_the_ask(client, job, rita):
    reach(job, StageKind.OFFER, rita)
    work()
    close(client, job, rita)
    publish_job(job, rita)
    with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
        work()
    assert Message.objects.get(kind=silver.ASK).status == MessageStatus.CANCELLED


def test_someone_asked_who_joins_the_talent_pool_lands_in_the_silver_pool(client, job, rita):
    application = reach(job, StageKind.OFFER, rita)
    work()
    close(client, job, rita)
    with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
        work()
    client.logout()
    response = client.post(
        reverse("talent_join"),
        {
            "first_name": "X",
            "last_name": "Y",
            "email": application.candidate.email,
            "intent": "future",
            "about": "",
            "consent": "on",
        },
    )
    assert response.status_code == 200, response.content[:500]
    kinds = set(
        Member.objects.filter(candidate=application.candidate).values_list("pool__kind", flat=True)
    )
    assert kinds == {PoolKind.GENERAL, PoolKind.SILVER}


def test_an_area_pool_for_the_department_gives_the_silver_pool_its_owner(client, job, rita, alice):
    Pool.objects.create(
        kind=PoolKind.AREA,
        name_sv="Utveckling",
        name_en="Engineering",
        slug="engineering",
        owner=alice,
        department="engineering",
    )
    application = reach(job, StageKind.INTERVIEW, rita)
    agree(application.candidate)
    close(client, job, rita)
    member = Member.objects.get(candidate=application.candidate)
    assert member.pool.owner == alice
    assert member.pool.kind == PoolKind.SILVER
