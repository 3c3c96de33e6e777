"""A real SMTP server for tests (aiosmtpd on 127.0.0.1), told per transaction
whether to accept, answer 451 or 550, or drop the connection mid-transaction."""

from __future__ import annotations

import asyncio
import email
import logging
import os
import signal
import socket
import threading
from collections.abc import Iterator
from email.message import EmailMessage
from email.policy import default as default_policy
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult

ACCEPT = "accept"
TEMPORARY = "451"  # 451 Try again later
PERMANENT = "550"  # 550 No such user
DROP = "drop"  # close the connection after the data, before answering
SIGTERM = "sigterm"  # accept, but first send SIGTERM to this process
KILL = "kill"  # accept, then SIGKILL the process `kill_pid` before answering


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Handler:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.plan: list[str] = []  # one action per transaction, then `default`
        self.default = ACCEPT
        self.received: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.connections = 0
        self.logins: list[tuple[str, str]] = []
        self.port = 0
        # When set, each connection's first message waits (up to 20 s) until
        # this many connections are open: proof that senders overlapped.
        self.rendezvous = 0
        self.kill_pid = 0

    def _next_action(self) -> str:
        with self.lock:
            return self.plan.pop(0) if self.plan else self.default

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        action = self._next_action()
        if action == TEMPORARY:
            return "451 Try again later"
        if action == PERMANENT:
            return "550 No such user"
        envelope.rcpt_tos.append(address)
        envelope.action = action
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.rendezvous and not getattr(session, "met", False):
            session.met = True
            for _ in range(400):
                if self.connections >= self.rendezvous:
                    break
                await asyncio.sleep(0.05)
        if envelope.action == DROP:
            server.transport.abort()
            return "250 never heard"
        if envelope.action == SIGTERM:
            os.kill(os.getpid(), signal.SIGTERM)
        message = email.message_from_bytes(envelope.original_content, policy=default_policy)
        with self.lock:
            self.received.append(message)  # type: ignore[arg-type]
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        if envelope.action == KILL:
            os.kill(self.kill_pid, signal.SIGKILL)
        return "250 Message accepted"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        self.logins.append((auth_data.login.decode(), auth_data.password.decode()))
        return AuthResult(success=True)

    def by_message_id(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for message in self.received:
            counts[message["Message-ID"]] = counts.get(message["Message-ID"], 0) + 1
        return counts


class CountingController(Controller):
    def factory(self) -> SMTP:
        self.handler.connections += 1
        return super().factory()


def start_server(handler: Handler, port: int) -> CountingController:
    """Start a server for `handler` on 127.0.0.1:`port`."""
    controller = CountingController(
        handler,
        hostname="127.0.0.1",
        port=port,
        authenticator=handler.authenticate,
        auth_require_tls=False,
    )
    controller.start()
    handler.connections = 0  # start() opened one connection to check the server is up
    handler.port = port
    return controller


@pytest.fixture
def smtp(settings: Any) -> Iterator[Handler]:
    """A running SMTP server; settings.EMAIL_URL points at it."""
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    handler = Handler()
    controller = start_server(handler, free_port())
    settings.EMAIL_URL = f"smtp://127.0.0.1:{handler.port}"
    try:
        yield handler
    finally:
        controller.stop()
