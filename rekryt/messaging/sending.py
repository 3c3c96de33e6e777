"""SMTP transactions on a thread of their own, so the next email is built
while the server answers the last one.

Most of an SMTP transaction is waiting for the server's four replies (MAIL,
RCPT, DATA, the end of the data); building an email is CPU work. With the
sending on one thread, in order, over one connection, the delivery duty
overlaps the two and sends about twice as fast as doing them in turn. No
database work happens on this thread."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from rekryt.messaging.delivery import Outgoing, ServerUnavailable, SmtpTransport


class NotAttempted(Exception):
    """The batch stopped before this email's transaction began."""


class PipelinedSender:
    def __init__(self, transport: SmtpTransport):
        self.transport = transport
        self.pool: ThreadPoolExecutor | None = None
        self.abort = False
        self.stop: Callable[[], bool] = lambda: False
        self.deadline = 0.0

    def start_batch(self, stop: Callable[[], bool], deadline: float) -> None:
        self.abort = False
        self.stop = stop
        self.deadline = deadline

    def submit(self, email: Outgoing) -> Future[None]:
        if self.pool is None:
            self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="smtp")
        return self.pool.submit(self._send, email)

    def _send(self, email: Outgoing) -> None:
        # Once the server is gone, or the worker is stopping, or the batch
        # has run half its lease, the emails still queued are not tried.
        if self.abort or self.stop() or time.monotonic() > self.deadline:
            raise NotAttempted
        try:
            self.transport.send(email)
        except ServerUnavailable:
            self.abort = True
            raise

    def close(self) -> None:
        # Called between turns: the queue is empty then, since each batch
        # waits for all its sends before it records them.
        self.transport.close()

    def shutdown(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True)
            self.pool = None
