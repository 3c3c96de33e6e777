"""Parse EMAIL_URL into SMTP connection settings.

    smtp://user:pass@host:25                plain (add ?starttls=true to upgrade)
    smtp+starttls://user:pass@host:587      STARTTLS
    smtps://user:pass@host:465              implicit TLS

An empty EMAIL_URL means the development mailbox: nothing leaves the machine.
Anything else fails loudly at worker start rather than losing mail quietly."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

# scheme -> (default port, STARTTLS, implicit TLS)
SCHEMES: dict[str, tuple[int, bool, bool]] = {
    "smtp": (25, False, False),
    "smtp+starttls": (587, True, False),
    "smtps": (465, False, True),
}
TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off"}


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    username: str
    password: str
    use_tls: bool  # STARTTLS
    use_ssl: bool  # implicit TLS
    timeout: float

    def __repr__(self) -> str:
        # Never print the password in logs or tracebacks.
        return f"SmtpConfig(host={self.host!r}, port={self.port}, username={self.username!r})"


def _fail(problem: str) -> ImproperlyConfigured:
    # The URL itself is never echoed: it holds the SMTP password.
    return ImproperlyConfigured(
        f"EMAIL_URL: {problem}. Use smtp://, smtp+starttls:// or smtps://"
        " (user:password@host:port), or leave it empty for the development mailbox."
    )


def _starttls(query: str, default: bool) -> bool:
    params = parse_qs(query, keep_blank_values=True)
    unknown = set(params) - {"starttls"}
    if unknown:
        raise _fail(f"unknown option {sorted(unknown)[0]!r}")
    if "starttls" not in params:
        return default
    value = params["starttls"][-1].strip().lower()
    if value not in TRUE | FALSE:
        raise _fail("starttls must be true or false")
    return value in TRUE


def parse_email_url(url: str, timeout: float) -> SmtpConfig | None:
    """SMTP settings for `url`, or None for the development mailbox."""
    url = url.strip()
    if not url:
        return None
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise _fail(f"unknown scheme {scheme or '(none)'!r}")
    default_port, starttls, implicit_tls = SCHEMES[scheme]
    try:
        port = parts.port or default_port
    except ValueError:
        raise _fail("the port must be a number") from None
    if not parts.hostname:
        raise _fail("the host is missing")
    use_tls = _starttls(parts.query, starttls)
    if use_tls and implicit_tls:
        raise _fail("smtps:// already uses TLS; starttls cannot be added")
    return SmtpConfig(
        host=parts.hostname,
        port=port,
        username=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        use_tls=use_tls,
        use_ssl=implicit_tls,
        timeout=timeout,
    )
