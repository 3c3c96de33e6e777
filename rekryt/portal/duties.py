"""The portal's background work (run by `manage.py worker`)."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from rekryt.accounts import email_requests
from rekryt.accounts.models import EmailRequestKind
from rekryt.lib.duty import DELIVERY, Duty
from rekryt.portal.actions import send_new_link


class SendNewLinks(Duty):
    """Take one "send me a new link" request and queue a portal link if the
    address belongs to a candidate with an application; others get nothing.
    The address is never logged."""

    name = "send_new_portal_links"
    lane = DELIVERY

    def oldest_due(self) -> datetime | None:
        return email_requests.oldest(EmailRequestKind.PORTAL_LINK)

    def handle_one(self) -> bool:
        with transaction.atomic():
            request = email_requests.take(EmailRequestKind.PORTAL_LINK)
            if request is None:
                return False
            send_new_link(request.email)
        return True


DUTIES = [SendNewLinks]
