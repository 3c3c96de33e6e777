"""Where seed_demo's password comes from (on an empty database)."""

from __future__ import annotations

from typing import Any

import pytest

from rekryt.accounts.models import User
from rekryt.demo.tests.test_seed_demo import seed


def test_it_takes_the_password_from_the_environment(
    db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEMO_PASSWORD", "from-the-env")
    seed("--if-empty")
    assert User.objects.get(username="rebecka").check_password("from-the-env")


def test_it_generates_a_password_when_none_is_given(
    db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    output = seed()
    password = output.splitlines()[-1].split()[1]
    assert len(password) >= 16
    assert User.objects.get(username="ivar").check_password(password)
