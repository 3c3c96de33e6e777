"""The worker duties of campaigns (lane: routine).

- `platsbanken`: publishing and withdrawing Platsbanken ads. One listing per
  turn, claimed with a lease; a failure is stored on the row and retried
  with exponential backoff (at most a day). Each ad sent or withdrawn writes
  an audit entry without an actor (the worker did it; the staff request
  that asked for it has its own entry).
- `warm_feeds`: every WARM_EVERY, the job-board feeds of what is open now
  are built into the cache if they are not there and were read in the last
  week, in the site's default language (what a job board, which sends no
  language, is served)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation

from rekryt.audit import log as audit
from rekryt.audit.models import Action
from rekryt.campaigns import feeds, platsbanken
from rekryt.campaigns.models import ListingState, PlatsbankenListing
from rekryt.lib.claims import claim_next, release
from rekryt.lib.duty import ROUTINE, Duty

LEASE = timedelta(minutes=2)
WARM_EVERY = timedelta(minutes=1)


def due() -> object:
    now = timezone.now()
    waiting = PlatsbankenListing.objects.filter(
        state__in=[ListingState.TO_SEND, ListingState.TO_WITHDRAW]
    )
    return waiting.filter(Q(next_try_at=None) | Q(next_try_at__lte=now)).order_by("next_try_at")


class SyncPlatsbanken(Duty):
    name = "platsbanken"
    lane = ROUTINE

    def handle_one(self) -> bool:
        if not platsbanken.enabled():
            return False
        listing = claim_next(due(), LEASE)  # type: ignore[arg-type]
        if listing is None:
            return False
        now = timezone.now()
        sending = listing.state == ListingState.TO_SEND
        try:
            if sending:
                platsbanken.send(listing)
            else:
                platsbanken.withdraw(listing)
        except platsbanken.SendError as error:
            wait = timedelta(minutes=min(2**listing.attempts, 24 * 60))
            release(
                listing,
                attempts=listing.attempts + 1,
                last_error=str(error)[:300],
                next_try_at=now + wait,
            )
            return True
        done = (
            {"state": ListingState.SENT, "sent_at": now}
            if sending
            else {"state": ListingState.WITHDRAWN, "withdrawn_at": now}
        )
        release(listing, attempts=0, last_error="", next_try_at=None, **done)
        audit.record(
            Action.EDIT,
            target_type="jobs.job",
            target_id=listing.job_id,
            detail="platsbanken_sent" if sending else "platsbanken_withdrawn",
        )
        return True


class WarmFeeds(Duty):
    name = "warm_feeds"
    lane = ROUTINE

    def __init__(self) -> None:
        self.checked_at: datetime | None = None

    def handle_one(self) -> int:
        now = timezone.now()
        if self.checked_at is not None and now - self.checked_at < WARM_EVERY:
            return 0
        self.checked_at = now
        with translation.override(settings.LANGUAGE_CODE):
            return sum(feeds.warm(kind) for kind in feeds.FORMATS)


DUTIES = [SyncPlatsbanken, WarmFeeds]
