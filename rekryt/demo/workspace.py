"""The recruiter's workspace in the demo: message templates in Swedish and
English, tags on candidates, a job template, two-way conversations — a
recruiter's email that went out and the candidates' replies (two unread, one
with a certificate attached), and a note that @mentions a hiring manager.

Replies go through the real parser and store (rekryt.conversations.inbound),
from mail as a candidate's mail program writes it."""

from __future__ import annotations

from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from rekryt.accounts.models import User
from rekryt.applications.actions import add_note
from rekryt.applications.models import Application, Event, EventKind, Outcome
from rekryt.candidates.models import Document, TextStatus
from rekryt.candidates.search import index_documents
from rekryt.candidates.tags import add_tag
from rekryt.conversations.actions import write_to_candidate
from rekryt.conversations.inbound.parse import parse
from rekryt.conversations.inbound.replies import store_reply
from rekryt.conversations.models import Reply, WritingTemplate
from rekryt.jobs.models import Job
from rekryt.jobs.reuse import save_as_template
from rekryt.lib.pdfgen import text_pdf
from rekryt.messaging import hooks
from rekryt.messaging.models import Message, MessageStatus

WRITING_TEMPLATES = [
    {
        "name_sv": "Boka ett kort samtal",
        "name_en": "Book a short call",
        "subject_sv": "Ett kort samtal om {job_title}?",
        "subject_en": "A short call about {job_title}?",
        "body_sv": (
            "Hej {candidate_first_name}!\n\nTack för din ansökan till {job_title}. Vi vill gärna "
            "höras i 20 minuter. Svara på det här mejlet med två tider som passar dig nästa "
            "vecka, så bokar vi.\n\nVänliga hälsningar\n{recruiter_name}\n{company}"
        ),
        "body_en": (
            "Hi {candidate_first_name},\n\nThank you for applying for {job_title}. We would like "
            "a 20-minute call. Reply to this email with two times next week that suit you and "
            "we will book it.\n\nKind regards\n{recruiter_name}\n{company}"
        ),
    },
    {
        "name_sv": "Be om referenser",
        "name_en": "Ask for references",
        "subject_sv": "Referenser för {job_title}",
        "subject_en": "References for {job_title}",
        "body_sv": (
            "Hej {candidate_first_name}!\n\nDu går vidare i processen för {job_title}. Kan du "
            "svara med namn och telefonnummer till två referenser, gärna tidigare chefer?\n\n"
            "Hälsningar\n{recruiter_name}"
        ),
        "body_en": (
            "Hi {candidate_first_name},\n\nYou are going forward for {job_title}. Could you "
            "reply with the names and phone numbers of two references, ideally former "
            "managers?\n\nBest regards\n{recruiter_name}"
        ),
    },
    {
        "name_sv": "Vi behöver lite mer tid",
        "name_en": "We need a little more time",
        "subject_sv": "Din ansökan till {job_title}",
        "subject_en": "Your application for {job_title}",
        "body_sv": (
            "Hej {candidate_first_name}!\n\nVi har fått många ansökningar till {job_title} och "
            "behöver lite mer tid. Du hör från oss senast "
            "{reply_by}.\n\nHälsningar\n{recruiter_name}"
        ),
        "body_en": (
            "Hi {candidate_first_name},\n\nWe have had many applications for {job_title} and "
            "need a little more time. You will hear from us by {reply_by}.\n\n"
            "Best regards\n{recruiter_name}"
        ),
    },
]
TAGS = ["Truckkort", "Talang 2027", "Kan börja direkt", "Python"]
REPLIES = [
    ("Tack för mejlet! Tisdag kl. 10 eller torsdag kl. 14 passar bra.", False),
    ("Hej! Här kommer mitt arbetsintyg från Schenker, som ni bad om.", True),
    ("Tack, det låter bra. Jag ser fram emot att höras.", False),
]


def attestation(name: str) -> str:
    return f"Arbetsintyg\n{name} har arbetat som lagermedarbetare."


