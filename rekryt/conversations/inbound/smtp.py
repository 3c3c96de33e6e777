"""The SMTP side of `manage.py receive_mail`: an aiosmtpd handler that the
organisation's mail server forwards reply mail to (healthchecks receives
email check-ins the same way).

Only recipients at REPLY_DOMAIN are accepted, so the listener can never be
used as a relay; the size cap is enforced while the data arrives (552);
each mail is handed to `receive.receive` in a worker thread, since the
database is synchronous."""

from __future__ import annotations

import logging
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import close_old_connections

from rekryt.conversations.inbound.receive import max_bytes, receive
from rekryt.conversations.models import Verdict

log = logging.getLogger(__name__)


def _receive(raw: bytes, recipients: list[str]) -> str:
    close_old_connections()
    try:
        return receive(raw, recipients, "smtp")
    finally:
        close_old_connections()


class ReplyHandler:
    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        domain = settings.REPLY_DOMAIN
        if not domain or address.rpartition("@")[2].lower() != domain:
            return "550 5.1.1 Not a reply address here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        try:
            verdict = await sync_to_async(_receive, thread_sensitive=True)(
                raw, list(envelope.rcpt_tos)
            )
        except Exception:
            # Tell the sending server to try again later rather than lose it.
            log.exception("inbound mail via smtp failed; asked the sender to retry")
            return "451 4.3.0 Temporary failure, try again later"
        if verdict == Verdict.REFUSED:
            return "554 5.6.0 Message refused"
        # Replies, auto-replies, bounces and unknown addresses alike: saying
        # which would tell a prober which reply tokens exist.
        return "250 OK"


def controller(host: str, port: int) -> Controller:
    return Controller(
        ReplyHandler(),
        hostname=host,
        port=port,
        data_size_limit=max_bytes(),
        decode_data=False,
        # The mail server in front talks plain SMTP on a private address.
        auth_require_tls=False,
        server_hostname=settings.REPLY_DOMAIN or "rekryt",
    )
