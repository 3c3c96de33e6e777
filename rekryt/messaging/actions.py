"""Staff workflows on single messages."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from django.db import transaction

from rekryt.lib.claims import unclaimed
from rekryt.messaging import hooks, outbox
from rekryt.messaging.models import Message, MessageStatus

log = logging.getLogger(__name__)


@transaction.atomic
def cancel_message(message: Message, actor: Any) -> bool:
    """Cancel a scheduled email so it is never sent. Returns False when it
    has already been sent or is being sent by a worker at this moment."""
    pending = Message.objects.filter(pk=message.pk).filter(unclaimed())
    if outbox.cancel_pending(pending) != 1:
        return False
    message.status = MessageStatus.CANCELLED
    message.claimed_until = None
    # The status hooks write the timeline event (they take no actor yet).
    hooks.status_changed([message])
    log.info("message %s cancelled by %s", message.pk, getattr(actor, "pk", None))
    return True


@transaction.atomic
def restore_message(message: Message, send_after: datetime) -> bool:
    """Schedule a cancelled email again (its cause was undone, say). Returns
    False unless it was cancelled."""
    restored = Message.objects.filter(pk=message.pk, status=MessageStatus.CANCELLED).update(
        status=MessageStatus.SCHEDULED,
        send_after=send_after,
        give_up_at=send_after + outbox.RETRY_WINDOW,
        claimed_until=None,
    )
    if restored != 1:
        return False
    message.status = MessageStatus.SCHEDULED
    message.send_after = send_after
    log.info("message %s scheduled again", message.pk)
    return True
