"""The one parser behind both receivers: what is new in a reply, and what a
mail is (a reply, an automatic reply, a bounce), from hostile input."""

from __future__ import annotations

import pytest

from rekryt.conversations.inbound.parse import MalformedMail, parse, trimmed
from rekryt.conversations.tests.helpers import reply_mail


def test_quoted_history_in_swedish_and_english_is_cut() -> None:
    swedish = "Ja, gärna!\n\nDen 1 dec. 2026 kl. 10:00 skrev Rita <r@x.se>:\n> Vill du komma?\n"
    english = "Sounds good.\n\nOn Tue, 1 Dec 2026 at 10:00, Rita <r@x.se> wrote:\n> Can you come?\n"
    assert trimmed(swedish) == "Ja, gärna!"
    assert trimmed(english) == "Sounds good."


def test_a_signature_after_the_delimiter_is_cut() -> None:
    assert trimmed("Tack, vi hörs!\n\n-- \nAnna Lind\n070-123 45 67\n") == "Tack, vi hörs!"


def test_a_forged_line_break_in_the_subject_stays_on_one_line() -> None:
    raw = reply_mail("a@b.c", "Hej", subject="Re: Intervju")
    raw = raw.replace(
        b"Subject: Re: Intervju", b"Subject: =?utf-8?q?Re=3A_x=0ABcc=3A_evil=40example=2Ecom?="
    )
    parsed = parse(raw)
    assert "\n" not in parsed.subject and "\r" not in parsed.subject


def test_html_only_mail_loses_its_scripts_styles_and_quoted_blockquote() -> None:
    from email.message import EmailMessage

    mail = EmailMessage()
    mail["From"] = "a@b.c"
    mail["Subject"] = "Re"
    mail.set_content(
        "<style>x{}</style><p>Hej <a href='javascript:alert(1)'>där</a></p>"
        "<script>steal()</script><blockquote>old</blockquote>",
        subtype="html",
    )
    assert parse(mail.as_bytes()).text == "Hej där"


def test_too_many_parts_is_malformed() -> None:
    from email.message import EmailMessage

    mail = EmailMessage()
    mail["From"] = "a@b.c"
    mail.set_content("x")
    for n in range(60):
        mail.add_attachment(
            b"x", maintype="application", subtype="octet-stream", filename=f"{n}.bin"
        )
    with pytest.raises(MalformedMail, match="too many parts"):
        parse(mail.as_bytes())


@pytest.mark.parametrize(
    "headers",
    [{"Auto-Submitted": "auto-generated"}, {"X-Autorespond": "yes"}, {"Precedence": "bulk"}],
)
def test_automatic_mail_is_recognised(headers: dict[str, str]) -> None:
    assert parse(reply_mail("a@b.c", "Borta", headers=headers)).auto_reply


def test_a_person_writing_auto_submitted_no_is_a_reply() -> None:
    assert not parse(reply_mail("a@b.c", "Hej", headers={"Auto-Submitted": "no"})).auto_reply
