"""Conversations' background work (run by `manage.py worker`)."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from rekryt.conversations.inbound.imap import BATCH, mailbox_from_url, poll
from rekryt.conversations.models import MailboxPoll
from rekryt.lib.claims import claim_next, release
from rekryt.lib.duty import DELIVERY, Duty

log = logging.getLogger(__name__)
EVERY = timedelta(seconds=60)
LEASE = timedelta(minutes=5)


class PollReplyMailbox(Duty):
    """Poll the IMAP mailbox in IMAP_URL once a minute for candidates'
    replies. Steps: claim the one MailboxPoll row when it is due, read the
    unseen mail (rekryt.conversations.inbound.imap.poll), store the next due
    time and any error on the row. A failing server is retried a minute
    later; the error is kept on the row, never the password."""

    name = "poll_reply_mailbox"
    lane = DELIVERY

    def handle_one(self) -> bool:
        if not settings.IMAP_URL:
            return False
        MailboxPoll.objects.get_or_create(pk=1)
        row = claim_next(MailboxPoll.objects.filter(next_poll_at__lte=timezone.now()), LEASE)
        if row is None:
            return False
        error = ""
        try:
            handled = poll(mailbox_from_url(settings.IMAP_URL))
        except Exception as exc:
            handled, error = 0, f"{type(exc).__name__}"
            log.warning("polling the reply mailbox failed: %s", error)
        now = timezone.now()
        # Straight on while a full batch came in; otherwise wait a minute.
        due = now if handled >= BATCH else now + EVERY
        release(row, next_poll_at=due, last_polled_at=now, last_error=error[:300])
        return True


DUTIES = [PollReplyMailbox]
