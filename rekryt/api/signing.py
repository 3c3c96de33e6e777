"""Standard Webhooks signatures (https://www.standardwebhooks.com): the
HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" under the
endpoint's secret (base64 after "whsec_"), sent as "v1,<base64>"."""

from __future__ import annotations

import base64
import hashlib
import hmac

from rekryt.api.models import SECRET_PREFIX


def _key(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def signature(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def headers(secret: str, message_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature(secret, message_id, timestamp, body),
        "Content-Type": "application/json",
        "User-Agent": "Rekryt-Webhooks/1",
    }
