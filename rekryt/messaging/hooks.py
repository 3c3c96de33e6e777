"""Explicit registry for reactions to a message's delivery.

`applications` sits below `messaging` and writes a timeline event when an
email about an application is sent or fails; it registers that reaction here
in its AppConfig.ready(), so delivery never imports the apps that build on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rekryt.messaging.models import Message

# A hook takes a list: the delivery duty reports a whole batch at once, so
# the timeline events of 20 emails are one INSERT rather than 20.
StatusHook = Callable[[list["Message"]], None]
_status_hooks: list[StatusHook] = []


def on_status_change(hook: StatusHook) -> StatusHook:
    if hook not in _status_hooks:
        _status_hooks.append(hook)
    return hook


def status_changed(messages: list[Message]) -> None:
    for hook in _status_hooks:
        hook(messages)


# Values added to every candidate email at queue time. The portal registers
# one that mints a fresh link (`portal_url`) for the candidate: the raw token
# exists only in the email, the database keeps its hash.
ValueProvider = Callable[..., dict[str, str]]
_value_providers: list[ValueProvider] = []


def provide_values(provider: ValueProvider) -> ValueProvider:
    if provider not in _value_providers:
        _value_providers.append(provider)
    return provider


def extra_values(*, candidate: object, application: object, kind: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for provider in _value_providers:
        values.update(provider(candidate=candidate, application=application, kind=kind))
    return values


# "Is this email still wanted?", asked by the delivery duty just before
# sending. A delayed rejection, say, is only sent while the application is
# still rejected: applications registers a check for its final-decision kinds.
# A message any check refuses is cancelled, never sent.
StillWanted = Callable[["Message"], bool]
_checks: dict[str, list[StillWanted]] = {}


def check_before_sending(kinds: list[str], check: StillWanted) -> StillWanted:
    for kind in kinds:
        registered = _checks.setdefault(kind, [])
        if check not in registered:
            registered.append(check)
    return check


def still_wanted(message: Message) -> bool:
    return all(check(message) for check in _checks.get(message.kind, []))


# How staff see an email about an application: an app may mask the person in
# what the preview pages show (screening does, for an application under
# blind review). A mask takes text and returns it masked; None leaves it.
# `masks(messages)` gives a mask per message id for those it masks, in one go.
StaffMasks = Callable[[list["Message"]], "dict[int, Callable[[str], str]]"]
_staff_masks: list[StaffMasks] = []


def add_staff_masks(masks: StaffMasks) -> StaffMasks:
    if masks not in _staff_masks:
        _staff_masks.append(masks)
    return masks


def staff_masks(messages: list[Message]) -> dict[int, Callable[[str], str]]:
    found: dict[int, Callable[[str], str]] = {}
    for provider in _staff_masks:
        found.update(provider(messages))
    return found


def staff_mask(message: Message) -> Callable[[str], str] | None:
    return staff_masks([message]).get(message.pk)


def mask_for_staff(messages: list[Message]) -> None:
    """Mask the recipient and subject of the listed messages in place (for a
    page that shows them; such a page never saves them)."""
    masks = staff_masks(messages)
    for message in messages:
        mask = masks.get(message.pk)
        if mask is not None:
            message.to_email, message.to_name = mask(message.to_email), mask(message.to_name)
            message.subject = mask(message.subject)


# The Reply-To of an email to a candidate, asked when it is queued.
# Conversations registers one that mints a tokened address
# (`reply+<token>@REPLY_DOMAIN`) so the answer finds its way back; with none
# registered, or none answering, the organisation's reply-to address is used.
ReplyToProvider = Callable[..., str]
_reply_to_providers: list[ReplyToProvider] = []


def provide_reply_to(provider: ReplyToProvider) -> ReplyToProvider:
    if provider not in _reply_to_providers:
        _reply_to_providers.append(provider)
    return provider


def reply_to(*, candidate: object, application: object) -> str:
    for provider in _reply_to_providers:
        address = provider(candidate=candidate, application=application)
        if address:
            return str(address)
    return ""


# The calendar object (iCalendar text and its METHOD) an email carries,
# asked by delivery as it builds an email of one of the registered kinds
# only, so other emails cost nothing. Interviews registers its invitations.
CalendarProvider = Callable[["Message"], "tuple[str, str] | None"]
_calendar_providers: dict[str, CalendarProvider] = {}


def provide_calendar(kinds: list[str], provider: CalendarProvider) -> CalendarProvider:
    for kind in kinds:
        _calendar_providers[kind] = provider
    return provider


def calendar_for(message: Message) -> tuple[str, str] | None:
    provider = _calendar_providers.get(message.kind)
    return provider(message) if provider is not None else None
