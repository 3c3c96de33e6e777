"""Building an outgoing email's bytes with the standard library's MIME
classes, at the cost delivery can afford at hundreds of emails a second.

Django's EmailMessage re-parses every address header and re-encodes every
header on each email, and the generator compiles a regular expression to
pick each boundary; together that was most of the delivery worker's CPU.
Here the sender is encoded once per batch, a subject once per distinct
subject (a job's receipts share it), the boundary is a random token, and the
result matches what Django would send: text with an HTML alternative in
UTF-8, 8bit, quoted-printable only where a line would exceed RFC 5322's
998 octets. Values reaching headers are single lines (rendering.one_line);
addresses with line breaks or characters that cannot be encoded are refused
with ValueError."""

from __future__ import annotations

import functools
import secrets
from email import charset as email_charset
from email import encoders as email_encoders
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.utils import formataddr, formatdate

from django.conf import settings

from rekryt.messaging.rendering import one_line

LINE_LIMIT = 998  # octets per line, RFC 5322 section 2.1.1

UTF8_8BIT = email_charset.Charset("utf-8")
UTF8_8BIT.body_encoding = None  # type: ignore[assignment]  # 8bit, as Django sends it
UTF8_QP = email_charset.Charset("utf-8")
UTF8_QP.body_encoding = email_charset.QP


@functools.lru_cache(maxsize=1024)
def encoded(value: str) -> str:
    """A header value as ASCII: RFC 2047 encoded words where needed."""
    value = one_line(value)
    if value.isascii():
        return value
    return Header(value, "utf-8").encode()


def mailbox(name: str, address: str) -> str:
    """`Name <address>` for a header, the name encoded where needed."""
    return formataddr((encoded(name), envelope_address(address)))


@functools.lru_cache(maxsize=256)
def envelope_address(address: str) -> str:
    """The address for MAIL FROM / RCPT TO and the headers: an international
    domain in punycode. A local part that is not ASCII would need SMTPUTF8,
    which not every server offers: refused (ValueError), as are line breaks,
    angle brackets and addresses without a domain."""
    if any(c in address for c in "\r\n<>,; \t") or "@" not in address:
        raise ValueError("not a single plain address")
    local, _at, domain = address.rpartition("@")
    if not local or not domain or not local.isascii():
        raise ValueError("the part before @ must be ASCII")
    if not domain.isascii():
        domain = domain.encode("idna").decode("ascii")
    return f"{local}@{domain}"


def text_part(body: str, subtype: str) -> MIMENonMultipart:
    data = body.encode("utf-8")
    long_lines = any(len(line) > LINE_LIMIT for line in data.splitlines())
    part = MIMENonMultipart("text", subtype)
    part.set_payload(body, charset=UTF8_QP if long_lines else UTF8_8BIT)
    return part


def calendar_parts(ics: str, method: str) -> tuple[MIMENonMultipart, MIMENonMultipart]:
    """A calendar invitation as Outlook, Google and Apple read it: a
    text/calendar alternative with its METHOD, and the same object attached
    as invite.ics."""
    inline = text_part(ics, "calendar")
    inline.set_param("method", method)
    attached = MIMENonMultipart("application", "ics", name="invite.ics")
    attached.set_payload(ics.encode("utf-8"))
    email_encoders.encode_base64(attached)
    attached.add_header("Content-Disposition", "attachment", filename="invite.ics")
    return inline, attached


def _boundary() -> str:
    return f"=_rekryt_{secrets.token_hex(16)}"


def build(
    *,
    from_header: str,
    to_header: str,
    subject: str,
    text: str,
    html: str,
    headers: dict[str, str],
    calendar: tuple[str, str] | None = None,
) -> bytes:
    """The email as bytes with CRLF line ends, ready for one SMTP DATA.
    `calendar` is (iCalendar text, METHOD): multipart/mixed of the
    alternatives (text, HTML, the calendar) and invite.ics."""
    if html or calendar:
        root: MIMENonMultipart | MIMEMultipart = MIMEMultipart("alternative", boundary=_boundary())
        root.attach(text_part(text, "plain"))
        if html:
            root.attach(text_part(html, "html"))
    else:
        root = text_part(text, "plain")
    if calendar is not None:
        inline, attached = calendar_parts(*calendar)
        root.attach(inline)
        mixed = MIMEMultipart("mixed", boundary=_boundary())
        mixed.attach(root)
        mixed.attach(attached)
        root = mixed
    root["Subject"] = encoded(subject)
    root["From"] = from_header
    root["To"] = to_header
    root["Date"] = formatdate(localtime=settings.EMAIL_USE_LOCALTIME)
    for name, value in headers.items():
        root[name] = encoded(value)
    return root.as_bytes(policy=root.policy.clone(linesep="\r\n"))