def reply_mail(
    application: Application, subject: str, text: str, at: datetime, attach: bool
) -> bytes:
    mail = EmailMessage()
    mail["From"] = f"{application.full_name} <{application.email}>"
    mail["To"] = "svar@example.com"
    mail["Subject"] = f"Re: {subject}"
    mail["Date"] = format_datetime(at)
    mail["Message-ID"] = make_msgid(domain="example.org")
    quoted = "\n".join(f"> {line}" for line in ["Hej!", "Vill du höras i 20 minuter?"])
    mail.set_content(
        f"{text}\n\nMvh\n{application.first_name}\n\nDen {at:%d/%m} skrev rekryteraren:\n{quoted}\n"
    )
    if attach:
        pdf = text_pdf(attestation(application.full_name))
        mail.add_attachment(pdf, maintype="application", subtype="pdf", filename="Arbetsintyg.pdf")
    return mail.as_bytes()


def add_workspace(application_ids: list[int], staff: dict[str, User], now: datetime) -> None:
    for template in WRITING_TEMPLATES:
        WritingTemplate.objects.get_or_create(name_en=template["name_en"], defaults=template)
    active = list(
        Application.objects.filter(pk__in=application_ids, outcome=Outcome.ACTIVE)
        .select_related("candidate", "job", "job__recruiter", "stage")
        .order_by("pk")
    )
    if len(active) < 6:
        return
    for n, application in enumerate(active[:24]):
        add_tag(application.candidate, TAGS[n % len(TAGS)], staff["rebecka"])
    _conversations(active[1:4], staff, now)
    job = active[0].job
    add_note(
        active[0],
        staff["rebecka"],
        "@maria kan du titta på hennes truckkort och erfarenhet av lagersystem?",
    )
    save_as_template(Job.objects.get(pk=job.pk), f"{job.title} (mall)")
    # The recruiters' notices of the replies and the mention went out at once.
    for notice in Message.objects.filter(kind__in=["reply_notice", "mention"]):
        Message.objects.filter(pk=notice.pk).update(
            status=MessageStatus.SENT, sent_at=notice.created_at, to_mailbox=True
        )


def _conversations(applications: list[Application], staff: dict[str, User], now: datetime) -> None:
    template = WritingTemplate.objects.get(name_en="Book a short call")
    for n, application in enumerate(applications):
        author = application.job.recruiter or staff["rebecka"]
        message = write_to_candidate(
            application,
            author,
            template.subject_in(application.language),
            template.body_in(application.language),
            nonce=f"demo{n}",
        )
        _sent(message, now - timedelta(days=2, hours=n))
        text, attach = REPLIES[n]
        at = now - timedelta(hours=20 - 6 * n)
        reply = store_reply(
            application, parse(reply_mail(application, message.subject, text, at, attach))
        )
        Reply.objects.filter(pk=reply.pk).update(received_at=at)
        if n == 2:
            Reply.objects.filter(pk=reply.pk).update(
                read_at=at + timedelta(hours=1), read_by=author
            )
    # The attachment's text is known (we wrote it): searchable at once.
    for document in Document.objects.filter(
        application__in=applications, text_status=TextStatus.PENDING
    ).select_related("application"):
        assert document.application is not None  # noqa: S101 — filtered on it
        Document.objects.filter(pk=document.pk).update(
            text=attestation(document.application.full_name), text_status=TextStatus.DONE
        )
        index_documents(document.application.pk)


def _sent(message: Message, at: datetime) -> None:
    """Delivered to the development mailbox two days ago, with its "sent"
    event on the timeline (as the worker's delivery writes it)."""
    Message.objects.filter(pk=message.pk).update(
        status=MessageStatus.SENT, sent_at=at, created_at=at, send_after=at, to_mailbox=True
    )
    message.refresh_from_db()
    hooks.status_changed([message])
    Event.objects.filter(
        application=message.application_id, kind=EventKind.MESSAGE_SENT, data__message=message.pk
    ).update(created_at=at)
