"""`manage.py receive_mail`'s listener, started on a free port and sent
real mail with smtplib: a reply lands on the timeline and in the portal,
an out-of-office reply and a bounce are recognised and never shown as the
candidate's words, a hostile attachment is refused."""

from __future__ import annotations

import re
import smtplib
import socket
from collections.abc import Iterator
from email.message import EmailMessage
from typing import Any

import pytest
from django.urls import reverse

from conftest import make_application
from rekryt.applications.actions import queue_email
from rekryt.applications.models import Application, Event, EventKind
from rekryt.candidates.models import Document
from rekryt.conversations.inbound.smtp import controller
from rekryt.conversations.models import AddressFailure, InboundMail, Reply, Verdict
from rekryt.conversations.tests.helpers import QUOTED, REPLY_DOMAIN, reply_mail, reply_to_of
from rekryt.lib.pdfgen import text_pdf
from rekryt.messaging.models import Message
from rekryt.portal.views import cards_for

pytestmark = pytest.mark.usefixtures("seeded")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def listener(settings: Any) -> Iterator[int]:
    settings.REPLY_DOMAIN = REPLY_DOMAIN
    port = free_port()
    server = controller("127.0.0.1", port)
    server.start()
    try:
        yield port
    finally:
        server.stop()


@pytest.fixture
def asked(job: Any, settings: Any) -> Application:
    """An application whose candidate was sent an email with a reply address."""
    settings.REPLY_DOMAIN = REPLY_DOMAIN
    application = make_application(job, first_name="Anna", email="anna@example.org")
    queue_email(application, "interview_invitation", key=f"test:{application.pk}")
    return application


def send(port: int, to: str, raw: bytes, sender: str = "anna@example.org") -> None:
    # On the wire every line ends in CRLF (smtplib sends bytes as they are).
    wire = re.sub(rb"\r?\n", b"\r\n", raw)
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as smtp:
        smtp.sendmail(sender, [to], wire)


def test_a_reply_lands_on_the_timeline_and_in_the_portal(
    listener: int, asked: Application, client: Any, rita: Any
) -> None:
    to = reply_to_of(asked)
    send(listener, to, reply_mail(to, QUOTED, sender="anna@example.org"))
    reply = Reply.objects.get(application=asked)
    assert reply.body.startswith("Hej!\n\nTisdag klockan tio passar mig bra.")
    assert "vill du komma" not in reply.body
    assert reply.is_unread
    event = Event.objects.get(application=asked, kind=EventKind.CANDIDATE_MESSAGE)
    assert event.data["via"] == "email"
    client.force_login(rita)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("application_detail", args=[asked.pk])).content.decode()
    assert "The candidate replied by email:" in page
    assert "Tisdag klockan tio passar mig bra." in page
    assert "1 unread reply" in page
    conversation = cards_for(asked.candidate)[0].conversation
    assert any(said.by_email and "Tisdag klockan tio" in said.body for said in conversation)
    # The recruiter hears of it.
    notice = Message.objects.get(kind="reply_notice")
    assert notice.to_email == rita.email
    assert "Tisdag klockan tio" in notice.body_text


def test_the_same_mail_twice_is_one_reply(listener: int, asked: Application) -> None:
    to = reply_to_of(asked)
    raw = reply_mail(to, "Tack, det passar.")
    send(listener, to, raw)
    send(listener, to, raw)
    assert Reply.objects.filter(application=asked).count() == 1
    assert InboundMail.objects.filter(verdict=Verdict.DUPLICATE).count() == 1


def test_an_out_of_office_reply_is_never_shown(listener: int, asked: Application) -> None:
    to = reply_to_of(asked)
    for headers in (
        {"Auto-Submitted": "auto-replied"},
        {"X-Autoreply": "yes"},
        {"Precedence": "auto_reply"},
    ):
        send(listener, to, reply_mail(to, "Jag är på semester till måndag.", headers=headers))
    send(listener, to, reply_mail(to, "Jag är borta.", subject="Out of office: Intervju"))
    send(listener, to, reply_mail(to, "Jag är borta.", subject="Autosvar: Intervju"))
    assert not Reply.objects.exists()
    assert not Event.objects.filter(kind=EventKind.CANDIDATE_MESSAGE).exists()
    assert InboundMail.objects.filter(verdict=Verdict.AUTO_REPLY).count() == 5


def bounce_for(original_reply_to: str, failed: str) -> bytes:
    report = EmailMessage()
    report["From"] = "MAILER-DAEMON@mx.example.org"
    report["To"] = "rekryt@example.com"
    report["Subject"] = "Undelivered Mail Returned to Sender"
    report["Message-ID"] = "<bounce-1@mx.example.org>"
    report.set_content("Your message could not be delivered.")
    report.make_mixed()
    raw = report.as_bytes().decode()
    boundary = report.get_boundary()
    status = (
        "Reporting-MTA: dns; mx.example.org\n\n"
        f"Final-Recipient: rfc822; {failed}\nAction: failed\nStatus: 5.1.1\n"
    )
    original = (
        f"From: rekryt@example.com\nTo: {failed}\nReply-To: {original_reply_to}\n"
        "Subject: Inbjudan\n"
    )
    raw = raw.replace("multipart/mixed", 'multipart/report; report-type="delivery-status"', 1)
    tail = (
        f"--{boundary}\nContent-Type: message/delivery-status\n\n{status}\n"
        f"--{boundary}\nContent-Type: text/rfc822-headers\n\n{original}\n--{boundary}--\n"
    )
    raw = raw.rstrip().removesuffix(f"--{boundary}--") + tail
    return raw.encode()


