"""The IMAP polling duty against a real dovecot the test starts: a reply
delivered into the mailbox is fetched by the worker's loop and appears on
the timeline and in the portal; an out-of-office reply fetched the same way
is never shown; each message is read once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from conftest import make_application
from rekryt.applications.actions import queue_email
from rekryt.applications.models import Application, Event, EventKind
from rekryt.conversations.duties import PollReplyMailbox
from rekryt.conversations.models import InboundMail, MailboxPoll, Reply, Verdict
from rekryt.conversations.tests import dovecot
from rekryt.conversations.tests.helpers import QUOTED, REPLY_DOMAIN, reply_mail, reply_to_of
from rekryt.ops.duties import run_until_idle
from rekryt.portal.views import cards_for

pytestmark = [
    pytest.mark.usefixtures("seeded"),
    pytest.mark.skipif(
        not dovecot.available(), reason="dovecot is not installed (apt-get install dovecot-imapd)"
    ),
]


@pytest.fixture
def imap(settings: Any) -> Iterator[dovecot.Server]:
    with dovecot.running() as server:
        settings.IMAP_URL = server.url
        settings.REPLY_DOMAIN = REPLY_DOMAIN
        yield server


@pytest.fixture
def asked(job: Any, settings: Any) -> Application:
    settings.REPLY_DOMAIN = REPLY_DOMAIN
    application = make_application(job, first_name="Anna", email="anna@example.org")
    queue_email(application, "interview_invitation", key=f"test:{application.pk}")
    return application


def test_a_reply_fetched_over_imap_lands_on_the_timeline_and_in_the_portal(
    imap: dovecot.Server, asked: Application
) -> None:
    to = reply_to_of(asked)
    imap.deliver(reply_mail(to, QUOTED, sender="anna@example.org"))
    assert imap.unseen() == 1
    run_until_idle([PollReplyMailbox()])
    reply = Reply.objects.get(application=asked)
    assert reply.body.startswith("Hej!\n\nTisdag klockan tio passar mig bra.")
    assert Event.objects.filter(application=asked, kind=EventKind.CANDIDATE_MESSAGE).exists()
    conversation = cards_for(asked.candidate)[0].conversation
    assert any(said.by_email and "Tisdag klockan tio" in said.body for said in conversation)
    assert imap.unseen() == 0
    assert MailboxPoll.objects.get().last_error == ""


def test_an_out_of_office_reply_over_imap_is_never_shown(
    imap: dovecot.Server, asked: Application
) -> None:
    to = reply_to_of(asked)
    imap.deliver(reply_mail(to, "Jag är ledig.", headers={"Auto-Submitted": "auto-replied"}))
    imap.deliver(reply_mail(to, "Tack, jag kommer!"))
    run_until_idle([PollReplyMailbox()])
    assert [r.body for r in Reply.objects.all()] == ["Tack, jag kommer!"]
    assert InboundMail.objects.filter(via="imap", verdict=Verdict.AUTO_REPLY).count() == 1


def test_the_mailbox_is_polled_again_only_when_due(
    imap: dovecot.Server, asked: Application
) -> None:
    to = reply_to_of(asked)
    run_until_idle([PollReplyMailbox()])
    imap.deliver(reply_mail(to, "Sent i går."))
    run_until_idle([PollReplyMailbox()])
    assert not Reply.objects.exists()
    MailboxPoll.objects.update(next_poll_at=MailboxPoll.objects.get().last_polled_at)
    run_until_idle([PollReplyMailbox()])
    assert Reply.objects.count() == 1


def test_a_server_that_refuses_the_login_is_an_error_on_the_row(
    imap: dovecot.Server, settings: Any, caplog: Any
) -> None:
    settings.IMAP_URL = imap.url.replace(dovecot.PASSWORD, "wrong-password")
    with caplog.at_level("WARNING"):
        run_until_idle([PollReplyMailbox()])
    poll = MailboxPoll.objects.get()
    assert poll.last_error
    assert "wrong-password" not in " ".join(r.getMessage() for r in caplog.records)
