"""The worker duty that sends test reminders (lane: delivery)."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from rekryt.lib.claims import claim_next, release
from rekryt.lib.duty import DELIVERY, Duty
from rekryt.screening.invitations import send_reminder
from rekryt.screening.models import Invitation

LEASE = timedelta(minutes=2)


def reminders_due() -> QuerySet[Invitation]:
    """Read through the partial index invitation_reminder_due."""
    now = timezone.now()
    return Invitation.objects.filter(reminded_at=None, remind_at__lte=now).order_by(
        "remind_at", "pk"
    )


class SendTestReminders(Duty):
    """Steps: claim the invitation whose reminder is most overdue; when its
    test is still unfinished, its deadline ahead and its invitation email
    not cancelled, queue the reminder (outbox, with a fresh link); mark it
    reminded either way, and release. A killed worker's claim lapses after
    the lease; the reminder's idempotency key keeps it to one email."""

    name = "send_test_reminders"
    lane = DELIVERY

    def handle_one(self) -> bool:
        invitation = claim_next(reminders_due(), LEASE)
        if invitation is None:
            return False
        with transaction.atomic():
            open_ = (
                Invitation.objects.filter(pk=invitation.pk, deadline__gt=timezone.now())
                .filter(Q(result__isnull=True) | Q(result__completed_at__isnull=True))
                .exclude(message__status="cancelled")
                .select_related("application__candidate", "application__job", "result")
                .first()
            )
            if open_ is not None:
                send_reminder(open_)
            release(invitation, reminded_at=timezone.now())
        return True


DUTIES = [SendTestReminders]
