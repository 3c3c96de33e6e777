"""The IMAP side: fetch unread mail from the mailbox in IMAP_URL
(imaps://user:password@host:993/INBOX, or imap:// for a server on the same
machine), hand each to `receive.receive`, then flag it \\Seen so it is
read once. A message over the size cap is flagged and refused from its
RFC822.SIZE alone, without being downloaded."""

from __future__ import annotations

import contextlib
import imaplib
import logging
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from rekryt.conversations.inbound.receive import max_bytes, receive
from rekryt.conversations.models import InboundMail, Verdict

log = logging.getLogger(__name__)
TIMEOUT = 30
BATCH = 50
_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")


@dataclass(frozen=True)
class Mailbox:
    secure: bool
    host: str
    port: int
    user: str
    password: str
    folder: str


def mailbox_from_url(url: str) -> Mailbox:
    parts = urlsplit(url)
    if parts.scheme not in ("imap", "imaps") or not parts.hostname:
        raise ValueError("IMAP_URL must look like imaps://user:password@host:993/INBOX")
    secure = parts.scheme == "imaps"
    return Mailbox(
        secure=secure,
        host=parts.hostname,
        port=parts.port or (993 if secure else 143),
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        folder=unquote(parts.path.lstrip("/")) or "INBOX",
    )


def connect(box: Mailbox) -> imaplib.IMAP4:
    client: imaplib.IMAP4
    if box.secure:
        client = imaplib.IMAP4_SSL(box.host, box.port, timeout=TIMEOUT)
    else:
        client = imaplib.IMAP4(box.host, box.port, timeout=TIMEOUT)
    client.login(box.user, box.password)
    status, _data = client.select(_quoted(box.folder))
    if status != "OK":
        raise imaplib.IMAP4.error("cannot open the folder")
    return client


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def poll(box: Mailbox) -> int:
    """Read up to BATCH unseen messages; returns how many were handled. One
    message failing is logged and left unseen for the next poll; the rest
    go on."""
    client = connect(box)
    handled = 0
    try:
        status, data = client.uid("SEARCH", "UNSEEN")
        uids = (
            [u.decode() for u in data[0].split()[:BATCH]]
            if status == "OK" and data and data[0]
            else []
        )
        for uid in uids:
            if _handle(client, uid):
                handled += 1
    finally:
        with contextlib.suppress(imaplib.IMAP4.error, OSError):
            client.logout()
    return handled


def _handle(client: imaplib.IMAP4, uid: str) -> bool:
    status, data = client.uid("FETCH", uid, "(RFC822.SIZE)")
    found = _SIZE.search(b" ".join(d if isinstance(d, bytes) else d[0] for d in data if d))
    if status != "OK" or found is None:
        return False
    size = int(found.group(1))
    try:
        if size > max_bytes():
            InboundMail.objects.create(
                via="imap", verdict=Verdict.REFUSED, reason="too large", size=size
            )
            log.info("inbound mail via imap: refused too large (%s bytes)", size)
        else:
            status, data = client.uid("FETCH", uid, "(BODY.PEEK[])")
            raw = next((d[1] for d in data if isinstance(d, tuple)), None)
            if status != "OK" or raw is None:
                return False
            receive(raw, [], "imap")
    except Exception:
        log.exception("inbound mail via imap failed; left unseen for the next poll")
        return False
    client.uid("STORE", uid, "+FLAGS", "(\\Seen)")
    return True
