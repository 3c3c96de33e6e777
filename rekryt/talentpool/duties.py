"""The weekly review digest: each pool owner with people due (new, owed an
answer, past their next contact) gets one email a week listing how many and
linking to the queue, so no pool is silent about a person for longer than
its review period without its owner seeing it."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from rekryt.accounts.models import User
from rekryt.lib.duty import ROUTINE, Duty
from rekryt.messaging.outbox import queue_rendered
from rekryt.talentpool.actions import review_queue
from rekryt.talentpool.cv import IndexPoolCVs
from rekryt.talentpool.models import Digest, Pool

log = logging.getLogger(__name__)


def this_week() -> date:
    today = timezone.localdate()
    return today - timedelta(days=today.weekday())


def send_digest(owner: User) -> bool:
    """One digest for this week, if the owner has anyone due."""
    due = review_queue(owner).count()
    if not due or not owner.email:
        return False
    try:
        with transaction.atomic():
            Digest.objects.create(owner=owner, week=this_week(), due=due)
            with translation.override(owner.language or "sv"):
                url = settings.SITE_URL + reverse("talentpool_pools")
                queue_rendered(
                    key=f"talentpool-digest:{owner.pk}:{this_week()}",
                    kind="talentpool_digest",
                    to_email=owner.email,
                    to_name=owner.get_full_name(),
                    subject=_("Talent pool review: %(n)d people are due") % {"n": due},
                    text=_(
                        "People in your pools are new, owed an answer or due for contact: %(url)s"
                    )
                    % {"url": url},
                    language=owner.language or "sv",
                )
    except IntegrityError:
        return False
    return True


class SendReviewDigests(Duty):
    name = "talentpool_review_digests"
    lane = ROUTINE
    every = timedelta(hours=1)

    def __init__(self) -> None:
        self.next_at = timezone.now()

    def handle_one(self) -> int:
        if timezone.now() < self.next_at:
            return 0
        self.next_at = timezone.now() + self.every
        sent = Digest.objects.filter(week=this_week()).values("owner_id")
        owners = User.objects.filter(pk__in=Pool.objects.values("owner_id")).exclude(pk__in=sent)
        count = sum(1 for owner in owners if send_digest(owner))
        if count:
            log.info("talent pool digests sent: %d", count)
        return count


DUTIES = [SendReviewDigests, IndexPoolCVs]
