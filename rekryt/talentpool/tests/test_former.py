"""Former employees: an admin marks a hire as having left; with a
talent-pool consent they join the former-employees pool, without it they
are asked once by email (after the undo delay) and join only through the
link; only admins may mark; undo takes it all back."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from conftest import make_application
from rekryt.applications.actions import set_outcome
from rekryt.applications.models import Outcome
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.tests.helpers import work
from rekryt.privacy.consent import record_consent
from rekryt.privacy.models import ConsentMethod, ConsentPurpose
from rekryt.talentpool import former
from rekryt.talentpool.models import Activity, Departure, Member, PoolKind


def hire(job, rita, agreed=False):
    application = make_application(job)
    set_outcome(application, Outcome.HIRED, rita)
    if agreed:
        record_consent(
            application.candidate,
            purpose=ConsentPurpose.TALENT_POOL,
            given=True,
            text="pool",
            method=ConsentMethod.APPLY_FORM,
            language="sv",
        )
    work()
    application.refresh_from_db()
    return application


def mark(client, user, application, left_on=None):
    client.force_login(user)
    day = left_on or timezone.localdate() - timedelta(days=3)
    return client.post(
        reverse("talentpool_mark_left", args=[application.pk]), {"left_on": day.isoformat()}
    )


def test_a_hire_with_consent_who_left_joins_the_former_employees_pool(client, job, rita, alice):
    application = hire(job, rita, agreed=True)
    response = mark(client, alice, application)
    assert response.status_code == 302
    member = Member.objects.get(candidate=application.candidate)
    assert member.pool.kind == PoolKind.FORMER
    assert member.pool.review_days == 90 and member.next_contact is not None
    assert job.title in member.note
    assert Activity.objects.filter(member=member, kind="joined", actor=alice).exists()
    assert not Message.objects.filter(kind=former.ASK).exists()
    page = client.get(reverse("application_detail", args=[application.pk]))
    assert "Former employees" in page.content.decode() or "Tidigare medarbetare" in (
        page.content.decode()
    )


def test_without_consent_they_are_asked_once_after_the_undo_delay_and_never_added(
    client, job, rita, alice, org
):
    application = hire(job, rita)
    mark(client, alice, application)
    assert not Member.objects.exists()
    ask = Message.objects.get(kind=former.ASK)
    assert ask.application_id == application.pk
    assert "/talent/" in ask.body_text
    assert ask.send_after > timezone.now() + timedelta(minutes=org.stage_email_delay_minutes - 1)
    response = mark(client, alice, application)  # again: nothing more
    assert response.status_code == 302
    assert Message.objects.filter(kind=former.ASK).count() == 1
    with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
        work()
    ask.refresh_from_db()
    assert ask.status == MessageStatus.SENT
    client.logout()
    client.post(
        reverse("talent_join"),
        {
            "first_name": "A",
            "last_name": "B",
            "email": application.candidate.email,
            "intent": "future",
            "about": "",
            "consent": "on",
        },
    )
    kinds = set(
        Member.objects.filter(candidate=application.candidate).values_list("pool__kind", flat=True)
    )
    assert kinds == {PoolKind.GENERAL, PoolKind.FORMER}


def test_undo_cancels_the_pending_ask_and_takes_back_a_membership(client, job, rita, alice):
    asked = hire(job, rita)
    agreed = hire(job, rita, agreed=True)
    mark(client, alice, asked)
    mark(client, alice, agreed)
    for application in (asked, agreed):
        client.post(reverse("talentpool_undo_left", args=[application.pk]))
    assert not Departure.objects.exists()
    assert not Member.objects.exists()
    assert Message.objects.get(kind=former.ASK).status == MessageStatus.CANCELLED


def test_only_admins_mark_only_hires_and_never_a_date_ahead(client, job, rita, alice):
    application = hire(job, rita, agreed=True)
    assert mark(client, rita, application).status_code == 404
    applicant = make_application(job)
    mark(client, alice, applicant)
    mark(client, alice, application, timezone.localdate() + timedelta(days=2))
    assert not Departure.objects.exists()
    page = client.get(reverse("application_detail", args=[application.pk]), follow=True)
    assert "Mark as having left" in page.content.decode() or "Markera" in page.content.decode()


def test_an_ask_is_not_sent_once_they_joined_meanwhile(job, rita, alice):
    application = hire(job, rita)
    departure = former.mark_left(application, timezone.localdate(), alice)
    assert departure is not None
    record_consent(
        application.candidate,
        purpose=ConsentPurpose.TALENT_POOL,
        given=True,
        text="pool",
        method=ConsentMethod.APPLY_FORM,
        language="sv",
    )
    with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
        work()
    assert Message.objects.get(kind=former.ASK).status == MessageStatus.CANCELLED


def test_someone_asked_for_an_earlier_hire_is_not_asked_again(client, job, other_job, rita, alice):
    first = hire(job, rita)
    mark(client, alice, first)
    again = make_application(other_job, email=first.candidate.email)
    set_outcome(again, Outcome.HIRED, rita)
    mark(client, alice, again)
    assert Departure.objects.count() == 2
    assert Message.objects.filter(kind=former.ASK).count() == 1
