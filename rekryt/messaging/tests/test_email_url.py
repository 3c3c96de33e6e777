"""EMAIL_URL: the three ways to reach an SMTP server, and loud failures."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from rekryt.messaging.delivery import smtp_config
from rekryt.messaging.duties import DeliverDueMessages
from rekryt.messaging.email_url import SmtpConfig, parse_email_url


def test_it_reads_a_plain_smtp_url():
    config = parse_email_url("smtp://mailer:secret@mail.example.com:2525", timeout=7)

    assert config == SmtpConfig(
        host="mail.example.com",
        port=2525,
        username="mailer",
        password="secret",
        use_tls=False,
        use_ssl=False,
        timeout=7,
    )


def test_it_upgrades_plain_smtp_with_starttls_when_asked():
    config = parse_email_url("smtp://mail.example.com:587?starttls=true", timeout=5)

    assert config is not None
    assert (config.use_tls, config.use_ssl, config.port) == (True, False, 587)


def test_it_uses_starttls_for_smtp_plus_starttls():
    config = parse_email_url("smtp+starttls://u:p@mail.example.com", timeout=5)

    assert config is not None
    assert (config.use_tls, config.use_ssl, config.port) == (True, False, 587)


def test_it_uses_implicit_tls_for_smtps():
    config = parse_email_url("smtps://u:p@mail.example.com", timeout=5)

    assert config is not None
    assert (config.use_tls, config.use_ssl, config.port) == (False, True, 465)


def test_it_defaults_plain_smtp_to_port_25():
    config = parse_email_url("smtp://localhost", timeout=5)

    assert config is not None
    assert (config.port, config.username, config.password) == (25, "", "")


def test_it_url_decodes_username_and_password():
    config = parse_email_url("smtp://jobb%40exempel.se:p%40ss%2Fw%3Ard@mail:25", timeout=5)

    assert config is not None
    assert (config.username, config.password) == ("jobb@exempel.se", "p@ss/w:rd")


def test_it_takes_the_timeout_from_settings(settings):
    settings.EMAIL_URL = "smtp://mail.example.com"
    settings.EMAIL_TIMEOUT = 13

    config = smtp_config()

    assert config is not None
    assert config.timeout == 13


@pytest.mark.parametrize("url", ["", "   "])
def test_it_means_the_development_mailbox_when_empty(url):
    assert parse_email_url(url, timeout=5) is None


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("smpt://u:hunter2@mail.example.com", "unknown scheme 'smpt'"),
        ("mail.example.com", "unknown scheme '(none)'"),
        ("smtp://u:hunter2@mail.example.com?startls=true", "unknown option 'startls'"),
        ("smtp://u:hunter2@mail.example.com?starttls=maybe", "starttls must be true or false"),
        ("smtps://u:hunter2@mail.example.com?starttls=1", "smtps:// already uses TLS"),
        ("smtp://u:hunter2@mail.example.com:port", "the port must be a number"),
        ("smtp://", "the host is missing"),
    ],
)
def test_it_refuses_a_url_it_cannot_use_without_showing_the_password(url, problem):
    with pytest.raises(ImproperlyConfigured) as raised:
        parse_email_url(url, timeout=5)

    assert problem in str(raised.value)
    assert "hunter2" not in str(raised.value)


def test_it_never_shows_the_password_in_a_repr():
    config = parse_email_url("smtp://u:hunter2@mail.example.com", timeout=5)

    assert "hunter2" not in repr(config)


def test_it_stops_the_delivery_duty_from_starting_with_an_unknown_scheme(settings):
    settings.EMAIL_URL = "sendgrid://key@api"

    with pytest.raises(ImproperlyConfigured, match="unknown scheme 'sendgrid'"):
        DeliverDueMessages()


def test_it_makes_the_worker_fail_at_start_with_a_clear_message(settings):
    settings.EMAIL_URL = "smtp+ssl://mail.example.com"

    with pytest.raises(SystemCheckError, match=r"messaging.E001.*unknown scheme 'smtp\+ssl'"):
        call_command("worker", "--once", skip_checks=False)


def test_it_passes_the_system_check_with_a_good_url(settings):
    settings.EMAIL_URL = "smtps://u:p@mail.example.com"

    call_command("check")
