"""Explicit registry for reactions to a message's delivery.

`applications` sits below `messaging` and writes a timeline event when an
email about an application is sent or fails; it registers that reaction here
in its AppConfig.ready(), so delivery never imports the apps that build on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rekryt.messaging.models import Message

StatusHook = Callable[["Message"], None]
_status_hooks: list[StatusHook] = []


def on_status_change(hook: StatusHook) -> StatusHook:
    if hook not in _status_hooks:
        _status_hooks.append(hook)
    return hook


def status_changed(message: Message) -> None:
    for hook in _status_hooks:
        hook(message)
