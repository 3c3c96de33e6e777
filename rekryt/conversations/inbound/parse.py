"""Read one raw email into what Rekryt needs from it, or refuse it.

Nothing here touches the database. Classification follows the RFCs: an
automatic reply carries `Auto-Submitted` other than "no" (RFC 3834) or
`X-Autoreply`/`X-Autorespond`/`Precedence: auto_reply|bulk|junk|list`, or
a subject that only out-of-office replies have; a bounce is
`multipart/report; report-type=delivery-status` (RFC 3464)."""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass, field
from email.message import EmailMessage, Message
from email.utils import getaddresses, parseaddr

from mailparser_reply import EmailReplyParser

from rekryt.conversations.inbound.html import html_to_text
from rekryt.messaging.rendering import one_line

MAX_PARTS = 50
MAX_DEPTH = 8
MAX_BODY = 20_000
# Defects after which the structure cannot be trusted.
FATAL_DEFECTS = {
    "NoBoundaryInMultipartDefect",
    "StartBoundaryNotFoundDefect",
    "MultipartInvariantViolationDefect",
    "MisplacedEnvelopeHeaderDefect",
    "MissingHeaderBodySeparatorDefect",
}
AUTO_SUBJECT = re.compile(
    r"^\s*(out of (the )?office|automatic reply|auto(matic)?[- ]?reply|autosvar|automatiskt svar|"
    r"frånvaro|frånvarande|semester(svar)?|abwesenheit|auto:)",
    re.IGNORECASE,
)
RECIPIENT_HEADERS = ("Delivered-To", "X-Original-To", "Envelope-To", "To", "Cc")


class MalformedMail(Exception):
    """The mail cannot be read safely; the message says why, without content."""


@dataclass
class Attachment:
    name: str
    data: bytes


@dataclass
class ParsedMail:
    sender: str
    subject: str
    message_id: str
    text: str
    recipients: list[str]
    auto_reply: bool = False
    bounce: bool = False
    # For bounces: who could not be reached, and the original mail's headers.
    failed_recipients: list[str] = field(default_factory=list)
    bounce_status: str = ""
    original_headers: str = ""
    attachments: list[Attachment] = field(default_factory=list)


def parse(raw: bytes) -> ParsedMail:
    try:
        message = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception as exc:  # the parser is lenient; anything it raises is fatal
        raise MalformedMail(f"unparseable: {type(exc).__name__}") from exc
    parts = _walk(message)
    defects = {type(d).__name__ for part in parts for d in part.defects}
    if defects & FATAL_DEFECTS:
        raise MalformedMail("broken MIME structure: " + ", ".join(sorted(defects & FATAL_DEFECTS)))
    try:
        subject = one_line(str(message.get("Subject", "")))[:300]
        sender = parseaddr(str(message.get("From", "")))[1]
        message_id = one_line(str(message.get("Message-ID", "")))[:300]
        recipients = [str(v) for h in RECIPIENT_HEADERS for v in message.get_all(h, [])]
    except Exception as exc:  # malformed headers raise from the header registry
        raise MalformedMail(f"unreadable headers: {type(exc).__name__}") from exc
    parsed = ParsedMail(sender, subject, message_id, "", recipients)
    if _is_bounce(message):
        parsed.bounce = True
        _read_report(message, parsed)
        return parsed
    parsed.auto_reply = is_auto_reply(message, subject)
    parsed.text = trimmed(_body_text(message))
    parsed.attachments = _attachments(message)
    return parsed


def _walk(message: Message) -> list[Message]:
    found: list[Message] = []

    def visit(part: Message, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise MalformedMail("nested too deeply")
        found.append(part)
        if len(found) > MAX_PARTS:
            raise MalformedMail("too many parts")
        if part.is_multipart():
            for child in part.get_payload():  # type: ignore[union-attr]
                if isinstance(child, Message):
                    visit(child, depth + 1)

    visit(message, 0)
    return found


def is_auto_reply(message: Message, subject: str) -> bool:
    auto_submitted = str(message.get("Auto-Submitted", "")).strip().lower()
    if auto_submitted and auto_submitted != "no":
        return True
    if message.get("X-Autoreply") or message.get("X-Autorespond"):
        return True
    if str(message.get("Precedence", "")).strip().lower() in ("auto_reply", "bulk", "junk", "list"):
        return True
    if str(message.get("X-Auto-Response-Suppress", "")).strip().lower() in ("all", "oof"):
        return True
    return bool(AUTO_SUBJECT.match(subject))


def _is_bounce(message: Message) -> bool:
    return (
        message.get_content_type() == "multipart/report"
        and str(message.get_param("report-type", "")).lower() == "delivery-status"
    )


def _read_report(message: Message, parsed: ParsedMail) -> None:
    for part in message.walk():
        kind = part.get_content_type()
        if kind == "message/delivery-status":
            for block in part.get_payload():  # type: ignore[union-attr]
                if not isinstance(block, Message):
                    continue
                final = str(block.get("Final-Recipient", "") or block.get("Original-Recipient", ""))
                if final:
                    parsed.failed_recipients.append(final.split(";")[-1].strip())
                if block.get("Status"):
                    parsed.bounce_status = one_line(str(block.get("Status")))[:20]
        elif kind in ("message/rfc822", "text/rfc822-headers"):
            payload = part.get_payload()
            if isinstance(payload, list) and payload and isinstance(payload[0], Message):
                parsed.original_headers = _headers_of(payload[0])
            elif isinstance(payload, str):
                parsed.original_headers = payload[:20_000]


def _headers_of(message: Message) -> str:
    return "\n".join(f"{k}: {v}" for k, v in message.items())


def _body_text(message: Message) -> str:
    if not isinstance(message, EmailMessage):
        return ""
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    try:
        content = body.get_content()
    except (LookupError, ValueError) as exc:  # unknown charset, bad encoding
        raise MalformedMail(f"unreadable body: {type(exc).__name__}") from exc
    if not isinstance(content, str):
        return ""
    content = content[: MAX_BODY * 5]
    if body.get_content_type() == "text/html":
        return html_to_text(content)
    return content


# A signature starts at the RFC 3676 delimiter ("-- ") or a phone's footer.
SIGNATURE = re.compile(
    r"^(-- ?|(skickat från min|sent from my|hämta outlook för|get outlook for) .*)$", re.IGNORECASE
)


def trimmed(text: str) -> str:
    """The newly written text: quoted history cut off by mail-parser-reply
    (it knows the Swedish and English "On … wrote:" lines), then the
    signature."""
    text = text.replace("\r\n", "\n").strip()
    if not text:
        return ""
    reply = (EmailReplyParser(languages=["sv", "en"]).parse_reply(text=text) or text).strip()
    lines = reply.split("\n")
    cut = next(
        (n for n, line in enumerate(lines) if n and SIGNATURE.match(line.rstrip("\r"))), None
    )
    if cut is not None:
        reply = "\n".join(lines[:cut]).strip()
    return reply[:MAX_BODY]


def _attachments(message: Message) -> list[Attachment]:
    if not isinstance(message, EmailMessage):
        return []
    found = []
    for part in message.iter_attachments():
        if part.is_multipart() or part.get_content_maintype() == "message":
            continue
        data = part.get_payload(decode=True)
        if isinstance(data, bytes):
            found.append(Attachment(one_line(part.get_filename() or "")[:200], data))
    return found


def addresses(values: list[str]) -> list[str]:
    return [address for _name, address in getaddresses(values) if address]
