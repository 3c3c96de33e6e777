"""Mail as candidates' mail programs send it, for the inbound tests."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import make_msgid

from rekryt.applications.models import Application
from rekryt.messaging.models import Message

REPLY_DOMAIN = "svar.example.com"


def reply_to_of(application: Application) -> str:
    """The reply address of the newest email to the application's candidate."""
    message = Message.objects.filter(application=application).order_by("-pk").first()
    assert message is not None and message.reply_to.startswith("reply+")
    return message.reply_to


def reply_mail(
    to: str,
    text: str,
    *,
    sender: str = "kandidat@example.org",
    subject: str = "Re: Intervju",
    headers: dict[str, str] | None = None,
    html: str = "",
    attachments: list[tuple[str, bytes, str]] | None = None,
) -> bytes:
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = to
    mail["Subject"] = subject
    mail["Message-ID"] = make_msgid(domain="example.org")
    for name, value in (headers or {}).items():
        mail[name] = value
    mail.set_content(text)
    if html:
        mail.add_alternative(html, subtype="html")
    for filename, data, mimetype in attachments or []:
        maintype, subtype = mimetype.split("/")
        mail.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return mail.as_bytes()


QUOTED = """Hej!

Tisdag klockan tio passar mig bra. Jag tar med betygen.

Den 1 dec. 2026 kl. 10:00 skrev Rita <reply+x@svar.example.com>:
> Hej Anna,
> vill du komma på intervju?
"""
