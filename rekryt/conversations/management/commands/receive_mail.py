"""Listen for reply mail over SMTP: `manage.py receive_mail [--host H] [--port P]`.

Point the MX (or a forwarding rule) for REPLY_DOMAIN at this listener. It
runs until interrupted (SIGINT/SIGTERM)."""

from __future__ import annotations

import signal
import threading
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from rekryt.conversations.inbound.smtp import controller


class Command(BaseCommand):
    help = "Receive candidates' replies over SMTP (aiosmtpd)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default=settings.RECEIVE_MAIL_HOST)
        parser.add_argument("--port", type=int, default=settings.RECEIVE_MAIL_PORT)

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.REPLY_DOMAIN:
            raise CommandError("Set REPLY_DOMAIN: only mail to reply+…@REPLY_DOMAIN is accepted.")
        server = controller(options["host"], options["port"])
        stop = threading.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_args: stop.set())
        server.start()
        self.stdout.write(f"Receiving reply mail on {options['host']}:{options['port']}")
        try:
            stop.wait()
        finally:
            server.stop()
