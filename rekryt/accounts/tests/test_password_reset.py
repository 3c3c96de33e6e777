"""Password reset by email: the request only stores the address, the worker
looks it up and queues the mail in the durable outbox, and the answer — and
the work done while answering — is the same whether or not the address
belongs to someone."""

from __future__ import annotations

import logging
import re
from datetime import timedelta
from typing import Any

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from rekryt.accounts.duties import PurgeEndedCounters, SendPasswordResets
from rekryt.accounts.models import EmailRequest, User
from rekryt.messaging.models import Message, MessageStatus
from rekryt.ops.duties import run_until_idle


def _request_reset(client: Any, email: str) -> Any:
    return client.post(reverse("account_reset_password"), {"email": email}, follow=True)


def test_reset_mail_is_queued_in_the_outbox_and_delivered(
    client: Any, rita: User, outbox_backend: None
) -> None:
    _request_reset(client, "rita@example.com")
    assert not Message.objects.exists()
    assert SendPasswordResets().handle_one()
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
    run_until_idle()
    body = Message.objects.get(to_email="rita@example.com").body_text
    assert "evil.example" not in body
    assert "http://testserver/staff/account/password/reset/key/" in body


def _shapes(queries: Any) -> list[str]:
    """Each statement with its values left out."""
    return [re.sub(r"'[^']*'|\b\d+\b", "?", q["sql"]) for q in queries]


def _strip(response: Any) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def test_known_and_unknown_addresses_cost_the_same_queries_then_only_one_gets_mail(
    client: Any, rita: User, outbox_backend: None
) -> None:
    client.get(reverse("account_reset_password"))  # warm the organisation cache
    with CaptureQueriesContext(connection) as known_queries:
        known = _request_reset(client, "rita@example.com")
    with CaptureQueriesContext(connection) as unknown_queries:
        unknown = _request_reset(client, "nobody@example.com")
    assert _strip(known) == _strip(unknown)
    assert _shapes(known_queries) == _shapes(unknown_queries)
    assert not Message.objects.exists()
    assert EmailRequest.objects.count() == 2

    duty = SendPasswordResets()
    assert duty.handle_one()
    assert duty.handle_one()
    assert not duty.handle_one()
    assert list(Message.objects.values_list("to_email", flat=True)) == ["rita@example.com"]
    assert not EmailRequest.objects.exists()


def test_the_email_is_in_the_language_the_form_was_read_in(
    client: Any, rita: User, outbox_backend: None
) -> None:
    client.post(
        reverse("account_reset_password"),
        {"email": "RITA@example.com"},
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    run_until_idle()
    message = Message.objects.get(to_email="rita@example.com")
    assert message.language == "sv"
    assert "Klicka på länken" in message.body_text


def test_inactive_staff_get_no_mail(client: Any, rita: User, outbox_backend: None) -> None:
    User.objects.filter(pk=rita.pk).update(is_active=False)
    _request_reset(client, "rita@example.com")
    run_until_idle()
    assert not Message.objects.exists()


def test_requests_nobody_handled_within_an_hour_are_dropped_unsent(
    client: Any, rita: User, outbox_backend: None
) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _request_reset(client, "rita@example.com")
    with time_machine.travel(start + timedelta(minutes=59), tick=False):
        PurgeEndedCounters().handle_one()
        assert EmailRequest.objects.count() == 1
    with time_machine.travel(start + timedelta(minutes=61), tick=False):
        PurgeEndedCounters().handle_one()
        assert not EmailRequest.objects.exists()
    run_until_idle()
    assert not Message.objects.exists()


def test_the_address_is_never_logged(
    client: Any, rita: User, outbox_backend: None, caplog: Any
) -> None:
    caplog.set_level(logging.DEBUG)
    _request_reset(client, "rita@example.com")
    _request_reset(client, "nobody@example.com")
    run_until_idle()
    assert "rita@example.com" not in caplog.text
    assert "nobody@example.com" not in caplog.text


def test_reset_requests_are_limited_per_typed_address(client: Any, rita: User) -> None:
    url = reverse("account_reset_password")
    statuses = [client.post(url, {"email": "Rita@example.com"}).status_code for _ in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert client.post(url, {"email": "alice@example.com"}).status_code == 302
    assert EmailRequest.objects.count() == 4


def test_a_password_reset_lifts_the_lockout(client: Any, rita: User, outbox_backend: None) -> None:
    for _ in range(6):
        client.post(reverse("login"), {"login": "rita", "password": "wrong-guess"})
    _request_reset(client, "rita@example.com")
    run_until_idle()
    body = Message.objects.get(to_email="rita@example.com").body_text
    link = re.search(r"http://testserver(/staff/account/password/reset/key/\S+/)", body)
    assert link
    response = client.get(link.group(1), follow=True)
    form_url = response.redirect_chain[-1][0]
    new = "a-brand-new-secret-42"
    client.post(form_url, {"password1": new, "password2": new})
    response = client.post(reverse("login"), {"login": "rita", "password": new})
    assert response.status_code == 302
