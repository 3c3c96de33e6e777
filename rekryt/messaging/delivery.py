"""Turn a Message row into an email and hand it to an SMTP server.

No database writes happen here: the duty (`messaging.duties`) stores the
outcome on the row. A failure is raised as `DeliveryFailure`, which says
whether retrying can help and whether the connection is still usable; a
server that cannot be reached at all raises `ServerUnavailable`, which is
about no message in particular (the duty's circuit breaker handles it).

Each email is encoded once, when it is built, and handed to smtplib as
bytes: one SMTP transaction (MAIL, RCPT, DATA) per email on a connection
kept open across batches."""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass
from email.errors import MessageError
from email.headerregistry import Address
from email.utils import parseaddr
from typing import cast

from django.conf import settings
from django.core.mail.backends.smtp import EmailBackend

from rekryt.accounts.models import Organisation
from rekryt.messaging import hooks, mime
from rekryt.messaging.email_url import SmtpConfig, parse_email_url
from rekryt.messaging.models import Message
from rekryt.messaging.rendering import one_line

log = logging.getLogger(__name__)


class DeliveryFailure(Exception):
    def __init__(self, error: str, *, permanent: bool, reconnect: bool = False):
        super().__init__(error)
        self.error = error[:500]
        self.permanent = permanent
        # The connection is in an unknown state: open a fresh one next time.
        self.reconnect = reconnect


class ServerUnavailable(Exception):
    """The SMTP server could not be reached or refused us before any
    transaction began: nothing was attempted for any message."""

    def __init__(self, error: str):
        super().__init__(error)
        self.error = error[:500]


@dataclass(frozen=True)
class Outgoing:
    """An email ready for one SMTP transaction."""

    envelope_from: str
    recipients: list[str]
    data: bytes


def smtp_config() -> SmtpConfig | None:
    """The configured SMTP server, or None for the development mailbox."""
    return parse_email_url(settings.EMAIL_URL, timeout=settings.EMAIL_TIMEOUT)


def sender() -> str:
    """DEFAULT_FROM_EMAIL with the organisation's name as display name."""
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or settings.DEFAULT_FROM_EMAIL
    return str(Address(display_name=one_line(Organisation.get().name), addr_spec=address))


def recipient(message: Message) -> str:
    return str(Address(display_name=one_line(message.to_name), addr_spec=message.to_email))


def headers(message: Message) -> dict[str, str]:
    # A stable Message-ID lets a receiver recognise a resend after a crash.
    return {"Message-ID": message.message_id, "Auto-Submitted": "auto-generated"}


@dataclass(frozen=True)
class Sender:
    """The From header and the envelope sender, worked out once per batch."""

    header: str
    envelope: str


def current_sender() -> Sender:
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or settings.DEFAULT_FROM_EMAIL
    return Sender(
        header=mime.mailbox(Organisation.get().name, address),
        envelope=mime.envelope_address(address),
    )


def build_email(message: Message, origin: Sender | None = None) -> Outgoing:
    """The email for `message`: text with an HTML alternative, encoded. Raises
    a permanent DeliveryFailure when an address cannot be used."""
    origin = origin or current_sender()
    extra = headers(message)
    try:
        if message.reply_to:
            extra["Reply-To"] = mime.envelope_address(message.reply_to)
        data = mime.build(
            from_header=origin.header,
            to_header=mime.mailbox(message.to_name, message.to_email),
            subject=message.subject,
            text=message.body_text,
            html=message.body_html,
            headers=extra,
            calendar=hooks.calendar_for(message),
        )
        return Outgoing(origin.envelope, [mime.envelope_address(message.to_email)], data)
    except (ValueError, IndexError, MessageError) as exc:
        raise DeliveryFailure(f"Cannot build the email: {exc}", permanent=True) from exc


def _reply_failure(code: int, text: str | bytes) -> DeliveryFailure:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    error = f"{code} {text}".strip()
    if 500 <= code < 600:
        return DeliveryFailure(error, permanent=True)
    # 421 means the server is closing the connection; other 4xx keep it usable.
    usable = 400 <= code < 500 and code != 421
    return DeliveryFailure(error, permanent=False, reconnect=not usable)


def classify(exc: Exception) -> DeliveryFailure:
    """What an exception from sending one message means for that message."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(exc.recipients.values()), (-1, "recipient refused"))
        return _reply_failure(code, text)
    if isinstance(exc, smtplib.SMTPResponseException):
        return _reply_failure(exc.smtp_code, exc.smtp_error)
    # Disconnects, refused connections, timeouts, TLS errors and anything
    # unexpected: the server may be back soon, the connection is not.
    return DeliveryFailure(f"{type(exc).__name__}: {exc}", permanent=False, reconnect=True)


class SmtpTransport:
    """One SMTP connection, opened on first use and kept across batches.

    Django's backend opens it (TLS, SSL and login as EMAIL_URL says); the
    transactions go straight to smtplib with the bytes encoded at build time."""

    def __init__(self, config: SmtpConfig):
        self.config = config
        self.backend: EmailBackend | None = None

    @property
    def connected(self) -> bool:
        return self.backend is not None

    def send(self, email: Outgoing) -> None:
        """One SMTP transaction. ServerUnavailable when no connection could be
        opened (nothing was attempted), DeliveryFailure when the transaction
        failed."""
        connection = cast(smtplib.SMTP, self._connect().connection)  # open() set it
        try:
            refused = connection.sendmail(email.envelope_from, email.recipients, email.data)
        except Exception as exc:
            failure = classify(exc)
            if failure.reconnect:
                self.close()
            raise failure from exc
        if refused:
            # Only when some of several recipients were refused; ours have one.
            raise classify(smtplib.SMTPRecipientsRefused(refused))

    def _connect(self) -> EmailBackend:
        if self.backend is not None:
            return self.backend
        c = self.config
        backend = EmailBackend(
            host=c.host,
            port=c.port,
            username=c.username,
            password=c.password,
            use_tls=c.use_tls,
            use_ssl=c.use_ssl,
            timeout=c.timeout,
            fail_silently=False,
        )
        try:
            backend.open()
        except Exception as exc:
            _close_quietly(backend)
            # Refusals at greeting or login are about the server or our
            # credentials, never this message: always worth retrying.
            error = f"Cannot connect to {c.host}:{c.port}: {type(exc).__name__}: {exc}"
            raise ServerUnavailable(error) from exc
        self.backend = backend
        return backend

    def close(self) -> None:
        if self.backend is not None:
            _close_quietly(self.backend)
            self.backend = None


def _close_quietly(backend: EmailBackend) -> None:
    try:
        backend.close()
    except Exception:
        # QUIT on a broken connection fails; the socket is gone either way.
        log.debug("closing the SMTP connection failed", exc_info=True)
        backend.connection = None
