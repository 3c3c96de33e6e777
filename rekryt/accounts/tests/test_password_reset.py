"""Password reset by email: mail goes through the durable outbox, and the
answer is the same whether or not the address belongs to someone."""

from __future__ import annotations

import re
from typing import Any

from django.urls import reverse

from rekryt.accounts.models import User
from rekryt.messaging.models import Message, MessageStatus
from rekryt.ops.duties import run_until_idle


def _request_reset(client: Any, email: str) -> Any:
    return client.post(reverse("account_reset_password"), {"email": email}, follow=True)


def test_reset_mail_is_queued_in_the_outbox_and_delivered(
    client: Any, rita: User, outbox_backend: None
) -> None:
    _request_reset(client, "rita@example.com")
    message = Message.objects.get(to_email="rita@example.com")
    assert message.kind == "staff_account"
    assert message.status == MessageStatus.SCHEDULED
    link = re.search(
        r"http://testserver(/staff/account/password/reset/key/\S+/)", message.body_text
    )
    assert link, message.body_text

    run_until_idle()
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT

    # The link works: a new password, then a login with it.
    response = client.get(link.group(1), follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link.group(1)
    response = client.post(
        form_url, {"password1": "a-brand-new-secret-42", "password2": "a-brand-new-secret-42"}
    )
    assert response.status_code == 302
    rita.refresh_from_db()
    assert rita.check_password("a-brand-new-secret-42")


def test_unknown_address_gets_the_same_answer_and_no_mail(
    client: Any, rita: User, outbox_backend: None
) -> None:
    known = _request_reset(client, "rita@example.com")
    unknown = _request_reset(client, "nobody@example.com")
    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    strip = lambda r: re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", r.content.decode())  # noqa: E731
    assert strip(known) == strip(unknown)
    assert not Message.objects.filter(to_email="nobody@example.com").exists()


def test_outbox_backend_keeps_html_and_every_recipient(db: Any, outbox_backend: None) -> None:
    from django.core.mail import EmailMultiAlternatives

    email = EmailMultiAlternatives(
        "Hello", "Plain", to=["A Person <a@example.com>"], cc=["b@example.com"]
    )
    email.attach_alternative("<p>Plain</p>", "text/html")
    assert email.send() == 1
    rows = {m.to_email: m for m in Message.objects.all()}
    assert set(rows) == {"a@example.com", "b@example.com"}
    assert rows["a@example.com"].to_name == "A Person"
    assert rows["a@example.com"].body_html == "<p>Plain</p>"


def test_reset_link_comes_from_site_url_not_the_host_header(
    client: Any, rita: User, outbox_backend: None, settings: Any
) -> None:
    settings.ALLOWED_HOSTS = ["testserver", "evil.example"]
    client.post(
        reverse("account_reset_password"), {"email": "rita@example.com"}, HTTP_HOST="evil.example"
    )
    body = Message.objects.get(to_email="rita@example.com").body_text
    assert "evil.example" not in body
    assert "http://testserver/staff/account/password/reset/key/" in body