def test_a_bounce_marks_the_address_failing(
    listener: int, asked: Application, client: Any, rita: Any
) -> None:
    send(
        listener,
        f"bounces@{REPLY_DOMAIN}",
        bounce_for(reply_to_of(asked), "anna@example.org"),
        sender="",
    )
    failure = AddressFailure.objects.get(candidate=asked.candidate)
    assert failure.status == "5.1.1"
    assert not Reply.objects.exists()
    client.force_login(rita)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("application_detail", args=[asked.pk])).content.decode()
    assert "Email to this address bounced" in page


def test_unknown_tokens_are_accepted_quietly_and_never_shown(
    listener: int, asked: Application
) -> None:
    to = f"reply+{'A' * 43}@{REPLY_DOMAIN}"
    send(listener, to, reply_mail(to, "Hej!"))
    assert not Reply.objects.exists()
    assert InboundMail.objects.get().verdict == Verdict.UNKNOWN


def test_mail_for_another_domain_is_refused_at_the_envelope(listener: int) -> None:
    with (
        smtplib.SMTP("127.0.0.1", listener, timeout=10) as smtp,
        pytest.raises(smtplib.SMTPRecipientsRefused),
    ):
        smtp.sendmail("x@example.org", ["someone@elsewhere.example"], b"Subject: x\r\n\r\nx")
    assert not InboundMail.objects.exists()


def test_a_hostile_attachment_is_refused_and_the_reply_kept(
    listener: int, asked: Application
) -> None:
    to = reply_to_of(asked)
    attachments = [
        ("cv.pdf", b"MZ\x90\x00 this is a program", "application/pdf"),
        ("intyg.pdf", text_pdf("Arbetsintyg för Anna"), "application/pdf"),
    ]
    send(listener, to, reply_mail(to, "Här är mina intyg.", attachments=attachments))
    reply = Reply.objects.get(application=asked)
    assert reply.body == "Här är mina intyg."
    documents = Document.objects.filter(application=asked, kind="other")
    assert [d.original_name for d in documents] == ["intyg.pdf"]
    event = Event.objects.get(application=asked, kind=EventKind.CANDIDATE_MESSAGE)
    assert event.data["refused"] == 1


def test_html_is_reduced_to_text_without_its_scripts(listener: int, asked: Application) -> None:
    to = reply_to_of(asked)
    mail = EmailMessage()
    mail["From"] = "anna@example.org"
    mail["To"] = to
    mail["Subject"] = "Re: Intervju"
    mail["Message-ID"] = "<html-1@example.org>"
    mail.set_content(
        "<html><head><style>p{color:red}</style></head><body><p>Det låter <b>bra</b>!</p>"
        "<script>alert('x')</script><blockquote>Gammal text</blockquote></body></html>",
        subtype="html",
    )
    send(listener, to, mail.as_bytes())
    assert Reply.objects.get().body == "Det låter bra!"


def test_oversized_mail_is_refused_by_the_server(
    listener: int, asked: Application, settings: Any
) -> None:
    to = reply_to_of(asked)
    big = reply_mail(to, "x" * (26 * 1024 * 1024))
    with pytest.raises(smtplib.SMTPException):
        send(listener, to, big)
    assert not Reply.objects.exists()


def test_a_flood_from_one_sender_is_refused_and_others_still_arrive(
    listener: int, asked: Application, job: Any, settings: Any
) -> None:
    settings.INBOUND_PER_SENDER_PER_HOUR = 3
    to = reply_to_of(asked)
    for n in range(5):
        try:
            send(
                listener,
                to,
                reply_mail(to, f"Meddelande {n}", sender="flood@example.net"),
                "flood@example.net",
            )
        except smtplib.SMTPDataError as exc:
            assert exc.smtp_code == 554
    assert Reply.objects.filter(application=asked).count() == 3
    assert InboundMail.objects.filter(reason="flood from one sender").count() == 2
    other = make_application(job, email="bo@example.org")
    queue_email(other, "interview_invitation", key=f"test:{other.pk}")
    to_other = reply_to_of(other)
    send(
        listener,
        to_other,
        reply_mail(to_other, "Hej från Bo", sender="bo@example.org"),
        "bo@example.org",
    )
    assert Reply.objects.filter(application=other).count() == 1


def test_malformed_mime_is_refused_with_a_log_line_without_personal_data(
    listener: int, asked: Application, caplog: Any
) -> None:
    to = reply_to_of(asked)
    raw = (
        f"From: anna@example.org\r\nTo: {to}\r\nSubject: Hemligt namn\r\n"
        'Content-Type: multipart/mixed; boundary="nope"\r\n\r\nno boundary ever\r\n'
    ).encode()
    with caplog.at_level("INFO"), pytest.raises(smtplib.SMTPDataError):
        send(listener, to, raw)
    assert InboundMail.objects.get().verdict == Verdict.REFUSED
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "malformed" in logged
    assert "anna@example.org" not in logged and "Hemligt" not in logged and "reply+" not in logged
