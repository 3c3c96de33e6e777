"""Links typed by candidates, made safe to show."""

from __future__ import annotations

from urllib.parse import urlsplit


def web_link(url: str) -> str:
    """The candidate's link if it is a plain web address, else ''. URLField also
    accepts ftp:, and nothing but http(s) should become a clickable link."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return ""
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else ""
