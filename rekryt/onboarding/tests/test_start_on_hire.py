"""An onboarding starts when an application is marked hired, with the
checklist from the templates; reopening the hire cancels it and stops its
invitation; hiring again opens it again."""

from datetime import date, timedelta

import pytest

from conftest import make_application
from rekryt.applications.actions import reopen, set_outcome
from rekryt.applications.models import Event, EventKind, Outcome
from rekryt.messaging.models import Message, MessageStatus
from rekryt.onboarding.actions import invite
from rekryt.onboarding.models import Onboarding, Status, TaskTemplate
from rekryt.onboarding.tests.helpers import hire

pytestmark = pytest.mark.django_db


def test_hiring_starts_an_onboarding_with_the_template_checklist(job, rita, hanna):
    onboarding = hire(job, rita)
    assert onboarding.status == Status.PREPARING
    assert onboarding.tasks.count() == TaskTemplate.objects.filter(active=True).count() > 0
    manager_task = onboarding.tasks.filter(owner="manager").first()
    assert manager_task.user == hanna  # the job's hiring manager
    assert onboarding.tasks.filter(owner="hr").first().user == rita  # the recruiter
    assert Event.objects.filter(
        application=onboarding.application, kind=EventKind.ONBOARDING_STARTED
    ).exists()


def test_a_rejection_starts_nothing(job, rita):
    from rekryt.applications.models import RejectionReason

    application = make_application(job)
    set_outcome(application, Outcome.REJECTED, rita, reason=RejectionReason.objects.first())
    assert not Onboarding.objects.exists()


def test_reopening_cancels_the_onboarding_and_its_waiting_invitation(job, rita):
    onboarding = hire(job, rita, start=date(2027, 3, 1))
    message = invite(onboarding, rita)
    assert message.status == MessageStatus.SCHEDULED
    assert reopen(onboarding.application, rita)
    onboarding.refresh_from_db()
    assert onboarding.status == Status.CANCELLED
    assert Message.objects.get(pk=message.pk).status == MessageStatus.CANCELLED
    assert not onboarding.tasks.exclude(remind_at=None).exists()
    # Hired again: the same onboarding opens again, tasks kept.
    assert set_outcome(onboarding.application, Outcome.HIRED, rita)
    onboarding.refresh_from_db()
    assert onboarding.status == Status.PREPARING
    assert onboarding.tasks.count() == TaskTemplate.objects.count()


def test_a_signed_offer_gives_the_onboarding_its_start_date(application, rita):
    from rekryt.offers import actions as offer_actions
    from rekryt.offers.tests.helpers import sent, signature

    offer = sent(application, rita)
    offer_actions.accept_offer(offer, signature(offer))
    onboarding = Onboarding.objects.get(application=application)
    assert onboarding.start_date == offer.start_date
    # Its checklist is dated from that day, in working days.
    assert onboarding.tasks.exclude(due_date=None).exists()
    assert all(t.due_date <= offer.start_date + timedelta(days=40) for t in onboarding.tasks.all())


def test_a_hire_without_an_offer_waits_for_the_recruiters_date(application, rita):
    set_outcome(application, Outcome.HIRED, rita)
    assert Onboarding.objects.get(application=application).start_date is None
