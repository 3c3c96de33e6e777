from __future__ import annotations

from typing import Any

import pytest

OUTBOX_BACKEND = "rekryt.messaging.django_backend.OutboxBackend"


@pytest.fixture
def outbox_backend(settings: Any) -> None:
    """Send django.core.mail through the durable outbox, as production does
    (pytest-django swaps in the in-memory backend for every test)."""
    settings.EMAIL_BACKEND = OUTBOX_BACKEND
