"""The worker duties of onboarding (lane: routine):

- send_task_reminders: a checklist task's owner is reminded on the morning
  ONBOARDING_REMINDER_DAYS working days before it is due, and once more on
  the first working day after, if it is still not done;
- erase_pay_details: bank and tax details never handed over to payroll are
  erased ONBOARDING_PAY_DETAILS_DAYS after the start date."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from rekryt.lib.claims import claim_next, release
from rekryt.lib.duty import ROUTINE, Duty
from rekryt.onboarding import emails
from rekryt.onboarding.actions import erase_pay_details
from rekryt.onboarding.models import Onboarding, Status, Task
from rekryt.onboarding.schedule import morning_of, overdue_reminder

LEASE = timedelta(minutes=2)


def reminders_due() -> QuerySet[Task]:
    """Read through the partial index task_remind_due."""
    return Task.objects.filter(done_at=None, remind_at__lte=timezone.now()).order_by(
        "remind_at", "pk"
    )


def remind(task: Task) -> datetime | None:
    """Queue the task's reminder; return when the next one is due."""
    if task.onboarding.status not in (Status.PREPARING, Status.INVITED) or task.due_date is None:
        return None
    overdue = timezone.now() >= morning_of(task.due_date) + timedelta(days=1)
    kind = emails.TASK_OVERDUE if overdue else emails.TASK_SOON
    emails.queue_task_reminder(task, kind, key=f"onb-task:{task.pk}:{kind}:{task.due_date}")
    return None if overdue else overdue_reminder(task.due_date)


class SendTaskReminders(Duty):
    """Steps: claim the most overdue reminder; when its task is still open
    and its onboarding too, queue the owner's email (keyed by task, kind
    and due date, so a moved date is told again but a crash never twice);
    store the next reminder time and release."""

    name = "send_task_reminders"
    lane = ROUTINE

    def handle_one(self) -> bool:
        claimed = claim_next(reminders_due(), LEASE)
        if claimed is None:
            return False
        with transaction.atomic():
            task = (
                Task.objects.select_related(
                    "onboarding__application__job__recruiter", "onboarding__application", "user"
                )
                .filter(pk=claimed.pk, done_at=None)
                .first()
            )
            release(claimed, remind_at=remind(task) if task is not None else None)
        return True

    def oldest_due(self) -> datetime | None:
        return reminders_due().values_list("remind_at", flat=True).first()


def pay_due() -> QuerySet[Onboarding]:
    """Read through the partial index onboarding_pay_due."""
    return (
        Onboarding.objects.filter(pay_erase_at__lte=timezone.now())
        .exclude(bank_sealed="", tax_sealed="")
        .order_by("pay_erase_at", "pk")
    )


class ErasePayDetails(Duty):
    """Steps: claim the onboarding whose erasure time has passed longest
    ago; erase its bank and tax details (an Event says so, without them);
    release."""

    name = "erase_pay_details"
    lane = ROUTINE

    def handle_one(self) -> bool:
        claimed = claim_next(pay_due(), LEASE)
        if claimed is None:
            return False
        erase_pay_details(claimed, reason="not_handed_over")
        release(claimed)
        return True

    def oldest_due(self) -> datetime | None:
        return pay_due().values_list("pay_erase_at", flat=True).first()


DUTIES = [SendTaskReminders, ErasePayDetails]
