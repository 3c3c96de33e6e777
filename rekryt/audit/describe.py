"""The audit log in words an HR person can hand to IMY.

Each app says what its audit entries mean in an `audit_labels` module
(found by `rekryt.lib.appmodules`, like `duties` and `personal_data`), so the
audit app names no other app's models or pages:

- `TARGETS`: model label -> `Target` ("candidates.candidate" is a Candidate,
  opened at `candidate_detail`);
- `PAGES`: URL name -> what a successful request there did ("Viewed an
  application"), for the entries the audit middleware writes;
- `DETAILS`: detail code -> a text with `%(name)s` placeholders filled from
  the entry's params, or a function of the params, for entries written by
  actions ("Role changed from Recruiter to Admin").

Texts are lazy, so an entry reads in the language of whoever reads it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.apps import apps
from django.db.models import QuerySet
from django.urls import NoReverseMatch, reverse

from rekryt.audit.models import Action, AuditEntry
from rekryt.lib.appmodules import app_modules

Describer = Any  # a lazy text with %(name)s placeholders, or Callable[[dict], str]


@dataclass(frozen=True)
class Target:
    """What a target type is called, and the page that shows one (its `pk`
    as the URL's only argument). `visible(user)` narrows the objects the
    reader may open there; by default the model's `visible_to(user)`, if
    it has one, else every row."""

    label: Any
    url_name: str = ""
    visible: Callable[[Any], QuerySet[Any]] | None = None


@dataclass(frozen=True)
class Labels:
    targets: dict[str, Target]
    pages: dict[str, Any]
    details: dict[str, Describer]


@cache
def labels() -> Labels:
    found = Labels({}, {}, {})
    for module in app_modules("audit_labels"):
        found.targets.update(getattr(module, "TARGETS", {}))
        found.pages.update(getattr(module, "PAGES", {}))
        found.details.update(getattr(module, "DETAILS", {}))
    return found


def target_label(target_type: str) -> str:
    target = labels().targets.get(target_type)
    return str(target.label) if target is not None else target_type


def target_type_choices() -> list[tuple[str, str]]:
    """The types an entry can name, by their labels, for the filter."""
    named = [(key, str(target.label)) for key, target in labels().targets.items()]
    return sorted(named, key=lambda choice: choice[1].casefold())


def _fill(describer: Describer, params: dict[str, Any]) -> str:
    if callable(describer):  # lazy texts are not callable
        return str(describer(params))
    text = str(describer)
    try:
        return text % params if params else text.replace("%%", "%")
    except (KeyError, TypeError, ValueError):
        return text


def description(entry: AuditEntry) -> str:
    """What happened, in the active language: the entry's detail code, else
    its page, else the free text it was written with (older entries)."""
    found = labels()
    if entry.detail in found.details:
        return _fill(found.details[entry.detail], entry.params or {})
    if entry.action == Action.DENIED:
        return ""
    page = entry.detail or entry.summary
    if page in found.pages:
        return str(found.pages[page])
    return entry.summary


def _visible(target_type: str, target: Target, user: Any) -> QuerySet[Any] | None:
    if target.visible is not None:
        return target.visible(user)
    try:
        model = apps.get_model(target_type)
    except (LookupError, ValueError):
        return None
    manager: Any = model._default_manager
    return manager.visible_to(user) if hasattr(manager, "visible_to") else manager.all()


def target_links(entries: Iterable[AuditEntry], user: Any) -> dict[tuple[str, str], str]:
    """(target type, id) -> URL, for the targets on this page that still
    exist and that `user` may open: one query per linkable type shown."""
    wanted: dict[str, set[str]] = {}
    for entry in entries:
        if entry.target_id.isdigit():
            wanted.setdefault(entry.target_type, set()).add(entry.target_id)
    links = {}
    for target_type, ids in wanted.items():
        target = labels().targets.get(target_type)
        if target is None or not target.url_name:
            continue
        visible = _visible(target_type, target, user)
        if visible is None:
            continue
        for pk in visible.filter(pk__in=[int(i) for i in ids]).values_list("pk", flat=True):
            try:
                links[(target_type, str(pk))] = reverse(target.url_name, args=[pk])
            except NoReverseMatch:
                continue
    return links
